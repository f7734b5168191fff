#pragma once

#include <memory>
#include <string_view>

#include <nlohmann/json.hpp>

namespace spdlog {
class logger;
}

namespace persona {

// Structured logging: one JSON object per line on stderr, so control characters
// and quotes in user input are escaped and a line cannot be forged.
// Never pass a secret (password, token, key, decrypted credential) as a field.
class Logger {
 public:
  enum class Level { kDebug, kInfo, kWarn, kError };

  // Writes to standard error.
  explicit Logger(Level min_level = Level::kInfo);
  ~Logger();
  Logger(const Logger&) = delete;
  Logger& operator=(const Logger&) = delete;

  void Debug(std::string_view msg, const nlohmann::json& fields = {}) { Write(Level::kDebug, msg, fields); }
  void Info(std::string_view msg, const nlohmann::json& fields = {}) { Write(Level::kInfo, msg, fields); }
  void Warn(std::string_view msg, const nlohmann::json& fields = {}) { Write(Level::kWarn, msg, fields); }
  void Error(std::string_view msg, const nlohmann::json& fields = {}) { Write(Level::kError, msg, fields); }

  void Write(Level level, std::string_view msg, const nlohmann::json& fields);
  bool Enabled(Level level) const { return level >= min_level_; }

  // Parses "debug", "info", "warn", "error"; nullopt-like false on anything else.
  static bool ParseLevel(std::string_view text, Level& out);

 private:
  Level min_level_;
  std::shared_ptr<spdlog::logger> sink_;
};

}  // namespace persona
