#include "config/config.h"

#include <charconv>
#include <cstdlib>
#include <regex>

#include "cache/redis_session_cache.h"
#include "core/errors.h"

namespace persona {

ListenAddress ParseListenAddress(const std::string& text) {
  std::string host;
  std::string port_text;
  if (!text.empty() && text.front() == '[') {
    auto close = text.find(']');
    if (close == std::string::npos || close + 1 >= text.size() || text[close + 1] != ':') {
      throw UsageError("invalid listen address '" + text + "': expected [IPv6]:PORT");
    }
    host = text.substr(1, close - 1);
    port_text = text.substr(close + 2);
  } else {
    auto colon = text.rfind(':');
    if (colon == std::string::npos) {
      throw UsageError("invalid listen address '" + text + "': expected HOST:PORT");
    }
    host = text.substr(0, colon);
    port_text = text.substr(colon + 1);
  }
  if (host.empty()) throw UsageError("invalid listen address '" + text + "': the host is empty");
  unsigned port = 0;
  auto [end, ec] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
  if (port_text.empty() || ec != std::errc{} || end != port_text.data() + port_text.size() || port > 65535) {
    throw UsageError("invalid listen address '" + text + "': the port must be a number from 0 to 65535");
  }
  return ListenAddress{host, static_cast<unsigned short>(port)};
}

void Config::LoadEnvironment() {
  auto get = [](const char* name) -> std::optional<std::string> {
    const char* value = std::getenv(name);
    if (value == nullptr || *value == '\0') return std::nullopt;
    return std::string(value);
  };
  database_url = get("PERSONA_DATABASE_URL");
  redis_url = get("PERSONA_REDIS_URL");
  master_key = get("PERSONA_MASTER_KEY");
  if (auto level = get("PERSONA_LOG_LEVEL")) {
    if (!Logger::ParseLevel(*level, log_level)) {
      throw UsageError("PERSONA_LOG_LEVEL must be debug, info, warn or error, not '" + *level + "'");
    }
  }
  auto number = [&get](const char* name, long min, long max, long fallback) -> long {
    auto text = get(name);
    if (!text) return fallback;
    long value = 0;
    auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (ec != std::errc{} || end != text->data() + text->size() || value < min || value > max) {
      throw UsageError(std::string(name) + " must be a whole number from " + std::to_string(min) + " to " +
                       std::to_string(max) + ", not '" + *text + "'");
    }
    return value;
  };
  proxy_checks.interval = std::chrono::seconds(number("PERSONA_PROXY_CHECK_INTERVAL", 0, 86400, 300));
  proxy_checks.timeout = std::chrono::milliseconds(number("PERSONA_PROXY_CHECK_TIMEOUT_MS", 100, 60000, 3000));
  proxy_checks.concurrency = static_cast<int>(number("PERSONA_PROXY_CHECK_CONCURRENCY", 1, 64, 4));
  proxy_checks.degraded_after_ms = static_cast<int>(number("PERSONA_PROXY_DEGRADED_MS", 1, 60000, 1000));
  sessions.idle_after = std::chrono::minutes(number("PERSONA_SESSION_IDLE_MINUTES", 1, 1440, 10));
  sessions.end_after = std::chrono::minutes(number("PERSONA_SESSION_END_MINUTES", 2, 10080, 120));
  if (sessions.end_after <= sessions.idle_after) {
    throw UsageError("PERSONA_SESSION_END_MINUTES must be longer than PERSONA_SESSION_IDLE_MINUTES");
  }
  database_timeouts.connect = std::chrono::seconds(number("PERSONA_DB_CONNECT_TIMEOUT_SECONDS", 2, 300, 2));
  database_timeouts.request = std::chrono::milliseconds(number("PERSONA_DB_REQUEST_TIMEOUT_MS", 100, 600000, 4000));
  connections.header_timeout = std::chrono::seconds(number("PERSONA_HEADER_TIMEOUT_SECONDS", 1, 86400, 10));
  connections.request_timeout = std::chrono::seconds(number("PERSONA_REQUEST_TIMEOUT_SECONDS", 1, 86400, 15));
  connections.keepalive_timeout = std::chrono::seconds(number("PERSONA_KEEPALIVE_TIMEOUT_SECONDS", 1, 86400, 60));
  connections.max_connections = static_cast<std::size_t>(number("PERSONA_MAX_CONNECTIONS", 1, 1000000, 1024));
  if (redis_url) cache::ParseRedisUrl(*redis_url);  // refuse a malformed URL at start
  if (auto dir = get("PERSONA_WEB_DIR")) web_dir = *dir;
  proxy_checks.connect_target = get("PERSONA_PROXY_CHECK_CONNECT");
  if (proxy_checks.connect_target) {
    static const std::regex kTarget(R"([A-Za-z0-9.-]{1,253}:[0-9]{1,5}|\[[0-9A-Fa-f:.]{2,45}\]:[0-9]{1,5})");
    if (!std::regex_match(*proxy_checks.connect_target, kTarget)) {
      throw UsageError("PERSONA_PROXY_CHECK_CONNECT must be host:port, not '" + *proxy_checks.connect_target + "'");
    }
  }
}

std::string RedactConnectionString(const std::string& conninfo) {
  if (conninfo.find("://") != std::string::npos) {
    // postgresql://user:secret@host/db -> postgresql://user:***@host/db
    static const std::regex kUrlPassword(R"(^([a-z]+://[^:/@]*):[^@]*@)", std::regex::icase);
    // ...?password=secret&sslmode=require -> ...?password=***&sslmode=require
    static const std::regex kQueryPassword(R"(([?&]password=)[^&]*)", std::regex::icase);
    return std::regex_replace(std::regex_replace(conninfo, kUrlPassword, "$1:***@"), kQueryPassword, "$1***");
  }
  // password=secret or password='se cret' -> password=***
  static const std::regex kKeyPassword(R"(password\s*=\s*('([^'\\]|\\.)*'|\S+))", std::regex::icase);
  return std::regex_replace(conninfo, kKeyPassword, "password=***");
}

}  // namespace persona
