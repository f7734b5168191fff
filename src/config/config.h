#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "core/log.h"

namespace persona {

// Where the server listens: "127.0.0.1:8080", "[::1]:8080", "localhost:0".
struct ListenAddress {
  std::string host = "127.0.0.1";
  unsigned short port = 8080;
};

// Parses HOST:PORT; throws UsageError with a message naming the problem.
ListenAddress ParseListenAddress(const std::string& text);

// Settings shared by every subcommand: flags first, then PERSONA_* environment variables.
struct Config {
  std::filesystem::path data_dir = "persona-data";
  ListenAddress listen;
  // PERSONA_DATABASE_URL: use this PostgreSQL instead of the embedded cluster.
  std::optional<std::string> database_url;
  // PERSONA_REDIS_URL: session cache in Redis instead of in-process.
  std::optional<std::string> redis_url;
  // PERSONA_MASTER_KEY: master keys ("kid:base64,…") instead of DATA_DIR/master.key.
  std::optional<std::string> master_key;
  // PERSONA_LOG_LEVEL: debug, info, warn, error.
  Logger::Level log_level = Logger::Level::kInfo;

  // Reads the PERSONA_* variables; throws UsageError on an invalid value.
  void LoadEnvironment();

  // The key file of the data directory (created 0600 on first use).
  std::filesystem::path KeyFile() const { return data_dir / "master.key"; }
};

// Removes the password from a PostgreSQL URL or key=value connection string so it can
// be shown in an error message.
std::string RedactConnectionString(const std::string& conninfo);

}  // namespace persona
