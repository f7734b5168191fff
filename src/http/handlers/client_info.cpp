#include "http/handlers/client_info.h"

#include <unistr.h>

namespace persona::http {

app::ClientInfo ClientOf(const Request& req) {
  constexpr std::size_t kMaxUserAgent = 512;
  constexpr std::string_view kReplacement = "\xef\xbf\xbd";  // U+FFFD
  // The User-Agent is stored as text, which holds only UTF-8; a header value may carry
  // any byte from 0x80 up. Each malformed sequence becomes U+FFFD, and the cut at
  // kMaxUserAgent bytes never splits a character.
  std::string_view raw = req.headers[boost::beast::http::field::user_agent];
  std::string ua;
  for (std::size_t i = 0; i < raw.size();) {
    ucs4_t c = 0;
    int n = u8_mbtouc(&c, reinterpret_cast<const uint8_t*>(raw.data()) + i, raw.size() - i);
    std::string_view piece = c == 0xfffd ? kReplacement : raw.substr(i, static_cast<std::size_t>(n));
    if (ua.size() + piece.size() > kMaxUserAgent) break;
    ua += piece;
    i += static_cast<std::size_t>(n);
  }
  return {req.client_address, ua};
}

}  // namespace persona::http
