#include "config/config.h"

#include <charconv>
#include <cstdlib>
#include <regex>

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
