#include "support/http_client.h"

#include <array>
#include <functional>
#include <stdexcept>

#include <boost/asio/connect.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/http.hpp>

namespace persona::testing {
namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;

// Runs one asynchronous operation to completion on `ioc`; the stream's expiry (set by
// the caller) is what bounds it.
template <class Start>
beast::error_code RunOp(net::io_context& ioc, Start&& start) {
  beast::error_code result = net::error::would_block;
  start([&result](beast::error_code ec, auto&&...) { result = ec; });
  ioc.restart();
  ioc.run();
  return result;
}

void Connect(net::io_context& ioc, beast::tcp_stream& stream, const net::ip::tcp::endpoint& endpoint,
             std::chrono::milliseconds timeout) {
  stream.expires_after(timeout);
  auto ec = RunOp(ioc, [&](auto handler) { stream.async_connect(endpoint, std::move(handler)); });
  if (ec) throw std::runtime_error("connect failed: " + ec.message());
}

std::optional<HttpResult> ReadOne(net::io_context& ioc, beast::tcp_stream& stream, beast::flat_buffer& buffer,
                                  std::chrono::milliseconds timeout, bool head, beast::error_code& ec) {
  bhttp::response_parser<bhttp::string_body> parser;
  parser.body_limit(64u << 20);
  parser.skip(head);  // a HEAD answer announces a length but carries no body
  stream.expires_after(timeout);
  ec = RunOp(ioc, [&](auto handler) { bhttp::async_read(stream, buffer, parser, std::move(handler)); });
  if (ec) return std::nullopt;
  auto message = parser.release();
  HttpResult result;
  result.status = message.result_int();
  result.body = std::move(message.body());
  result.headers = static_cast<const bhttp::fields&>(message);
  return result;
}

// A timer of its own rather than the stream's expiry: on expiry the stream closes the
// socket, and the caller may want to keep using the connection after a "not yet".
bool WaitClosed(net::io_context& ioc, beast::tcp_stream& stream, std::chrono::milliseconds wait) {
  net::steady_timer timer(ioc);
  timer.expires_after(wait);
  bool timed_out = false;
  bool closed = false;
  timer.async_wait([&](beast::error_code ec) {
    if (ec) return;
    timed_out = true;
    beast::error_code ignored;
    stream.socket().cancel(ignored);
  });
  std::array<char, 4096> scratch{};
  std::function<void()> read = [&] {
    stream.socket().async_read_some(net::buffer(scratch), [&](beast::error_code ec, std::size_t) {
      if (!ec) return read();  // bytes after the answer are not what we wait for
      closed = !timed_out;
      timer.cancel();
    });
  };
  stream.expires_never();
  read();
  ioc.restart();
  ioc.run();
  return closed;
}

}  // namespace

std::string HttpResult::Header(std::string_view name) const { return std::string(headers[name]); }

nlohmann::json HttpResult::Json() const { return nlohmann::json::parse(body); }

HttpConnection::HttpConnection(const net::ip::tcp::endpoint& endpoint, std::chrono::milliseconds timeout)
    : stream_(ioc_), timeout_(timeout) {
  Connect(ioc_, stream_, endpoint, timeout_);
  // As a browser would: the address and port it connected to.
  auto address = endpoint.address().to_string();
  host_ = (endpoint.address().is_v6() ? "[" + address + "]" : address) + ":" + std::to_string(endpoint.port());
}

HttpResult HttpConnection::Send(bhttp::verb method, std::string_view target, std::string body, const Headers& headers) {
  bhttp::request<bhttp::string_body> request{method, target, 11};
  request.set(bhttp::field::host, host_);
  bool has_type = false;
  for (const auto& [name, value] : headers) {
    has_type = has_type || beast::iequals(name, "Content-Type");
    if (beast::iequals(name, "Host")) {
      request.set(bhttp::field::host, value);
    } else {
      request.insert(name, value);
    }
  }
  if (!body.empty() && !has_type) request.set(bhttp::field::content_type, "application/json");
  request.body() = std::move(body);
  request.prepare_payload();

  stream_.expires_after(timeout_);
  auto ec = RunOp(ioc_, [&](auto handler) { bhttp::async_write(stream_, request, std::move(handler)); });
  if (ec) throw std::runtime_error("write failed: " + ec.message());
  auto result = ReadOne(ioc_, stream_, buffer_, timeout_, method == bhttp::verb::head, ec);
  if (!result) throw std::runtime_error("read failed: " + ec.message());
  return std::move(*result);
}

bool HttpConnection::WaitForClose(std::chrono::milliseconds wait) { return WaitClosed(ioc_, stream_, wait); }

HttpResult Request(const net::ip::tcp::endpoint& endpoint, bhttp::verb method, std::string_view target,
                   std::string body, const Headers& headers) {
  HttpConnection connection(endpoint);
  return connection.Send(method, target, std::move(body), headers);
}

RawConnection::RawConnection(const net::ip::tcp::endpoint& endpoint) : stream_(ioc_) {
  Connect(ioc_, stream_, endpoint, std::chrono::seconds(10));
}

bool RawConnection::Write(std::string_view bytes) {
  stream_.expires_after(std::chrono::seconds(10));
  auto ec = RunOp(ioc_, [&](auto handler) {
    net::async_write(stream_, net::buffer(bytes.data(), bytes.size()), std::move(handler));
  });
  return !ec;
}

std::optional<HttpResult> RawConnection::ReadResponse(std::chrono::milliseconds wait, bool head) {
  beast::error_code ec;
  return ReadOne(ioc_, stream_, buffer_, wait, head, ec);
}

bool RawConnection::WaitForClose(std::chrono::milliseconds wait) { return WaitClosed(ioc_, stream_, wait); }

}  // namespace persona::testing
