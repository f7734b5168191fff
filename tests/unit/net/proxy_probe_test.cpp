#include "net/proxy_probe.h"

#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include <gtest/gtest.h>
#include <boost/asio/buffer.hpp>
#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>

#include "crypto/encoding.h"

namespace persona::net {
namespace {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;
using boost::system::error_code;
using namespace std::chrono_literals;

constexpr char kUser[] = "alice";
constexpr char kPassword[] = "s3cret-Pa55";
constexpr char kTarget[] = "example.com:443";
constexpr char kEstablished[] = "HTTP/1.1 200 Connection established\r\n\r\n";
// Generous: the tests run under ASan on two busy cores; they prove "bounded", not "fast".
constexpr auto kSlack = 1500ms;

// Serves one connection the way an HTTP proxy would: reads the request head, waits `delay`,
// writes `response` and then keeps the connection open, so the probe must not rely on EOF.
// Runs its own io_context on its own thread because Probe blocks the test's thread.
class FakeProxy {
 public:
  explicit FakeProxy(std::string response, std::chrono::milliseconds delay = 0ms, const char* address = "127.0.0.1")
      : acceptor_(io_, tcp::endpoint(asio::ip::make_address(address), 0)),
        port_(acceptor_.local_endpoint().port()),
        delay_(delay),
        response_(std::move(response)) {
    acceptor_.async_accept(socket_, [this](const error_code& ec) {
      if (!ec) ReadRequest();
    });
    thread_ = std::thread([this] { io_.run(); });
  }

  ~FakeProxy() {
    io_.stop();
    thread_.join();
  }

  int Port() const { return port_; }

  // What the probe sent, once the proxy has read it (which happens before it answers).
  std::string Request() const {
    std::lock_guard lock(mutex_);
    return request_;
  }

 private:
  void ReadRequest() {
    asio::async_read_until(socket_, asio::dynamic_buffer(buffer_, std::size_t{64} * 1024), "\r\n\r\n",
                           [this](const error_code& ec, std::size_t) {
                             if (ec) return;
                             {
                               std::lock_guard lock(mutex_);
                               request_ = buffer_;
                             }
                             timer_.expires_after(delay_);
                             timer_.async_wait([this](const error_code& wait_ec) {
                               if (!wait_ec) asio::async_write(socket_, asio::buffer(response_), [](auto&&...) {});
                             });
                           });
  }

  asio::io_context io_;
  tcp::acceptor acceptor_;
  tcp::socket socket_{io_};
  asio::steady_timer timer_{io_};
  int port_;
  std::chrono::milliseconds delay_;
  std::string response_;
  std::string buffer_;
  mutable std::mutex mutex_;
  std::string request_;
  std::thread thread_;
};

ProbeTarget Loopback(int port, std::string username = kUser, std::string password = kPassword) {
  return ProbeTarget{
      .host = "127.0.0.1", .port = port, .username = std::move(username), .password = std::move(password)};
}

ProbeOptions TcpOnly(std::chrono::milliseconds timeout) {
  return ProbeOptions{.timeout = timeout, .connect_target = std::nullopt};
}

ProbeOptions WithConnect(std::chrono::milliseconds timeout = 3000ms) {
  return ProbeOptions{.timeout = timeout, .connect_target = kTarget};
}

// The value of a header in a request head, or "" when absent.
std::string HeaderValue(const std::string& head, std::string_view name) {
  std::string marker = "\r\n" + std::string(name) + ": ";
  auto start = head.find(marker);
  if (start == std::string::npos) return "";
  start += marker.size();
  return head.substr(start, head.find("\r\n", start) - start);
}

void ExpectNoSecrets(const ProbeResult& result) {
  EXPECT_EQ(result.error.find(kPassword), std::string::npos) << result.error;
  EXPECT_EQ(result.error.find(crypto::Base64Encode(std::string(kUser) + ":" + kPassword)), std::string::npos);
  EXPECT_EQ(result.error.find("Proxy-Authorization"), std::string::npos) << result.error;
}

TEST(ProxyProbe, TcpProbeSucceedsAndReportsConnectTime) {
  asio::io_context io;
  tcp::acceptor listener(io, tcp::endpoint(asio::ip::address_v4::loopback(), 0));

  ProbeResult result = Probe(Loopback(listener.local_endpoint().port()), TcpOnly(3000ms));

  EXPECT_TRUE(result.reachable);
  EXPECT_EQ(result.error, "");
  EXPECT_GE(result.response_time_ms, 1);
  EXPECT_LE(result.response_time_ms, 3000);
}

TEST(ProxyProbe, NothingListeningFailsFastAsRefused) {
  // Bound but not listening: the kernel answers SYN with RST, and holding the port keeps
  // anyone else from starting to listen on it during the test.
  asio::io_context io;
  tcp::socket holder(io, tcp::endpoint(asio::ip::address_v4::loopback(), 0));

  auto start = Clock::now();
  ProbeResult result = Probe(Loopback(holder.local_endpoint().port()), TcpOnly(5000ms));
  auto elapsed = Clock::now() - start;

  EXPECT_FALSE(result.reachable);
  EXPECT_EQ(result.error, "connection refused");
  EXPECT_EQ(result.response_time_ms, 0);
  EXPECT_LT(elapsed, kSlack);
}

TEST(ProxyProbe, SilentProxyTimesOutAtTheDeadline) {
  // The kernel completes the handshake for a listening socket nobody accepts from, so the
  // probe connects, sends CONNECT and never hears back.
  asio::io_context io;
  tcp::acceptor listener(io, tcp::endpoint(asio::ip::address_v4::loopback(), 0));

  auto start = Clock::now();
  ProbeResult result = Probe(Loopback(listener.local_endpoint().port()), WithConnect(300ms));
  auto elapsed = Clock::now() - start;

  EXPECT_FALSE(result.reachable);
  EXPECT_EQ(result.error, "timed out after 300 ms");
  EXPECT_GE(elapsed, 300ms);
  EXPECT_LT(elapsed, 300ms + kSlack);
}

TEST(ProxyProbe, ConnectThatNeverCompletesTimesOutAtTheDeadline) {
  // Linux drops a SYN while the listener's accept queue is full, which looks to the probe
  // exactly like a blackholed address. Backlog 0 holds one connection; the filler takes it.
  asio::io_context io;
  tcp::acceptor listener(io, tcp::v4());
  listener.bind(tcp::endpoint(asio::ip::address_v4::loopback(), 0));
  listener.listen(0);
  tcp::socket filler(io);
  filler.connect(listener.local_endpoint());

  auto start = Clock::now();
  ProbeResult result = Probe(Loopback(listener.local_endpoint().port()), TcpOnly(300ms));
  auto elapsed = Clock::now() - start;

  EXPECT_FALSE(result.reachable);
  EXPECT_EQ(result.error, "timed out after 300 ms");
  EXPECT_GE(elapsed, 300ms);
  EXPECT_LT(elapsed, 300ms + kSlack);
}

TEST(ProxyProbe, ConnectSucceedsOn200AndSendsTargetAndCredentials) {
  FakeProxy proxy(kEstablished, 50ms);

  ProbeResult result = Probe(Loopback(proxy.Port()), WithConnect());

  EXPECT_TRUE(result.reachable);
  EXPECT_EQ(result.error, "");
  // The proxy waits 50 ms before answering, and the clock runs until the answer is read.
  EXPECT_GE(result.response_time_ms, 50);
  EXPECT_LE(result.response_time_ms, 3000);
  std::string request = proxy.Request();
  EXPECT_TRUE(request.starts_with("CONNECT example.com:443 HTTP/1.1\r\n")) << request;
  EXPECT_EQ(HeaderValue(request, "Host"), kTarget);
  std::string authorization = HeaderValue(request, "Proxy-Authorization");
  ASSERT_TRUE(authorization.starts_with("Basic ")) << authorization;
  EXPECT_EQ(crypto::Base64Decode(authorization.substr(6)), "alice:s3cret-Pa55");
  EXPECT_TRUE(request.ends_with("\r\n\r\n"));
}

TEST(ProxyProbe, ConnectAcceptsAny2xxWithHeaders) {
  FakeProxy proxy("HTTP/1.0 204 No Content\r\nVia: 1.1 squid\r\nX-Cache: MISS\r\n\r\n");

  ProbeResult result = Probe(Loopback(proxy.Port()), WithConnect());

  EXPECT_TRUE(result.reachable);
  EXPECT_EQ(result.error, "");
}

TEST(ProxyProbe, ConnectWithoutUsernameSendsNoProxyAuthorization) {
  FakeProxy proxy(kEstablished);

  ProbeResult result = Probe(Loopback(proxy.Port(), "", ""), WithConnect());

  EXPECT_TRUE(result.reachable);
  EXPECT_EQ(proxy.Request().find("Proxy-Authorization"), std::string::npos) << proxy.Request();
}

TEST(ProxyProbe, ConnectRefusedWith407NamesTheStatusAndNotThePassword) {
  FakeProxy proxy(
      "HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"proxy\"\r\n"
      "Content-Length: 0\r\n\r\n");

  ProbeResult result = Probe(Loopback(proxy.Port()), WithConnect());

  EXPECT_FALSE(result.reachable);
  EXPECT_EQ(result.error, "proxy answered 407 to CONNECT");
  EXPECT_EQ(result.response_time_ms, 0);
  ExpectNoSecrets(result);
}

TEST(ProxyProbe, NonHttpAnswerIsMalformed) {
  // What pointing the inventory at an SSH port looks like.
  FakeProxy proxy("SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n");

  ProbeResult result = Probe(Loopback(proxy.Port()), WithConnect());

  EXPECT_FALSE(result.reachable);
  EXPECT_EQ(result.error, "malformed CONNECT response");
  ExpectNoSecrets(result);
}

TEST(ProxyProbe, BadStatusLinesAreMalformed) {
  for (const char* response : {"HTTP/1.1 2000 OK\r\n\r\n", "HTTP/1.1 20 OK\r\n\r\n", "HTTP/2 200\r\n\r\n",
                               "HTTP/1.1 099 Odd\r\n\r\n", "http/1.1 200 OK\r\n\r\n"}) {
    FakeProxy proxy(response);
    ProbeResult result = Probe(Loopback(proxy.Port()), WithConnect());
    EXPECT_FALSE(result.reachable) << response;
    EXPECT_EQ(result.error, "malformed CONNECT response") << response;
  }
}

TEST(ProxyProbe, EndlessStatusLineHitsTheSizeCap) {
  FakeProxy proxy(std::string(9000, 'x'));

  ProbeResult result = Probe(Loopback(proxy.Port()), WithConnect());

  EXPECT_FALSE(result.reachable);
  EXPECT_EQ(result.error, "malformed CONNECT response");
}

TEST(ProxyProbe, OversizedHeadersAfter200AreRefused) {
  FakeProxy proxy("HTTP/1.1 200 OK\r\nX-Padding: " + std::string(9000, 'a') + "\r\n\r\n");

  ProbeResult result = Probe(Loopback(proxy.Port()), WithConnect());

  EXPECT_FALSE(result.reachable);
  EXPECT_EQ(result.error, "CONNECT response headers too large");
}

TEST(ProxyProbe, ProxyClosingWithoutAnswerIsNotReachable) {
  asio::io_context io;
  tcp::acceptor listener(io, tcp::endpoint(asio::ip::address_v4::loopback(), 0));
  std::thread closer([&] {
    tcp::socket peer = listener.accept();
    std::string head;
    error_code ec;
    asio::read_until(peer, asio::dynamic_buffer(head), "\r\n\r\n", ec);
    peer.shutdown(tcp::socket::shutdown_send, ec);
  });

  ProbeResult result = Probe(Loopback(listener.local_endpoint().port()), WithConnect());
  closer.join();

  EXPECT_FALSE(result.reachable);
  EXPECT_EQ(result.error, "proxy closed the connection without answering");
}

TEST(ProxyProbe, HostMustBeAnIpLiteral) {
  for (const std::string& host : std::vector<std::string>{"proxy.example.com", "localhost", "256.1.1.1", "",
                                                          "127.0.0.1:8080", std::string("127.0.0.1\0x", 11)}) {
    ProbeTarget target{.host = host, .port = 8080, .username = kUser, .password = kPassword};
    ProbeResult result = Probe(target, TcpOnly(300ms));
    EXPECT_FALSE(result.reachable) << host;
    EXPECT_EQ(result.error, "invalid proxy address") << host;
  }
}

TEST(ProxyProbe, PortMustBeInRange) {
  for (int port : {0, -1, 65536}) {
    ProbeResult result = Probe(Loopback(port), TcpOnly(300ms));
    EXPECT_FALSE(result.reachable) << port;
    EXPECT_EQ(result.error, "invalid proxy port") << port;
  }
}

TEST(ProxyProbe, ConnectTargetThatCouldSplitTheRequestIsRefused) {
  for (const char* target : {"", "example.com:443\r\nX-Evil: 1", "example.com 443", "a\tb:1"}) {
    ProbeResult result = Probe(Loopback(8080), ProbeOptions{.timeout = 300ms, .connect_target = target});
    EXPECT_FALSE(result.reachable);
    EXPECT_EQ(result.error, "invalid CONNECT target");
  }
}

TEST(ProxyProbe, NonPositiveTimeoutIsRefused) {
  ProbeResult result = Probe(Loopback(8080), TcpOnly(0ms));
  EXPECT_FALSE(result.reachable);
  EXPECT_EQ(result.error, "timeout must be positive");
}

TEST(ProxyProbe, WorksOverIpv6Loopback) {
  {
    asio::io_context io;
    tcp::acceptor probe_v6(io);
    error_code ec;
    probe_v6.open(tcp::v6(), ec);
    if (!ec) probe_v6.bind(tcp::endpoint(asio::ip::address_v6::loopback(), 0), ec);
    // Debian machines have ::1 on loopback; without it IPv6 proxies could not be checked.
    ASSERT_FALSE(ec) << "::1 is not available here: " << ec.message();
  }
  FakeProxy proxy(kEstablished, 0ms, "::1");
  ProbeTarget target{.host = "::1", .port = proxy.Port(), .username = kUser, .password = kPassword};

  ProbeResult result = Probe(target, WithConnect());

  EXPECT_TRUE(result.reachable);
  EXPECT_EQ(result.error, "");
  EXPECT_TRUE(proxy.Request().starts_with("CONNECT example.com:443 HTTP/1.1\r\n"));
}

TEST(ProxyProbe, ConcurrentProbesFromManyThreadsKeepTheirOwnResults) {
  asio::io_context io;
  tcp::acceptor open_port(io, tcp::endpoint(asio::ip::address_v4::loopback(), 0));
  tcp::socket closed_port(io, tcp::endpoint(asio::ip::address_v4::loopback(), 0));
  int open = open_port.local_endpoint().port();
  int closed = closed_port.local_endpoint().port();

  constexpr int kThreads = 8;
  std::vector<ProbeResult> results(kThreads);
  std::vector<std::thread> threads;
  threads.reserve(kThreads);
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] { results[i] = Probe(Loopback(i % 2 == 0 ? open : closed), TcpOnly(3000ms)); });
  }
  for (std::thread& thread : threads) thread.join();

  for (int i = 0; i < kThreads; ++i) {
    EXPECT_EQ(results[i].reachable, i % 2 == 0) << i;
    EXPECT_EQ(results[i].error, i % 2 == 0 ? "" : "connection refused") << i;
  }
}

}  // namespace
}  // namespace persona::net
