// The proxy list parser (domain/proxy_line): any pasted text gives one result per
// non-blank, non-comment line, each with exactly one of a proxy or an error, and every
// proxy it accepts is one the inventory can store.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "domain/proxy_line.h"

namespace {

void Fail(const char* what) {
  std::fprintf(stderr, "proxy_line: %s\n", what);
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  int previous_line = 0;
  for (const auto& result : persona::domain::ParseProxyList(text)) {
    if (result.line <= previous_line) Fail("line numbers must increase");
    previous_line = result.line;
    if (result.proxy.has_value() == !result.error.empty()) Fail("exactly one of proxy and error must be set");
    if (!result.proxy) continue;
    const auto& p = *result.proxy;
    if (!persona::domain::IsIpAddress(p.host) || persona::domain::NormalizeIp(p.host) != p.host) {
      Fail("host must be a normalized IP address");
    }
    if (p.port < 1 || p.port > 65535) Fail("port out of range");
    if (p.username.empty() || p.password.empty()) Fail("empty credentials accepted");
  }
  return 0;
}
