// The HTTP request path up to the handlers, on raw bytes: Beast's request parser with the
// server's limits (http/server.h: 16 KiB of headers, 1 MiB of body), then what the server
// does with a request it has read (target, query string, headers into http::Request) and
// the router's dispatch — target and query parsing, percent-decoding, authentication by
// cookie or Bearer token, the same-origin check, JSON and CSV bodies, the web UI fallback
// — over the fake API. Up to four requests per input, one after another as on a
// keep-alive connection, so one can create what the next reads.
//
// Not covered: the socket side of http/server.cpp (timeouts, 100-continue, the
// Transfer-Encoding refusals, writing the answer), which tests/http/server_test.cpp tests
// over real connections.
#include <boost/beast/core/buffers_prefix.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fake_api.h"

namespace {

namespace bhttp = boost::beast::http;

constexpr std::size_t kHeaderLimit = 16 * 1024;  // ServerOptions' defaults
constexpr std::size_t kBodyLimit = 1 << 20;
constexpr int kMaxRequests = 4;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto& api = persona::fuzz::SharedApi();
  api.Reset();
  std::string_view rest(reinterpret_cast<const char*>(data), size);
  for (int n = 0; n < kMaxRequests && !rest.empty(); ++n) {
    bhttp::request_parser<bhttp::string_body> parser;
    parser.header_limit(kHeaderLimit);
    parser.body_limit(kBodyLimit);
    parser.eager(true);
    boost::beast::error_code ec;
    std::size_t used = parser.put(boost::asio::buffer(rest.data(), rest.size()), ec);
    if (ec == bhttp::error::need_more || (!ec && !parser.is_done())) {
      // All there is: the connection ends here (a body that runs to the end of the input).
      rest.remove_prefix(used);
      ec = {};
      if (parser.is_header_done() && !parser.is_done()) parser.put_eof(ec);
      if (ec || !parser.is_done()) return 0;
    } else if (ec) {
      return 0;  // the server answers 400, 413 or 431 and closes
    } else {
      rest.remove_prefix(used);
    }

    auto message = parser.release();
    persona::http::Request req;
    req.method = message.method();
    req.target = std::string(message.target());
    req.body = std::move(message.body());
    req.request_id = "fuzz";
    req.client_address = "203.0.113.9";
    req.headers = std::move(static_cast<bhttp::fields&>(message));
    api.Send(req);
  }
  return 0;
}
