#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace persona::domain {

// True for an IPv4 dotted quad ("203.0.113.7") or IPv6 text ("2001:db8::1") as
// inet_pton reads them. Brackets, zone ids ("fe80::1%eth0") and hostnames are not
// addresses: a proxy must be pinned to one IP, never to whatever a name resolves to.
bool IsIpAddress(std::string_view text);

// The canonical text of an address (inet_ntop's: "2001:DB8:0::1" -> "2001:db8::1"), so
// the same proxy imported twice compares equal. Precondition: IsIpAddress(text);
// otherwise throws std::invalid_argument (a programmer error, not a user one).
std::string NormalizeIp(std::string_view text);

struct ProxyLine {
  std::string host;  // normalized IP, IPv6 without brackets
  int port;
  std::string username;
  std::string password;
};

// One non-blank, non-comment line of an import. `line` counts from 1 over the whole
// text, skipped lines included, so the user can find it in their file. Exactly one of
// `proxy` and `error` is set; `error` never contains the password.
struct ProxyLineResult {
  int line;
  std::optional<ProxyLine> proxy;
  std::string error;
};

// Reads a pasted proxy list, one proxy per line, in either of the formats providers
// hand out (docs/templates-and-proxies.md):
//   host:port:user:pass        203.0.113.7:8080:ana:s3cret   [2001:db8::1]:8080:ana:s3cret
//   user:pass@host:port        ana:s3cret@203.0.113.7:8080   ana:s3cret@[2001:db8::1]:8080
// Blank lines and lines starting with '#' give no result. Every other line gives one,
// good or bad, so a single typo does not reject the whole list.
std::vector<ProxyLineResult> ParseProxyList(std::string_view text);

}  // namespace persona::domain
