#pragma once

#include <chrono>
#include <cstddef>
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

// The periodic proxy health checker of `serve` and `persona proxies check`.
struct ProxyCheckConfig {
  // PERSONA_PROXY_CHECK_INTERVAL (seconds; 0 turns the periodic checker off).
  std::chrono::seconds interval{300};
  // PERSONA_PROXY_CHECK_TIMEOUT_MS: the whole check of one proxy.
  std::chrono::milliseconds timeout{3000};
  // PERSONA_PROXY_CHECK_CONCURRENCY: proxies checked at once.
  int concurrency = 4;
  // PERSONA_PROXY_CHECK_CONNECT ("host:port"): also ask each proxy to CONNECT there.
  std::optional<std::string> connect_target;
  // PERSONA_PROXY_DEGRADED_MS: slower than this (but reachable) is "degraded".
  int degraded_after_ms = 1000;
};

// Work sessions (docs/sessions.md).
struct SessionConfig {
  // PERSONA_SESSION_IDLE_MINUTES: a live session with no action for this long is idle.
  std::chrono::minutes idle_after{10};
  // PERSONA_SESSION_END_MINUTES: … and the server ends it after this long.
  std::chrono::minutes end_after{120};
};

// How long persona waits on the database (docs/reliability.md).
struct DatabaseTimeouts {
  // PERSONA_DB_CONNECT_TIMEOUT_SECONDS: opening a connection outside a request (libpq's
  // connect_timeout, 2 at least).
  std::chrono::seconds connect{2};
  // PERSONA_DB_REQUEST_TIMEOUT_MS: the longest an HTTP request waits on the database in
  // all — a free connection, connecting, its statements — before it answers 503; also
  // the server-side statement_timeout of serve's connections.
  std::chrono::milliseconds request{4000};
};

// Slow clients and the connection cap of `serve` (docs/reliability.md).
struct ConnectionLimits {
  // PERSONA_HEADER_TIMEOUT_SECONDS: a request's header must be in by then.
  std::chrono::seconds header_timeout{10};
  // PERSONA_REQUEST_TIMEOUT_SECONDS: … and the whole request, body included.
  std::chrono::seconds request_timeout{15};
  // PERSONA_KEEPALIVE_TIMEOUT_SECONDS: an idle keep-alive connection is closed then.
  std::chrono::seconds keepalive_timeout{60};
  // PERSONA_MAX_CONNECTIONS: open connections served at once; more get 503.
  std::size_t max_connections = 1024;
};

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
  ProxyCheckConfig proxy_checks;
  SessionConfig sessions;
  DatabaseTimeouts database_timeouts;
  ConnectionLimits connections;
  // PERSONA_WEB_DIR: serve the UI from this directory (web/build.mjs output) instead of
  // the copy in the binary; for working on the UI.
  std::optional<std::filesystem::path> web_dir;

  // Reads the PERSONA_* variables; throws UsageError on an invalid value.
  void LoadEnvironment();

  // The key file of the data directory (created 0600 on first use).
  std::filesystem::path KeyFile() const { return data_dir / "master.key"; }
};

// Removes the password from a PostgreSQL URL or key=value connection string so it can
// be shown in an error message.
std::string RedactConnectionString(const std::string& conninfo);

}  // namespace persona
