#include "core/log.h"

#include <chrono>
#include <cstdio>
#include <ctime>

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include "core/json_text.h"

namespace persona {
namespace {

const char* LevelName(Logger::Level level) {
  switch (level) {
    case Logger::Level::kDebug:
      return "debug";
    case Logger::Level::kInfo:
      return "info";
    case Logger::Level::kWarn:
      return "warn";
    case Logger::Level::kError:
      return "error";
  }
  return "info";
}

std::string NowRfc3339() {
  auto now = std::chrono::system_clock::now();
  std::time_t secs = std::chrono::system_clock::to_time_t(now);
  auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm utc{};
  gmtime_r(&secs, &utc);
  char buf[40];
  std::size_t n = std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &utc);
  std::snprintf(buf + n, sizeof buf - n, ".%03dZ", static_cast<int>(millis));
  return buf;
}

}  // namespace

Logger::Logger(Level min_level)
    : min_level_(min_level),
      // Not registered in spdlog's global registry: each Logger is an owned object.
      sink_(std::make_shared<spdlog::logger>("persona", std::make_shared<spdlog::sinks::stderr_sink_mt>())) {
  sink_->set_pattern("%v");
  sink_->set_level(spdlog::level::trace);
  sink_->flush_on(spdlog::level::trace);
}

Logger::~Logger() = default;

void Logger::Write(Level level, std::string_view msg, const nlohmann::json& fields) {
  if (!Enabled(level)) return;
  // Written as text rather than copied into a second object: this runs for every request.
  std::string line = "{\"ts\":\"" + NowRfc3339() + "\",\"level\":\"" + LevelName(level) + "\",\"msg\":";
  AppendJsonString(line, msg);
  if (fields.is_object()) {
    for (const auto& [key, value] : fields.items()) {
      if (key == "ts" || key == "level" || key == "msg") continue;  // a field cannot forge these
      line.push_back(',');
      AppendJsonString(line, key);
      line.push_back(':');
      // replace: invalid UTF-8 from a client must not throw while logging it.
      line.append(value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    }
  }
  line.push_back('}');
  sink_->info(line);
}

bool Logger::ParseLevel(std::string_view text, Level& out) {
  if (text == "debug")
    out = Level::kDebug;
  else if (text == "info")
    out = Level::kInfo;
  else if (text == "warn")
    out = Level::kWarn;
  else if (text == "error")
    out = Level::kError;
  else
    return false;
  return true;
}

}  // namespace persona
