#include "domain/proxy_line.h"

#include <arpa/inet.h>

#include <stdexcept>

namespace persona::domain {
namespace {

constexpr std::size_t kMaxLineBytes = 1024;
constexpr std::size_t kMaxUsername = 100;  // proxy_assignments.proxy_username is VARCHAR(100)
constexpr std::size_t kMaxPassword = 255;
constexpr int kMaxPort = 65535;

constexpr char kFormatError[] = "expected host:port:user:pass or user:pass@host:port";
constexpr char kHostError[] = "host must be an IP address (IPv6 in brackets)";
constexpr char kPortError[] = "port must be a number from 1 to 65535";

// The fields of a line as split, before any of them is checked.
struct RawFields {
  std::string_view host;
  bool bracketed = false;
  std::string_view port;
  std::string_view username;
  std::string_view password;
};

// The address family of `text` with its binary form in `buffer`, or nullopt if it is
// not an IP address.
std::optional<int> ParseAddress(std::string_view text, unsigned char (&buffer)[sizeof(in6_addr)]) {
  // inet_pton reads a C string: an embedded NUL would hide whatever follows it.
  if (text.empty() || text.size() >= INET6_ADDRSTRLEN || text.find('\0') != std::string_view::npos) {
    return std::nullopt;
  }
  std::string copy(text);
  if (inet_pton(AF_INET, copy.c_str(), buffer) == 1) return AF_INET;
  if (inet_pton(AF_INET6, copy.c_str(), buffer) == 1) return AF_INET6;
  return std::nullopt;
}

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'; }

std::string_view Trim(std::string_view text) {
  while (!text.empty() && IsBlank(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsBlank(text.back())) text.remove_suffix(1);
  return text;
}

bool IsControl(unsigned char c) { return c < 0x20 || c == 0x7f; }

bool AllDigits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// Length in code points, or nullopt if `text` is not valid UTF-8. The username is stored
// as VARCHAR, which PostgreSQL refuses to hold invalid UTF-8 in; catching it here gives
// the user a line number instead of a failed import.
std::optional<std::size_t> Utf8Length(std::string_view text) {
  std::size_t count = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    auto lead = static_cast<unsigned char>(text[i]);
    std::size_t length = 0;
    char32_t code_point = 0;
    if (lead < 0x80) {
      length = 1;
      code_point = lead;
    } else if (lead >= 0xc2 && lead <= 0xdf) {
      length = 2;
      code_point = lead & 0x1f;
    } else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      code_point = lead & 0x0f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      code_point = lead & 0x07;
    } else {
      return std::nullopt;
    }
    if (text.size() - i < length) return std::nullopt;
    for (std::size_t k = 1; k < length; ++k) {
      auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xc0) != 0x80) return std::nullopt;
      code_point = (code_point << 6) | (next & 0x3f);
    }
    bool overlong_or_surrogate =
        (length == 3 && (code_point < 0x800 || (code_point >= 0xd800 && code_point <= 0xdfff))) ||
        (length == 4 && (code_point < 0x10000 || code_point > 0x10ffff));
    if (overlong_or_surrogate) return std::nullopt;
    i += length;
    ++count;
  }
  return count;
}

// Splits the host ("203.0.113.7" or "[2001:db8::1]") and the ':' after it off the front
// of `text`; what follows goes to `rest`.
bool SplitHost(std::string_view text, RawFields& fields, std::string_view& rest) {
  std::size_t after_host = 0;
  if (!text.empty() && text.front() == '[') {
    auto close = text.find(']');
    if (close == std::string_view::npos) return false;
    fields.host = text.substr(1, close - 1);
    fields.bracketed = true;
    after_host = close + 1;
  } else {
    after_host = text.find(':');
    if (after_host == std::string_view::npos) return false;
    fields.host = text.substr(0, after_host);
  }
  if (after_host >= text.size() || text[after_host] != ':') return false;
  rest = text.substr(after_host + 1);
  return true;
}

// host:port:user:pass — the password is everything after the third ':' so it may hold
// ':' itself.
std::optional<RawFields> SplitHostFirst(std::string_view line) {
  RawFields fields;
  std::string_view rest;
  if (!SplitHost(line, fields, rest)) return std::nullopt;
  auto port_end = rest.find(':');
  if (port_end == std::string_view::npos) return std::nullopt;
  fields.port = rest.substr(0, port_end);
  rest = rest.substr(port_end + 1);
  auto user_end = rest.find(':');
  if (user_end == std::string_view::npos) return std::nullopt;
  fields.username = rest.substr(0, user_end);
  fields.password = rest.substr(user_end + 1);
  return fields;
}

// user:pass@host:port — split at the last '@' (the password may hold '@'), the user is
// up to the first ':' and the password the rest.
std::optional<RawFields> SplitUserFirst(std::string_view line) {
  auto at = line.rfind('@');
  if (at == std::string_view::npos) return std::nullopt;
  std::string_view credentials = line.substr(0, at);
  auto colon = credentials.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  RawFields fields;
  fields.username = credentials.substr(0, colon);
  fields.password = credentials.substr(colon + 1);
  std::string_view port;
  if (!SplitHost(line.substr(at + 1), fields, port)) return std::nullopt;
  fields.port = port;
  return fields;
}

// A line with an '@' can be either format ("203.0.113.7:8080:ana:p@ss" is host-first
// with an '@' in the password). It is host-first when it starts like one: an IP and
// then a numeric port.
std::optional<RawFields> Split(std::string_view line) {
  auto host_first = SplitHostFirst(line);
  if (line.find('@') == std::string_view::npos) return host_first;
  if (host_first && IsIpAddress(host_first->host) && AllDigits(host_first->port)) return host_first;
  return SplitUserFirst(line);
}

// Checks the split fields; the first problem found is the line's error. No message
// quotes a field, so the password cannot leak into a response or a log.
std::optional<std::string> Check(const RawFields& fields, ProxyLine& proxy) {
  if (!IsIpAddress(fields.host)) {
    return std::string(kHostError);
  }
  proxy.host = NormalizeIp(fields.host);
  if (fields.bracketed && proxy.host.find(':') == std::string::npos) {
    return std::string("only IPv6 addresses go in brackets");
  }
  if (!AllDigits(fields.port)) return std::string(kPortError);
  int port = 0;
  for (char c : fields.port) {
    port = port * 10 + (c - '0');
    if (port > kMaxPort) return std::string(kPortError);  // before it can overflow
  }
  if (port < 1) return std::string(kPortError);
  proxy.port = port;
  auto username_length = Utf8Length(fields.username);
  auto password_length = Utf8Length(fields.password);
  if (!username_length || !password_length) return std::string("line is not valid UTF-8 text");
  if (*username_length < 1 || *username_length > kMaxUsername) {
    return "username must be 1 to " + std::to_string(kMaxUsername) + " characters";
  }
  if (*password_length < 1 || *password_length > kMaxPassword) {
    return "password must be 1 to " + std::to_string(kMaxPassword) + " characters";
  }
  proxy.username = std::string(fields.username);
  proxy.password = std::string(fields.password);
  return std::nullopt;
}

ProxyLineResult ParseLine(int number, std::string_view line) {
  ProxyLineResult result{number, std::nullopt, {}};
  for (char c : line) {
    if (IsControl(static_cast<unsigned char>(c))) {
      result.error = "line contains a control character such as a tab";
      return result;
    }
  }
  auto fields = Split(line);
  if (!fields) {
    result.error = kFormatError;
    return result;
  }
  ProxyLine proxy{};
  if (auto error = Check(*fields, proxy)) {
    result.error = std::move(*error);
    return result;
  }
  result.proxy = std::move(proxy);
  return result;
}

}  // namespace

bool IsIpAddress(std::string_view text) {
  unsigned char buffer[sizeof(in6_addr)];
  return ParseAddress(text, buffer).has_value();
}

std::string NormalizeIp(std::string_view text) {
  unsigned char buffer[sizeof(in6_addr)];
  auto family = ParseAddress(text, buffer);
  if (!family) throw std::invalid_argument("NormalizeIp needs an IP address");
  char out[INET6_ADDRSTRLEN];
  if (inet_ntop(*family, buffer, out, sizeof(out)) == nullptr) {
    throw std::invalid_argument("NormalizeIp could not format the address");
  }
  return out;
}

std::vector<ProxyLineResult> ParseProxyList(std::string_view text) {
  // Files saved by Windows editors often start with a byte order mark; it is not part of
  // the first host.
  constexpr std::string_view kByteOrderMark = "\xef\xbb\xbf";
  if (text.substr(0, kByteOrderMark.size()) == kByteOrderMark) text.remove_prefix(kByteOrderMark.size());
  std::vector<ProxyLineResult> results;
  int number = 0;
  while (!text.empty()) {
    ++number;
    auto end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.size() > kMaxLineBytes) {
      results.push_back({number, std::nullopt, "line is too long (more than 1024 bytes)"});
      continue;
    }
    line = Trim(line);
    if (line.empty() || line.front() == '#') continue;
    results.push_back(ParseLine(number, line));
  }
  return results;
}

}  // namespace persona::domain
