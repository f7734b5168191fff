#include "http/server.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <future>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>
#include <unordered_map>
#include <vector>

#include <boost/asio/dispatch.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "core/random.h"
#include "http/url.h"

namespace persona::http {
namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = net::ip::tcp;
using Clock = std::chrono::steady_clock;

// After an error answer the client may still be sending (a body over the limit, huge
// headers). Closing with unread input makes the kernel send RST, which can destroy our
// answer before the client reads it; so we read and discard for a while first.
constexpr std::chrono::seconds kMaxLinger{2};
constexpr std::size_t kMaxLingerBytes = 8 << 20;
constexpr std::chrono::milliseconds kShutdownPoll{20};
// Over the connection cap the 503 is written and the input drained for this long. At
// most kMaxRefusing connections are refused so at once; past that a connection is closed
// unanswered, so a flood holds no more descriptors than the cap plus these.
constexpr std::chrono::seconds kRefusalLinger{1};
constexpr std::size_t kMaxRefusing = 128;
constexpr std::chrono::seconds kRefusalLogEvery{1};
constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";

std::string EndpointText(const std::string& host, unsigned short port) {
  bool v6 = host.find(':') != std::string::npos;
  return (v6 ? "[" + host + "]" : host) + ":" + std::to_string(port);
}

bool IsValidRequestId(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
           c == '-';
  });
}

std::string NewRequestId() {
  try {
    return RandomHex(16);
  } catch (const std::exception&) {
    // The id only correlates log lines; unique within the process is enough, and a
    // failing CSPRNG must not take the answer down with it.
    static std::atomic<std::uint64_t> counter{0};
    return "local-" + std::to_string(++counter);
  }
}

std::string PickRequestId(std::string_view from_client) {
  return IsValidRequestId(from_client) ? std::string(from_client) : NewRequestId();
}

// Header names and values come from handlers, which may copy user input into them
// (a Location with an id): refuse anything that could split the response.
bool IsSafeHeader(std::string_view name, std::string_view value) {
  auto bad = [](char c) { return c == '\r' || c == '\n' || c == '\0'; };
  return !name.empty() && std::none_of(name.begin(), name.end(), bad) &&
         std::none_of(value.begin(), value.end(), bad) && name.find(':') == std::string_view::npos;
}

// For log lines about requests that never reached the router: the path without query.
std::string LoggablePath(std::string_view target) {
  std::string_view raw_path, raw_query;
  if (!SplitTarget(target, raw_path, raw_query)) return "-";
  auto decoded = PercentDecode(raw_path, false);
  return decoded ? *decoded : std::string(raw_path);
}

struct Refusal {
  unsigned status;
  std::string detail;
};

// RFC 9112 §6.1, §6.3: a request with Transfer-Encoding is framed by its last coding,
// which must be chunked; anything else leaves its length unknown. Beast then assumes no
// body and would read the body as the next request (the desync request smuggling relies
// on), so such a request is refused and the connection closed. Codings other than
// chunked are valid HTTP we do not implement: 501.
std::optional<Refusal> TransferCodingRefusal(const bhttp::request_header<>& header) {
  std::vector<std::string_view> codings;
  bool present = false;
  for (const auto& field : header) {
    if (field.name() != bhttp::field::transfer_encoding) continue;
    present = true;
    std::string_view list = field.value();
    while (!list.empty()) {
      auto comma = list.find(',');
      auto element = list.substr(0, comma);
      list = comma == std::string_view::npos ? std::string_view{} : list.substr(comma + 1);
      while (!element.empty() && (element.front() == ' ' || element.front() == '\t')) element.remove_prefix(1);
      while (!element.empty() && (element.back() == ' ' || element.back() == '\t')) element.remove_suffix(1);
      if (!element.empty()) codings.push_back(element);  // empty list elements are allowed
    }
  }
  if (!present) return std::nullopt;
  if (header.version() < 11) return Refusal{400, "Transfer-Encoding is not allowed in an HTTP/1.0 request"};
  if (header.count(bhttp::field::content_length) > 0) {
    return Refusal{400, "a request must not carry both Transfer-Encoding and Content-Length"};
  }
  if (codings.empty() || !beast::iequals(codings.back(), "chunked")) {
    return Refusal{400, "the last transfer coding of a request must be chunked"};
  }
  if (codings.size() == 1) return std::nullopt;
  for (std::size_t i = 0; i + 1 < codings.size(); ++i) {
    if (beast::iequals(codings[i], "chunked")) return Refusal{400, "a request must not be chunked twice"};
  }
  return Refusal{501, "transfer codings other than chunked are not implemented"};
}

}  // namespace

struct Server::Impl {
  class Session;

  Impl(ServerOptions opts, const Router& r, Logger& l, RequestObserver* o)
      : options(std::move(opts)),
        router(r),
        log(l),
        observer(o),
        ioc(static_cast<int>(std::max<std::size_t>(1, options.io_threads))),
        strand(net::make_strand(ioc)),
        acceptor(strand),
        accept_retry(strand),
        shutdown_poll(strand),
        workers(std::max<std::size_t>(1, options.worker_threads)) {}

  void DoAccept();
  void OnAccept(beast::error_code ec, tcp::socket socket);
  void Refuse(tcp::socket socket);
  void BeginShutdown();
  void PollShutdown();
  void Register(const std::shared_ptr<Session>& session);
  void Unregister(Session* session);
  std::vector<std::shared_ptr<Session>> LiveSessions();
  void RunIo();

  ServerOptions options;
  const Router& router;
  Logger& log;
  RequestObserver* observer;

  bool listening = false;
  bool ran = false;
  std::atomic<bool> shutdown_requested{false};
  std::atomic<bool> shutting_down{false};  // read by sessions on any thread
  bool forced_close = false;               // strand only
  Clock::time_point grace_deadline;        // strand only

  // Declared before ioc: a session's destructor unregisters itself, and sessions may
  // die while the io_context (or the worker pool) is torn down.
  std::mutex sessions_mutex;
  std::unordered_map<Session*, std::weak_ptr<Session>> sessions;
  // Sessions count themselves in one of these for their lifetime (decremented on any
  // thread); the acceptor compares open_connections with max_connections.
  std::atomic<std::size_t> open_connections{0};
  std::atomic<std::size_t> refusing{0};
  std::size_t refused_since_log = 0;     // strand only
  Clock::time_point last_refusal_log{};  // strand only

  net::io_context ioc;
  // Acceptor, timers and signals live on this strand; sessions each have their own.
  net::strand<net::io_context::executor_type> strand;
  tcp::acceptor acceptor;
  net::steady_timer accept_retry;
  net::steady_timer shutdown_poll;
  std::optional<net::signal_set> signals;
  // Declared after ioc: destroyed (joined) first, as its jobs hold sessions.
  net::thread_pool workers;
};

// One connection: reads requests one after another, hands each to the router (on the
// worker pool for blocking routes) and writes the answer. All its members are touched
// only on its strand, except request_ while a worker runs the handler — and then the
// session does nothing else until the answer is posted back.
class Server::Impl::Session : public std::enable_shared_from_this<Session> {
 public:
  // A refused session only answers 503 (connection cap reached) and closes.
  Session(Impl& server, tcp::socket&& socket, bool refused = false)
      : server_(server), stream_(std::move(socket)), refused_(refused) {
    beast::error_code ec;
    auto remote = stream_.socket().remote_endpoint(ec);
    client_address_ = ec ? "-" : remote.address().to_string();
    ++Counter();
  }
  ~Session() {
    --Counter();
    server_.Unregister(this);
  }

  void Start() {
    net::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->AwaitRequest(); });
  }

  // Answers before reading anything: the request may never come (a slow client holding
  // the slots), and the client learns at once when to try again.
  void StartRefusal() {
    net::dispatch(stream_.get_executor(), [self = shared_from_this()] {
      self->request_.request_id = NewRequestId();
      self->keep_alive_ = false;
      self->unread_input_ = true;
      Response res = ProblemResponse(503, "the server has too many open connections; try again shortly");
      res.headers.emplace_back("Retry-After", "1");
      self->Respond(std::move(res));
    });
  }

  // Server shutdown began: a connection waiting for its next request is closed now;
  // one mid-request finishes it, and its answer carries Connection: close.
  void OnShutdown() {
    if (state_ == State::kIdle) Close();
  }

  net::any_io_executor Executor() { return stream_.get_executor(); }

  // Grace period over.
  void ForceClose() {
    state_ = State::kClosed;
    stream_.close();
  }

 private:
  enum class State { kIdle, kReading, kProcessing, kWriting, kClosed };

  const ServerOptions& options() const { return server_.options; }
  std::atomic<std::size_t>& Counter() { return refused_ ? server_.refusing : server_.open_connections; }
  std::chrono::seconds HeaderTimeout() const { return std::min(options().header_timeout, options().read_timeout); }

  void AwaitRequest() {
    if (server_.shutting_down) return Close();
    if (buffer_.size() > 0) return ReadHeader();  // pipelined request already here
    // Waiting for the first byte apart from the header read: this is the "idle" a
    // shutdown may cut, and the keep-alive timeout only applies here. The first
    // request's clock runs from the accept: a connection that sends nothing is a slow
    // header too.
    state_ = State::kIdle;
    if (first_request_) {
      stream_.expires_at(request_began_ + HeaderTimeout());
    } else {
      stream_.expires_after(options().idle_timeout);
    }
    stream_.async_read_some(buffer_.prepare(4096), [self = shared_from_this()](beast::error_code ec, std::size_t n) {
      self->buffer_.commit(n);
      if (ec) return self->Close();
      self->ReadHeader();
    });
  }

  void ReadHeader() {
    state_ = State::kReading;
    started_ = Clock::now();
    if (!first_request_) request_began_ = started_;
    route_label_ = kUnmatchedRoute;
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(options().header_limit));
    parser_->body_limit(static_cast<std::uint64_t>(options().body_limit));
    // Deadlines from the request's start, one for the header and one for the whole
    // request: a client trickling bytes (slowloris, slow body) is dropped when they
    // expire however steadily it sends.
    stream_.expires_at(request_began_ + HeaderTimeout());
    bhttp::async_read_header(stream_, buffer_, *parser_,
                             [self = shared_from_this()](beast::error_code ec, std::size_t) {
                               if (ec) return self->OnReadError(ec);
                               self->OnHeader();
                             });
  }

  void OnHeader() {
    stream_.expires_at(request_began_ + options().read_timeout);
    const auto& header = parser_->get();
    if (auto refusal = TransferCodingRefusal(header)) return FailRequest(refusal->status, refusal->detail);
    if (!parser_->is_done() && beast::iequals(header[bhttp::field::expect], "100-continue")) {
      net::async_write(stream_, net::buffer(kContinue.data(), kContinue.size()),
                       [self = shared_from_this()](beast::error_code ec, std::size_t) {
                         if (ec) return self->Close();
                         self->ReadBody();
                       });
      return;
    }
    ReadBody();
  }

  void ReadBody() {
    if (parser_->is_done()) return Process();
    bhttp::async_read(stream_, buffer_, *parser_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
      if (ec) return self->OnReadError(ec);
      self->Process();
    });
  }

  void OnReadError(beast::error_code ec) {
    if (ec == bhttp::error::header_limit) {
      return FailRequest(431, "the request headers exceed " + std::to_string(options().header_limit) + " bytes");
    }
    if (ec == bhttp::error::body_limit) {
      return FailRequest(413, "the request body exceeds " + std::to_string(options().body_limit) + " bytes");
    }
    // The peer went away, timed out or we were closed: nobody to answer.
    bool parse_error = ec.category() == beast::error_code(bhttp::error::bad_method).category();
    if (!parse_error || ec == bhttp::error::end_of_stream || ec == bhttp::error::partial_message) {
      if (ec == beast::error::timeout) {
        bool in_header = !parser_ || !parser_->is_header_done();
        server_.log.Info(
            in_header ? "connection dropped: request header too slow" : "connection dropped: request too slow",
            {{"client", client_address_}});
      }
      return Close();
    }
    FailRequest(400, "malformed HTTP request");
  }

  void Process() {
    auto message = parser_->release();
    parser_.reset();
    keep_alive_ = message.keep_alive();
    version_ = message.version();
    head_ = message.method() == bhttp::verb::head;

    request_ = Request{};
    request_.method = message.method();
    request_.target = std::string(message.target());
    request_.body = std::move(message.body());
    request_.request_id = PickRequestId(message["X-Request-Id"]);
    request_.client_address = client_address_;
    request_.headers = std::move(static_cast<bhttp::fields&>(message));

    Router::Match match = server_.router.Find(request_);
    route_label_ =
        match.route ? std::string_view(match.route->pattern) : (match.fallback ? kWebUiRoute : kUnmatchedRoute);
    if (!match.route) return Respond(std::move(match.error));
    if (!match.route->options.blocking) return Respond(server_.router.Invoke(*match.route, request_, server_.log));

    state_ = State::kProcessing;
    // The work guard keeps Run() from returning while a handler is still running.
    net::post(server_.workers, [self = shared_from_this(), route = match.route,
                                guard = net::make_work_guard(server_.ioc)]() mutable {
      Response res = self->server_.router.Invoke(*route, self->request_, self->server_.log);
      // A streamed body is produced right here, on this worker thread (HEAD has none).
      if (res.stream && !self->head_) return self->Stream(std::move(res));
      auto executor = self->stream_.get_executor();
      net::post(executor, [self = std::move(self), res = std::move(res)]() mutable { self->Respond(std::move(res)); });
    });
  }

  // Runs on a worker thread while the session waits (kProcessing): every socket
  // operation is posted to the strand and waited for, so one piece is in flight at a
  // time and memory stays bounded by the producer's buffer however slow the client.
  void Stream(Response res) {
    auto started_writing = [&](std::function<void(beast::error_code)> done) {
      if (state_ == State::kClosed) return done(net::error::operation_aborted);
      state_ = State::kWriting;
      stream_header_ = {};
      ApplyHeaders(stream_header_, res);
      chunked_ = version_ >= 11;
      // HTTP/1.0 has no chunks: the body ends when the connection does.
      if (chunked_) stream_header_.chunked(true);
      stream_close_ = !chunked_ || !keep_alive_ || server_.shutting_down;
      stream_header_.keep_alive(!stream_close_);
      stream_serializer_.emplace(stream_header_);
      stream_.expires_after(options().read_timeout);
      bhttp::async_write_header(stream_, *stream_serializer_, [done](beast::error_code ec, std::size_t) { done(ec); });
    };
    std::size_t bytes = 0;
    bool complete = false;
    if (OnStrand(started_writing)) {
      try {
        res.stream([&](std::string_view piece) {
          if (piece.empty()) return;
          bool written = OnStrand([&](std::function<void(beast::error_code)> done) {
            if (state_ == State::kClosed) return done(net::error::operation_aborted);
            stream_.expires_after(options().read_timeout);
            auto handler = [done](beast::error_code ec, std::size_t) { done(ec); };
            if (chunked_) return net::async_write(stream_, bhttp::make_chunk(net::buffer(piece)), handler);
            net::async_write(stream_, net::buffer(piece), handler);
          });
          if (!written) throw std::runtime_error("the client went away");
          bytes += piece.size();
        });
        complete = OnStrand([&](std::function<void(beast::error_code)> done) {
          if (state_ == State::kClosed) return done(net::error::operation_aborted);
          if (!chunked_) return done({});
          stream_.expires_after(options().read_timeout);
          net::async_write(stream_, bhttp::make_chunk_last(), [done](beast::error_code ec, std::size_t) { done(ec); });
        });
      } catch (const std::exception& e) {
        server_.log.Warn("streamed answer cut short", {{"request_id", request_.request_id}, {"error", e.what()}});
      }
    }
    LogRequest(res.status, bytes);
    net::post(stream_.get_executor(), [self = shared_from_this(), complete] {
      self->stream_serializer_.reset();
      if (!complete || self->stream_close_ || self->server_.shutting_down) return self->Close();
      self->first_request_ = false;
      self->AwaitRequest();
    });
  }

  // Starts `op` on the strand and waits (on this worker thread) for the error code it
  // reports; true when there was none.
  bool OnStrand(const std::function<void(std::function<void(beast::error_code)>)>& op) {
    std::promise<beast::error_code> outcome;
    auto future = outcome.get_future();
    net::post(stream_.get_executor(),
              [&op, &outcome] { op([&outcome](beast::error_code ec) { outcome.set_value(ec); }); });
    return !future.get();
  }

  // Answers a request that could not be read to its end, then closes.
  void FailRequest(unsigned status, std::string detail) {
    request_ = Request{};
    version_ = 11;
    head_ = false;
    if (parser_ && parser_->is_header_done()) {
      const auto& header = parser_->get();
      request_.method = header.method();
      request_.target = std::string(header.target());
      request_.request_id = PickRequestId(header["X-Request-Id"]);
      version_ = header.version();
      head_ = header.method() == bhttp::verb::head;
    } else {
      request_.request_id = NewRequestId();
    }
    request_.path = LoggablePath(request_.target);
    parser_.reset();
    keep_alive_ = false;
    unread_input_ = true;
    Respond(ProblemResponse(status, detail));
  }

  void Respond(Response res) {
    if (state_ == State::kClosed) return;  // force-closed while the handler ran
    state_ = State::kWriting;
    bool close = !keep_alive_ || server_.shutting_down;

    response_ = {};
    ApplyHeaders(response_, res);
    std::size_t bytes = 0;
    // HEAD: the length the GET would have, and no body (a streamed GET's is unknown).
    if (!IsBodiless(res.status) && !res.stream) {
      response_.content_length(res.body.size());
      if (!head_) {
        bytes = res.body.size();
        response_.body() = std::move(res.body);
      }
    }
    response_.keep_alive(!close);

    // Logged before writing so that a client holding the answer can rely on the line.
    LogRequest(res.status, bytes);

    stream_.expires_after(options().read_timeout);  // a client that never reads is dropped too
    bhttp::async_write(stream_, response_, [self = shared_from_this(), close](beast::error_code ec, std::size_t) {
      if (ec) return self->Close();
      if (close || self->server_.shutting_down) return self->unread_input_ ? self->Linger() : self->Close();
      self->first_request_ = false;
      self->AwaitRequest();
    });
  }

  static bool IsBodiless(unsigned status) { return status == 204 || status == 304 || status < 200; }

  // Status, the headers every answer carries and the handler's own.
  template <class Body>
  void ApplyHeaders(bhttp::response<Body>& message, const Response& res) {
    message.version(version_);
    message.result(res.status);
    message.set("X-Request-Id", request_.request_id);
    message.set("X-Content-Type-Options", "nosniff");
    message.set("Referrer-Policy", "no-referrer");
    bool has_cache_control = false;
    for (const auto& [name, value] : res.headers) {
      if (!IsSafeHeader(name, value)) {
        server_.log.Error("handler set an unsafe header; dropped",
                          {{"request_id", request_.request_id}, {"header", name}});
        continue;
      }
      has_cache_control = has_cache_control || beast::iequals(name, "Cache-Control");
      message.insert(name, value);
    }
    // API answers are per-user and often secret: no cache may keep them unless the
    // handler (static files) says otherwise.
    if (!has_cache_control) message.set(bhttp::field::cache_control, "no-store");
    if (!IsBodiless(res.status) && !res.content_type.empty()) message.set(bhttp::field::content_type, res.content_type);
  }

  void LogRequest(unsigned status, std::size_t bytes) {
    if (refused_) return;  // a flood would be a line per connection; Impl::Refuse logs a summary
    auto took = Clock::now() - started_;
    if (server_.observer) server_.observer->OnRequest({request_.method, route_label_, status, took});
    auto micros = std::chrono::duration_cast<std::chrono::microseconds>(took).count();
    // Never the query string (it may carry tokens), never a header value.
    server_.log.Info("request", {{"method", request_.target.empty() ? std::string("-")
                                                                    : std::string(bhttp::to_string(request_.method))},
                                 {"path", request_.path.empty() ? "-" : request_.path},
                                 {"status", status},
                                 {"duration_ms", std::round(static_cast<double>(micros) / 10.0) / 100.0},
                                 {"request_id", request_.request_id},
                                 {"client", client_address_},
                                 {"bytes", bytes}});
  }

  void Close() {
    state_ = State::kClosed;
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream_.close();
  }

  void Linger() {
    state_ = State::kClosed;
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream_.expires_after(
        std::min<std::chrono::seconds>(refused_ ? kRefusalLinger : kMaxLinger, options().read_timeout));
    Drain();
  }

  void Drain() {
    stream_.async_read_some(net::buffer(drain_), [self = shared_from_this()](beast::error_code ec, std::size_t n) {
      self->drained_ += n;
      if (ec || self->drained_ > kMaxLingerBytes) return self->stream_.close();
      self->Drain();
    });
  }

  Impl& server_;
  beast::tcp_stream stream_;
  const bool refused_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  Request request_;
  bhttp::response<bhttp::string_body> response_;
  // A streamed answer's header and the serializer that writes it (strand only).
  bhttp::response<bhttp::empty_body> stream_header_;
  std::optional<bhttp::response_serializer<bhttp::empty_body>> stream_serializer_;
  bool chunked_ = false;
  bool stream_close_ = false;
  std::string client_address_;
  std::string_view route_label_ = kUnmatchedRoute;  // for the observer: see RequestRecord
  State state_ = State::kIdle;
  bool first_request_ = true;
  bool keep_alive_ = true;
  bool head_ = false;
  bool unread_input_ = false;
  unsigned version_ = 11;
  Clock::time_point started_ = Clock::now();        // first byte of the request (logged durations)
  Clock::time_point request_began_ = Clock::now();  // deadlines: the accept, then each first byte
  std::array<char, 16 * 1024> drain_{};
  std::size_t drained_ = 0;
};

void Server::Impl::DoAccept() {
  if (!acceptor.is_open()) return;
  // Each connection gets its own strand, so io_threads > 1 needs no locking in Session.
  acceptor.async_accept(net::make_strand(ioc),
                        net::bind_executor(strand, [this](beast::error_code ec, tcp::socket socket) {
                          OnAccept(ec, std::move(socket));
                        }));
}

void Server::Impl::OnAccept(beast::error_code ec, tcp::socket socket) {
  if (ec == net::error::operation_aborted || !acceptor.is_open()) return;
  if (shutting_down) return;  // socket closes as it goes out of scope
  if (ec) {
    // Typically EMFILE: retry shortly instead of spinning on the error.
    log.Warn("accept failed", {{"error", ec.message()}});
    accept_retry.expires_after(std::chrono::milliseconds(100));
    accept_retry.async_wait([this](beast::error_code wait_ec) {
      if (!wait_ec) DoAccept();
    });
    return;
  }
  if (open_connections.load() >= options.max_connections) {
    Refuse(std::move(socket));
    return DoAccept();
  }
  auto session = std::make_shared<Session>(*this, std::move(socket));
  Register(session);
  session->Start();
  DoAccept();
}

void Server::Impl::Refuse(tcp::socket socket) {
  ++refused_since_log;
  auto now = Clock::now();
  if (now - last_refusal_log >= kRefusalLogEvery) {
    log.Warn("connection limit reached; refusing connections",
             {{"max_connections", options.max_connections}, {"refused", refused_since_log}});
    refused_since_log = 0;
    last_refusal_log = now;
  }
  if (refusing.load() >= kMaxRefusing) return;  // closed unanswered as it goes out of scope
  auto session = std::make_shared<Session>(*this, std::move(socket), /*refused=*/true);
  Register(session);
  session->StartRefusal();
}

void Server::Impl::Register(const std::shared_ptr<Session>& session) {
  std::lock_guard lock(sessions_mutex);
  sessions.emplace(session.get(), session);
}

void Server::Impl::Unregister(Session* session) {
  std::lock_guard lock(sessions_mutex);
  sessions.erase(session);
}

auto Server::Impl::LiveSessions() -> std::vector<std::shared_ptr<Session>> {
  std::vector<std::shared_ptr<Session>> out;
  std::lock_guard lock(sessions_mutex);
  for (auto& [ptr, weak] : sessions) {
    if (auto session = weak.lock()) out.push_back(std::move(session));
  }
  return out;
}

void Server::Impl::BeginShutdown() {
  if (shutting_down.exchange(true)) return;
  log.Info("shutting down", {{"grace_s", options.shutdown_grace.count()}});
  beast::error_code ec;
  acceptor.close(ec);
  accept_retry.cancel();
  if (signals) signals->cancel(ec);
  grace_deadline = Clock::now() + options.shutdown_grace;
  for (auto& session : LiveSessions()) {
    net::post(session->Executor(), [session] { session->OnShutdown(); });
  }
  PollShutdown();
}

void Server::Impl::PollShutdown() {
  // Run() returns when the io_context runs out of work, so this poll is what keeps it
  // alive until the last connection has gone — and no longer.
  auto live = LiveSessions();
  if (live.empty()) return;
  if (!forced_close && Clock::now() >= grace_deadline) {
    forced_close = true;
    log.Warn("grace period over; closing connections", {{"open_connections", live.size()}});
    for (auto& session : live) {
      net::post(session->Executor(), [session] { session->ForceClose(); });
    }
  }
  live.clear();  // the last reference to a session must not be held by this timer
  shutdown_poll.expires_after(kShutdownPoll);
  shutdown_poll.async_wait([this](beast::error_code ec) {
    if (!ec) PollShutdown();
  });
}

void Server::Impl::RunIo() {
  for (;;) {
    try {
      ioc.run();
      return;
    } catch (const std::exception& e) {
      // Handlers are not supposed to throw out of the I/O loop; keep serving if one does.
      log.Error("unexpected exception on an I/O thread", {{"error", e.what()}});
    }
  }
}

Server::Server(ServerOptions options, const Router& router, persona::Logger& log, RequestObserver* observer)
    : impl_(std::make_unique<Impl>(std::move(options), router, log, observer)) {}

Server::~Server() = default;

tcp::endpoint Server::Listen() {
  Impl& s = *impl_;
  if (s.listening) return s.acceptor.local_endpoint();
  const std::string where = EndpointText(s.options.host, s.options.port);
  auto fail = [&](const std::string& why) { return std::runtime_error("cannot listen on " + where + ": " + why); };

  beast::error_code ec;
  tcp::endpoint endpoint;
  auto address = net::ip::make_address(s.options.host, ec);
  if (!ec) {
    endpoint = tcp::endpoint(address, s.options.port);
  } else {
    tcp::resolver resolver(s.ioc);
    auto results = resolver.resolve(s.options.host, std::to_string(s.options.port), ec);
    if (ec || results.empty()) throw fail("cannot resolve host: " + (ec ? ec.message() : std::string("no address")));
    endpoint = results.begin()->endpoint();
  }
  s.acceptor.open(endpoint.protocol(), ec);
  if (ec) throw fail(ec.message());
  // Lets a restarted server bind while old connections sit in TIME_WAIT; on Linux it
  // does not allow two live listeners on one port.
  s.acceptor.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) s.acceptor.bind(endpoint, ec);
  if (!ec) s.acceptor.listen(net::socket_base::max_listen_connections, ec);
  if (ec) {
    beast::error_code ignored;
    s.acceptor.close(ignored);
    throw fail(ec.message());
  }
  s.listening = true;
  auto bound = s.acceptor.local_endpoint();
  s.log.Info("listening", {{"address", bound.address().to_string()}, {"port", bound.port()}});
  return bound;
}

void Server::Run() {
  Impl& s = *impl_;
  if (s.ran) throw std::logic_error("Server::Run called twice");
  s.ran = true;
  if (!s.listening) Listen();
  if (s.options.handle_signals) {
    s.signals.emplace(s.strand, SIGINT, SIGTERM);
    s.signals->async_wait([this](beast::error_code ec, int signal) {
      if (ec) return;
      impl_->log.Info("signal received", {{"signal", signal}});
      RequestShutdown();
    });
  }
  net::dispatch(s.strand, [&s] { s.DoAccept(); });

  std::vector<std::thread> threads;
  for (std::size_t i = 1; i < std::max<std::size_t>(1, s.options.io_threads); ++i) {
    threads.emplace_back([&s] { s.RunIo(); });
  }
  s.RunIo();
  for (auto& thread : threads) thread.join();
  s.workers.join();
  s.log.Info("server stopped");
}

void Server::RequestShutdown() {
  if (impl_->shutdown_requested.exchange(true)) return;
  net::post(impl_->strand, [this] { impl_->BeginShutdown(); });
}

}  // namespace persona::http
