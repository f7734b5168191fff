#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include <boost/asio/ip/tcp.hpp>

#include "core/log.h"
#include "http/router.h"

namespace persona::http {

struct ServerOptions {
  std::string host = "127.0.0.1";        // an IP literal ("::1" too) or a resolvable name
  unsigned short port = 8080;            // 0 = ephemeral, see Listen()
  std::size_t body_limit = 1 << 20;      // over it: 413, from Content-Length or a growing chunked body
  std::size_t header_limit = 16 * 1024;  // over it: 431
  // Slow clients (docs/reliability.md). A request's clock starts when its connection is
  // accepted (the first request) or at its first byte (later ones).
  std::chrono::seconds header_timeout{10};  // until the end of the header (capped by read_timeout)
  std::chrono::seconds read_timeout{15};    // the whole request, header and body; also bounds each write
  std::chrono::seconds idle_timeout{60};    // keep-alive wait for the next request
  // Open connections served at once; one more is answered 503 with Retry-After and closed.
  std::size_t max_connections = 1024;
  std::size_t io_threads = 1;
  std::size_t worker_threads = 4;  // runs the handlers of blocking routes
  std::chrono::seconds shutdown_grace{10};
  bool handle_signals = false;  // SIGINT/SIGTERM start a graceful shutdown
};

// One answered request, as a RequestObserver hears of it.
struct RequestRecord {
  boost::beast::http::verb method;
  // The route's pattern ("/api/v1/personas/{id}"), never the raw path; kWebUiRoute for
  // what the router's fallback answered, kUnmatchedRoute for everything else no route
  // served (404, 405, requests refused before routing). Valid while the Router lives.
  std::string_view route;
  unsigned status;
  std::chrono::steady_clock::duration duration;  // from the first byte of the request
};

inline constexpr std::string_view kWebUiRoute = "web_ui";
inline constexpr std::string_view kUnmatchedRoute = "unmatched";

// Told of every request as it is answered (the request metrics of /metrics). Called on
// I/O and worker threads alike, so it must be thread-safe, and quick.
class RequestObserver {
 public:
  virtual ~RequestObserver() = default;
  virtual void OnRequest(const RequestRecord& record) = 0;
};

// HTTP/1.1 server: keep-alive, limits, timeouts, request ids, security headers, one
// access log line per request, graceful shutdown. What a request means is the Router's
// business; this class is the transport.
class Server {
 public:
  // `router`, `log` and `observer` (may be null) must outlive the Server.
  Server(ServerOptions options, const Router& router, persona::Logger& log, RequestObserver* observer = nullptr);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and listens; returns the bound endpoint (the real port when port is 0).
  // Throws std::runtime_error such as
  // "cannot listen on 127.0.0.1:8080: Address already in use".
  boost::asio::ip::tcp::endpoint Listen();

  // Serves (calling Listen() first if needed) until a shutdown completes: returns once
  // in-flight requests are answered, or the grace period has closed their connections,
  // and every I/O and worker thread is joined. Call once.
  void Run();

  // Thread-safe and idempotent; may be called before Run(). Stops accepting, lets
  // in-flight requests finish (answered with Connection: close), closes idle
  // keep-alive connections, and makes Run() return.
  void RequestShutdown();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace persona::http
