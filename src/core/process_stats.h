#pragma once

#include <optional>

namespace persona {

// This process as the kernel sees it (/proc/self), for the standard process_* metrics.
// A figure that cannot be read is nullopt.
struct ProcessStats {
  std::optional<double> resident_memory_bytes;
  std::optional<double> virtual_memory_bytes;
  std::optional<double> cpu_seconds;         // user + system
  std::optional<double> start_time_seconds;  // since the Unix epoch
  std::optional<double> open_fds;
  std::optional<double> max_fds;  // the soft limit
};

ProcessStats ReadProcessStats();

}  // namespace persona
