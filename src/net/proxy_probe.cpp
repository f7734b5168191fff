#include "net/proxy_probe.h"

#include <algorithm>
#include <cstddef>
#include <string_view>
#include <utility>

#include <boost/asio/buffer.hpp>
#include <boost/asio/error.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>
#include <boost/system/system_error.hpp>

#include "crypto/encoding.h"

namespace persona::net {
namespace {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;
using boost::system::error_code;

// A proxy answers CONNECT with a status line and a few headers; anything longer is not
// behaving like a proxy, and the cap bounds what a hostile peer can make us buffer.
constexpr std::size_t kMaxResponseBytes = std::size_t{8} * 1024;
// The deadline timer is what ends a slow probe. run_for only catches a handler chain that
// failed to finish, so it gets a little longer and never decides the usual timeout.
constexpr std::chrono::milliseconds kRunForSlack{250};
constexpr std::string_view kMalformed = "malformed CONNECT response";

ProbeResult Failure(std::string error) {
  return ProbeResult{.reachable = false, .response_time_ms = 0, .error = std::move(error)};
}

// Accepts "HTTP/1.x NNN" optionally followed by a reason phrase. Only the code is kept:
// the reason phrase comes from the peer and is not worth showing to users.
std::optional<int> ParseStatusCode(std::string_view line) {
  constexpr std::string_view kVersionPrefix = "HTTP/1.";
  auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
  if (!line.starts_with(kVersionPrefix)) return std::nullopt;
  line.remove_prefix(kVersionPrefix.size());
  if (line.size() < 5 || !is_digit(line[0]) || line[1] != ' ') return std::nullopt;
  if (!is_digit(line[2]) || !is_digit(line[3]) || !is_digit(line[4])) return std::nullopt;
  if (line.size() > 5 && line[5] != ' ') return std::nullopt;
  int code = (line[2] - '0') * 100 + (line[3] - '0') * 10 + (line[4] - '0');
  if (code < 100 || code > 599) return std::nullopt;
  return code;
}

// The target is written into the request line and the Host header verbatim, so anything
// that could end the line or split the request is refused.
bool IsValidConnectTarget(std::string_view target) {
  return !target.empty() && std::none_of(target.begin(), target.end(), [](char c) {
    auto byte = static_cast<unsigned char>(c);
    return byte <= 0x20 || byte == 0x7f;
  });
}

std::string BuildConnectRequest(const std::string& target, const ProbeTarget& proxy) {
  std::string request = "CONNECT " + target + " HTTP/1.1\r\nHost: " + target + "\r\n";
  if (!proxy.username.empty()) {
    request += "Proxy-Authorization: Basic " + crypto::Base64Encode(proxy.username + ":" + proxy.password) + "\r\n";
  }
  request += "\r\n";
  return request;
}

std::string ConnectErrorText(const error_code& ec) {
  if (ec == asio::error::connection_refused) return "connection refused";
  if (ec == asio::error::network_unreachable) return "network unreachable";
  if (ec == asio::error::host_unreachable) return "host unreachable";
  if (ec == asio::error::timed_out) return "connection timed out";
  return "connect failed: " + ec.message();
}

std::string ExchangeErrorText(const error_code& ec) {
  if (ec == asio::error::connection_reset) return "connection reset by proxy";
  if (ec == asio::error::broken_pipe) return "proxy closed the connection";
  return "CONNECT exchange failed: " + ec.message();
}

// One probe: connect, then optionally write CONNECT and read the answer, racing a deadline
// timer. Every handler starts by checking done_, because after the first outcome (success,
// failure or deadline) the others still complete, with operation_aborted or a late result.
class ProbeRun {
 public:
  ProbeRun(const tcp::endpoint& endpoint, std::chrono::milliseconds timeout, std::string request)
      : endpoint_(endpoint), timeout_(timeout), request_(std::move(request)) {}

  ProbeResult Run() {
    start_ = Clock::now();
    deadline_.expires_after(timeout_);
    deadline_.async_wait([this](const error_code& ec) {
      if (!ec) Fail(TimeoutText());
    });
    socket_.async_connect(endpoint_, [this](const error_code& ec) { OnConnect(ec); });
    io_.run_for(timeout_ + kRunForSlack);
    // Handlers still queued are destroyed unrun with io_, after socket_ and deadline_.
    if (!done_) Fail(TimeoutText());
    return result_;
  }

 private:
  void OnConnect(const error_code& ec) {
    if (done_) return;
    if (ec) return Fail(ConnectErrorText(ec));
    if (request_.empty()) return Succeed(ElapsedMs());
    asio::async_write(socket_, asio::buffer(request_),
                      [this](const error_code& write_ec, std::size_t) { OnRequestWritten(write_ec); });
  }

  void OnRequestWritten(const error_code& ec) {
    if (done_) return;
    if (ec) return Fail(ExchangeErrorText(ec));
    asio::async_read_until(
        socket_, asio::dynamic_buffer(response_, kMaxResponseBytes), "\r\n",
        [this](const error_code& read_ec, std::size_t line_end) { OnStatusLine(read_ec, line_end); });
  }

  void OnStatusLine(const error_code& ec, std::size_t line_end) {
    if (done_) return;
    if (ec == asio::error::eof && response_.empty()) return Fail("proxy closed the connection without answering");
    if (ec == asio::error::eof || ec == asio::error::not_found) return Fail(std::string(kMalformed));
    if (ec) return Fail(ExchangeErrorText(ec));
    int elapsed_ms = ElapsedMs();
    std::optional<int> code = ParseStatusCode(std::string_view(response_).substr(0, line_end - 2));
    if (!code) return Fail(std::string(kMalformed));
    if (*code < 200 || *code > 299) return Fail("proxy answered " + std::to_string(*code) + " to CONNECT");
    // The buffer still starts with the status line, so a response without headers ends
    // with the "\r\n\r\n" this finds straddling the status line's end.
    asio::async_read_until(socket_, asio::dynamic_buffer(response_, kMaxResponseBytes), "\r\n\r\n",
                           [this, elapsed_ms](const error_code& read_ec, std::size_t) {
                             if (done_) return;
                             if (read_ec == asio::error::not_found) return Fail("CONNECT response headers too large");
                             if (read_ec == asio::error::eof) return Fail(std::string(kMalformed));
                             if (read_ec) return Fail(ExchangeErrorText(read_ec));
                             Succeed(elapsed_ms);
                           });
  }

  void Succeed(int elapsed_ms) {
    done_ = true;
    result_ = ProbeResult{.reachable = true, .response_time_ms = elapsed_ms, .error = {}};
    Stop();
  }

  void Fail(std::string error) {
    if (done_) return;
    done_ = true;
    result_ = Failure(std::move(error));
    Stop();
  }

  // Closing the socket aborts whatever is pending on it, so io_.run_for returns as soon as
  // the aborted handlers have run instead of waiting out the deadline.
  void Stop() {
    deadline_.cancel();
    error_code ignored;
    socket_.close(ignored);
  }

  // Rounded up so that a reachable proxy on a fast network never reports 0, which reads as
  // "not measured".
  int ElapsedMs() const {
    return static_cast<int>(std::chrono::ceil<std::chrono::milliseconds>(Clock::now() - start_).count());
  }

  std::string TimeoutText() const { return "timed out after " + std::to_string(timeout_.count()) + " ms"; }

  // io_ first: it must outlive the socket and timer that are registered with it.
  asio::io_context io_{1};
  tcp::socket socket_{io_};
  asio::steady_timer deadline_{io_};
  tcp::endpoint endpoint_;
  std::chrono::milliseconds timeout_;
  std::string request_;  // empty: TCP-only probe
  std::string response_;
  Clock::time_point start_;
  bool done_ = false;
  ProbeResult result_;
};

}  // namespace

ProbeResult Probe(const ProbeTarget& target, const ProbeOptions& options) {
  if (options.timeout <= std::chrono::milliseconds::zero()) return Failure("timeout must be positive");
  if (target.port < 1 || target.port > 65535) return Failure("invalid proxy port");
  // make_address reads a C string: an embedded NUL would let "127.0.0.1\0junk" through.
  if (target.host.find('\0') != std::string::npos) return Failure("invalid proxy address");
  error_code ec;
  asio::ip::address address = asio::ip::make_address(target.host, ec);
  if (ec) return Failure("invalid proxy address");

  std::string request;
  if (options.connect_target) {
    if (!IsValidConnectTarget(*options.connect_target)) return Failure("invalid CONNECT target");
    request = BuildConnectRequest(*options.connect_target, target);
  }

  try {
    ProbeRun run(tcp::endpoint(address, static_cast<unsigned short>(target.port)), options.timeout, std::move(request));
    return run.Run();
  } catch (const boost::system::system_error& e) {
    // Creating the io_context or socket can fail when the process is out of descriptors. A
    // checker probing many proxies should record that against this probe, not die of it.
    return Failure(std::string("local error: ") + e.what());
  }
}

}  // namespace persona::net
