#include "core/process_stats.h"

#include <sys/resource.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

namespace persona {
namespace {

// The fields of /proc/self/stat after the command name, which may itself hold spaces
// and parentheses: fields[0] is field 3 (state) of proc(5).
std::vector<std::string> StatFields() {
  std::ifstream in("/proc/self/stat");
  std::string line;
  if (!std::getline(in, line)) return {};
  auto close = line.rfind(')');
  if (close == std::string::npos) return {};
  std::istringstream rest(line.substr(close + 1));
  std::vector<std::string> fields;
  for (std::string field; rest >> field;) fields.push_back(field);
  return fields;
}

std::optional<double> Field(const std::vector<std::string>& fields, std::size_t number) {
  // proc(5) numbers fields from 1; the vector starts at field 3.
  if (number < 3 || number - 3 >= fields.size()) return std::nullopt;
  try {
    return std::stod(fields[number - 3]);
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

// The boot time (btime of /proc/stat), since the Unix epoch.
std::optional<double> BootTime() {
  std::ifstream in("/proc/stat");
  for (std::string key; in >> key;) {
    if (key == "btime") {
      double value = 0;
      if (in >> value) return value;
      return std::nullopt;
    }
    in.ignore(std::numeric_limits<std::streamsize>::max(), '\n');
  }
  return std::nullopt;
}

std::optional<double> OpenFds() {
  std::error_code ec;
  std::filesystem::directory_iterator it("/proc/self/fd", ec);
  if (ec) return std::nullopt;
  double count = 0;
  for (const auto& entry : it) {
    (void)entry;
    ++count;
  }
  // The iterator's own descriptor is open while it counts.
  return count > 0 ? count - 1 : count;
}

}  // namespace

ProcessStats ReadProcessStats() {
  ProcessStats stats;
  const double ticks = static_cast<double>(sysconf(_SC_CLK_TCK));
  const double page = static_cast<double>(sysconf(_SC_PAGESIZE));
  auto fields = StatFields();
  auto utime = Field(fields, 14), stime = Field(fields, 15);
  if (utime && stime && ticks > 0) stats.cpu_seconds = (*utime + *stime) / ticks;
  auto start = Field(fields, 22);
  auto boot = BootTime();
  if (start && boot && ticks > 0) stats.start_time_seconds = *boot + *start / ticks;
  if (auto vsize = Field(fields, 23)) stats.virtual_memory_bytes = *vsize;
  if (auto rss = Field(fields, 24); rss && page > 0) stats.resident_memory_bytes = *rss * page;
  stats.open_fds = OpenFds();
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY) {
    stats.max_fds = static_cast<double>(limit.rlim_cur);
  }
  return stats;
}

}  // namespace persona
