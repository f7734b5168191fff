#include "http/handlers/client_info.h"

namespace persona::http {

app::ClientInfo ClientOf(const Request& req) {
  constexpr std::size_t kMaxUserAgent = 512;
  std::string ua(req.headers[boost::beast::http::field::user_agent]);
  if (ua.size() > kMaxUserAgent) ua.resize(kMaxUserAgent);
  return {req.client_address, ua};
}

}  // namespace persona::http
