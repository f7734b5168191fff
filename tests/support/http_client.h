#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/fields.hpp>
#include <boost/beast/http/verb.hpp>
#include <nlohmann/json.hpp>

namespace persona::testing {

using Headers = std::vector<std::pair<std::string, std::string>>;

struct HttpResult {
  unsigned status = 0;
  boost::beast::http::fields headers;
  std::string body;

  std::string Header(std::string_view name) const;
  nlohmann::json Json() const;  // throws if the body is not JSON
};

// Synchronous HTTP/1.1 over loopback for tests: every call runs its own io_context
// with a deadline, so a misbehaving server fails the test instead of hanging it.
// Throws std::runtime_error on connection or protocol errors.
class HttpConnection {
 public:
  explicit HttpConnection(const boost::asio::ip::tcp::endpoint& endpoint,
                          std::chrono::milliseconds timeout = std::chrono::seconds(10));

  // Sends one request on this (kept-alive) connection and reads the answer. A
  // non-empty body gets Content-Type: application/json unless `headers` sets one.
  HttpResult Send(boost::beast::http::verb method, std::string_view target, std::string body = {},
                  const Headers& headers = {});

  // True when the server has closed the connection (EOF or reset) within `wait`.
  bool WaitForClose(std::chrono::milliseconds wait);

 private:
  boost::asio::io_context ioc_;
  boost::beast::tcp_stream stream_;
  boost::beast::flat_buffer buffer_;
  std::chrono::milliseconds timeout_;
  std::string host_;
};

// One request on a fresh connection.
HttpResult Request(const boost::asio::ip::tcp::endpoint& endpoint, boost::beast::http::verb method,
                   std::string_view target, std::string body = {}, const Headers& headers = {});

// Raw bytes, for what a well-behaved client would never send: malformed requests,
// oversized headers, slow clients, chunked bodies written by hand.
class RawConnection {
 public:
  explicit RawConnection(const boost::asio::ip::tcp::endpoint& endpoint);

  // False once the server has closed or reset the connection.
  bool Write(std::string_view bytes);

  // Reads one HTTP response (a HEAD answer if `head`); nullopt on timeout, close or
  // garbage.
  std::optional<HttpResult> ReadResponse(std::chrono::milliseconds wait = std::chrono::seconds(10), bool head = false);

  // True when the server has closed the connection within `wait`; bytes that arrive
  // meanwhile are discarded.
  bool WaitForClose(std::chrono::milliseconds wait);

 private:
  boost::asio::io_context ioc_;
  boost::beast::tcp_stream stream_;
  boost::beast::flat_buffer buffer_;
};

}  // namespace persona::testing
