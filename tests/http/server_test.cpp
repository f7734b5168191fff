// The HTTP server end to end: a real Server on 127.0.0.1 port 0 with a test Router,
// spoken to over loopback by the test client (well-formed) or raw bytes (malformed,
// oversized, slow).
#include <atomic>
#include <chrono>
#include <csignal>
#include <future>
#include <optional>
#include <regex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "core/log.h"
#include "http/handlers/health_handler.h"
#include "http/message.h"
#include "http/router.h"
#include "http/server.h"
#include "support/http_client.h"

namespace persona::testing {
namespace {

using boost::beast::http::verb;
using http::JsonResponse;
using http::Readiness;
using http::Response;
using http::RouteOptions;
using http::Router;
using http::ServerOptions;
using namespace std::chrono_literals;

// A Server on 127.0.0.1 port 0, running on its own thread for the life of the object.

// A Server on 127.0.0.1 port 0, running on its own thread for the life of the object.
class RunningServer {
 public:
  RunningServer(const http::Router& router, Logger& log, http::ServerOptions options = {})
      : server_(WithEphemeralPort(std::move(options)), router, log) {
    endpoint_ = server_.Listen();
    std::packaged_task<void()> run([this] { server_.Run(); });
    stopped_ = run.get_future();
    thread_ = std::thread(std::move(run));
  }
  ~RunningServer() { Stop(); }

  const boost::asio::ip::tcp::endpoint& endpoint() const { return endpoint_; }
  http::Server& server() { return server_; }
  // True when Run() has returned within `wait`, without asking it to.
  bool StoppedWithin(std::chrono::milliseconds wait) const {
    return stopped_.wait_for(wait) == std::future_status::ready;
  }

  // Requests shutdown; true when Run() returned within `wait`.
  bool Stop(std::chrono::milliseconds wait = std::chrono::seconds(15)) {
    server_.RequestShutdown();
    if (!thread_.joinable()) return true;
    bool returned = stopped_.wait_for(wait) == std::future_status::ready;
    thread_.join();  // waits anyway: the Server must not be destroyed while running
    stopped_.get();  // rethrows what Run() threw
    return returned;
  }

 private:
  static http::ServerOptions WithEphemeralPort(http::ServerOptions options) {
    if (options.host.empty()) options.host = "127.0.0.1";
    options.port = 0;
    return options;
  }

  http::Server server_;
  boost::asio::ip::tcp::endpoint endpoint_;
  std::future<void> stopped_;
  std::thread thread_;
};

bool IsGeneratedRequestId(const std::string& id) { return std::regex_match(id, std::regex("[0-9a-f]{32}")); }

class ServerTest : public ::testing::Test {
 protected:
  ServerTest() {
    // These tests are about transport and dispatch: every caller is an API token
    // (authentication itself is tested in router_test and the auth tests).
    router_.SetAuthenticator([](const http::Request&) { return http::Caller{"user", http::Caller::Via::kToken, "t"}; });
    http::AddHealthRoutes(router_, [this] {
      Readiness r;
      r.database_reachable = reachable_;
      r.schema_version = schema_version_;
      r.expected_schema_version = 1;
      r.schema_current = schema_version_ == 1;
      r.schema_semver = "1.0.0";
      return r;
    });
    router_.Add(verb::get, "/api/v1/items/{id}", [](http::Request& req) {
      auto q = req.query.find("q");
      return JsonResponse(200, {{"id", req.path_params.at("id")}, {"q", q == req.query.end() ? "" : q->second}});
    });
    router_.Add(verb::delete_, "/api/v1/items/{id}",
                [](http::Request&) { return Response{.status = 204, .content_type = "", .body = "", .headers = {}}; });
    router_.Add(
        verb::post, "/api/v1/items",
        [](http::Request& req) {
          Response res = JsonResponse(201, {{"received", req.json}});
          res.headers.emplace_back("Location", "/api/v1/items/1");
          return res;
        },
        RouteOptions{.json_body = true});
    router_.Add(verb::get, "/boom", [](http::Request&) -> Response { throw std::runtime_error("kaboom"); });
    router_.Add(verb::get, "/db-down",
                [](http::Request&) -> Response { throw http::ServiceUnavailable("pool exhausted"); });
    // A streamed answer: "part-0".."part-N" with a pause between pieces; `fail` stops
    // the producer with an exception after the first piece.
    router_.Add(verb::get, "/stream", [](http::Request& req) {
      int pieces = std::stoi(req.query.count("pieces") ? req.query.at("pieces") : "3");
      auto pause = std::chrono::milliseconds(std::stoi(req.query.count("pause_ms") ? req.query.at("pause_ms") : "0"));
      bool fail = req.query.count("fail") > 0;
      Response res{200, "text/plain", "", {}};
      res.stream = [pieces, pause, fail](const http::BodyWriter& write) {
        for (int i = 0; i < pieces; ++i) {
          if (i > 0) std::this_thread::sleep_for(pause);
          write("part-" + std::to_string(i) + ";");
          if (fail) throw std::runtime_error("the producer failed");
        }
      };
      return res;
    });
    router_.Add(verb::get, "/slow", [this](http::Request&) {
      if (!slow_started_flag_.exchange(true)) slow_started_.set_value();
      std::this_thread::sleep_for(300ms);
      return JsonResponse(200, {{"slow", true}});
    });
  }

  void Start(ServerOptions options = {}) { server_.emplace(router_, log_, std::move(options)); }
  const boost::asio::ip::tcp::endpoint& endpoint() const { return server_->endpoint(); }

  Logger log_{Logger::Level::kWarn};
  Router router_;
  std::atomic<bool> reachable_{true};
  std::atomic<int> schema_version_{1};
  std::atomic<bool> slow_started_flag_{false};
  std::promise<void> slow_started_;
  std::optional<RunningServer> server_;
};

void ExpectProblem(const HttpResult& res, unsigned status) {
  EXPECT_EQ(res.status, status);
  EXPECT_EQ(res.Header("Content-Type"), "application/problem+json");
  auto body = res.Json();
  EXPECT_EQ(body.at("status"), status);
  EXPECT_EQ(body.at("type"), "about:blank");
  EXPECT_TRUE(body.at("title").is_string());
  EXPECT_TRUE(body.at("detail").is_string());
}

// The head of a POST to the test's JSON route with the given framing headers.
std::string ItemsPost(const std::string& version, const std::string& framing) {
  return "POST /api/v1/items HTTP/" + version + "\r\nHost: x\r\nContent-Type: application/json\r\n" + framing + "\r\n";
}

// Sends that POST, then `body` and a second request hidden behind it: the server refuses
// the first with `status` and closes the connection, so the hidden one is never answered
// (a server that misframes the body would read it as a request: request smuggling).
void ExpectRefusedAndClosed(const boost::asio::ip::tcp::endpoint& endpoint, const std::string& version,
                            const std::string& framing, const std::string& body, unsigned status) {
  RawConnection raw(endpoint);
  ASSERT_TRUE(raw.Write(ItemsPost(version, framing) + body + "GET /nope HTTP/1.1\r\nHost: x\r\n\r\n"));
  auto res = raw.ReadResponse(5s);
  ASSERT_TRUE(res.has_value());
  ExpectProblem(*res, status);
  if (version == "1.1") {
    EXPECT_EQ(res->Header("Connection"), "close");  // HTTP/1.0 closes by default
  }
  EXPECT_FALSE(raw.ReadResponse(3s).has_value()) << "a second response: the body was read as a request";
}

TEST_F(ServerTest, HealthzAnswersOkWithSecurityHeaders) {
  Start();
  auto res = Request(endpoint(), verb::get, "/healthz");
  EXPECT_EQ(res.status, 200u);
  EXPECT_EQ(res.Header("Content-Type"), "application/json");
  EXPECT_EQ(res.Json(), nlohmann::json({{"status", "ok"}}));
  EXPECT_EQ(res.Header("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(res.Header("Cache-Control"), "no-store");
  EXPECT_EQ(res.Header("Referrer-Policy"), "no-referrer");
  EXPECT_TRUE(IsGeneratedRequestId(res.Header("X-Request-Id")));
}

TEST_F(ServerTest, ReadyzAnswersReadyWhenDatabaseReachableAndSchemaCurrent) {
  Start();
  auto res = Request(endpoint(), verb::get, "/readyz");
  EXPECT_EQ(res.status, 200u);
  EXPECT_EQ(res.Json(), nlohmann::json({{"status", "ready"}, {"schema_version", 1}, {"schema_semver", "1.0.0"}}));
}

TEST_F(ServerTest, ReadyzAnswers503WhenDatabaseUnreachable) {
  reachable_ = false;
  schema_version_ = 0;
  Start();
  auto res = Request(endpoint(), verb::get, "/readyz");
  ExpectProblem(res, 503);
  auto body = res.Json();
  EXPECT_EQ(body.at("detail"), "database unreachable");
  EXPECT_EQ(body.at("database_reachable"), false);
  EXPECT_EQ(body.at("expected_schema_version"), 1);
}

TEST_F(ServerTest, ReadyzAnswers503WhenSchemaBehind) {
  schema_version_ = 0;
  Start();
  auto res = Request(endpoint(), verb::get, "/readyz");
  ExpectProblem(res, 503);
  EXPECT_EQ(res.Json().at("detail"), "schema at version 0, expected 1");
  EXPECT_EQ(res.Json().at("database_reachable"), true);
  EXPECT_EQ(res.Json().at("schema_version"), 0);
}

TEST_F(ServerTest, UnknownPathIs404Problem) {
  Start();
  auto res = Request(endpoint(), verb::get, "/api/v1/nothing-here");
  ExpectProblem(res, 404);
  EXPECT_EQ(res.Json().at("title"), "Not Found");
  EXPECT_EQ(res.Header("Cache-Control"), "no-store");
}

TEST_F(ServerTest, TrailingSlashIsADifferentPath) {
  Start();
  EXPECT_EQ(Request(endpoint(), verb::get, "/healthz/").status, 404u);
}

TEST_F(ServerTest, WrongMethodIs405WithAllow) {
  Start();
  auto res = Request(endpoint(), verb::put, "/api/v1/items/7", "{}");
  ExpectProblem(res, 405);
  EXPECT_EQ(res.Header("Allow"), "DELETE, GET, HEAD");
}

TEST_F(ServerTest, HeadIsAnsweredByGetWithoutBody) {
  Start();
  auto get = Request(endpoint(), verb::get, "/healthz");
  auto head = Request(endpoint(), verb::head, "/healthz");
  EXPECT_EQ(head.status, 200u);
  EXPECT_TRUE(head.body.empty());
  EXPECT_EQ(head.Header("Content-Length"), std::to_string(get.body.size()));
}

TEST_F(ServerTest, PathParametersAndQueryAreDecoded) {
  Start();
  auto res = Request(endpoint(), verb::get, "/api/v1/items/a%20b?q=x%2By+z&q=ignored");
  EXPECT_EQ(res.status, 200u);
  EXPECT_EQ(res.Json(), nlohmann::json({{"id", "a b"}, {"q", "x+y z"}}));
}

TEST_F(ServerTest, MalformedPercentEncodingIs400) {
  Start();
  ExpectProblem(Request(endpoint(), verb::get, "/api/v1/items/%zz"), 400);
  ExpectProblem(Request(endpoint(), verb::get, "/api/v1/items/1?q=%00"), 400);
}

TEST_F(ServerTest, NoContentAnswerHasNoBodyNorType) {
  Start();
  auto res = Request(endpoint(), verb::delete_, "/api/v1/items/3");
  EXPECT_EQ(res.status, 204u);
  EXPECT_TRUE(res.body.empty());
  EXPECT_EQ(res.Header("Content-Type"), "");
  EXPECT_FALSE(res.Header("X-Request-Id").empty());
}

TEST_F(ServerTest, JsonRouteAcceptsJsonWithParameters) {
  Start();
  auto res = Request(endpoint(), verb::post, "/api/v1/items", R"({"name":"a"})",
                     {{"Content-Type", "Application/JSON; charset=utf-8"}});
  EXPECT_EQ(res.status, 201u);
  EXPECT_EQ(res.Json().at("received").at("name"), "a");
  EXPECT_EQ(res.Header("Location"), "/api/v1/items/1");
}

TEST_F(ServerTest, JsonRouteRejectsOtherContentTypesWith415) {
  Start();
  ExpectProblem(Request(endpoint(), verb::post, "/api/v1/items", R"({"name":"a"})", {{"Content-Type", "text/plain"}}),
                415);
  ExpectProblem(
      Request(endpoint(), verb::post, "/api/v1/items", R"({"name":"a"})", {{"Content-Type", "application/jsonp"}}),
      415);
}

TEST_F(ServerTest, MalformedJsonIs400WithoutEchoingTheBody) {
  Start();
  auto res = Request(endpoint(), verb::post, "/api/v1/items", R"({"password": "hunter2", )");
  ExpectProblem(res, 400);
  EXPECT_EQ(res.body.find("hunter2"), std::string::npos);
  EXPECT_NE(res.Json().at("detail").get<std::string>().find("malformed JSON"), std::string::npos);
}

TEST_F(ServerTest, EmptyJsonBodyIs400) {
  Start();
  auto res = Request(endpoint(), verb::post, "/api/v1/items", "", {{"Content-Type", "application/json"}});
  ExpectProblem(res, 400);
  EXPECT_NE(res.Json().at("detail").get<std::string>().find("empty"), std::string::npos);
}

TEST_F(ServerTest, JsonNestedDeeperThan64Is400) {
  Start();
  auto nested = [](int depth) { return std::string(depth, '[') + std::string(depth, ']'); };
  EXPECT_EQ(Request(endpoint(), verb::post, "/api/v1/items", nested(64)).status, 201u);
  auto res = Request(endpoint(), verb::post, "/api/v1/items", nested(65));
  ExpectProblem(res, 400);
  EXPECT_NE(res.Json().at("detail").get<std::string>().find("nested deeper than 64"), std::string::npos);
  // Brackets inside strings are text, not nesting.
  EXPECT_EQ(Request(endpoint(), verb::post, "/api/v1/items", R"({"a":")" + std::string(100, '[') + R"("})").status,
            201u);
}

TEST_F(ServerTest, ContentLengthOverLimitIs413BeforeTheBodyIsSent) {
  Start();
  RawConnection raw(endpoint());
  ASSERT_TRUE(
      raw.Write("POST /api/v1/items HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                "Content-Length: 1048577\r\n\r\n"));
  auto res = raw.ReadResponse(5s);
  ASSERT_TRUE(res.has_value());
  ExpectProblem(*res, 413);
  EXPECT_EQ(res->Header("Connection"), "close");
}

TEST_F(ServerTest, ContentLengthAtTheLimitIsAccepted) {
  Start();
  std::string body = "\"" + std::string((1 << 20) - 2, 'a') + "\"";
  EXPECT_EQ(Request(endpoint(), verb::post, "/api/v1/items", body).status, 201u);
}

TEST_F(ServerTest, ChunkedBodyGrowingPastLimitIs413) {
  Start();
  RawConnection raw(endpoint());
  ASSERT_TRUE(
      raw.Write("POST /api/v1/items HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                "Transfer-Encoding: chunked\r\n\r\n"));
  const std::string chunk = "10000\r\n" + std::string(0x10000, 'a') + "\r\n";  // 64 KiB
  for (int i = 0; i < 20 && raw.Write(chunk); ++i) {
  }
  raw.Write("0\r\n\r\n");
  auto res = raw.ReadResponse(5s);
  ASSERT_TRUE(res.has_value());
  ExpectProblem(*res, 413);
}

// A body the server misframes would be read as a second request on the connection
// (request smuggling through a proxy): each of these is refused, and the connection is
// closed without answering the smuggled request.
TEST_F(ServerTest, UnframeableTransferCodingsAreRefusedAndTheConnectionClosed) {
  Start();
  struct Case {
    std::string version;
    std::string codings;
    unsigned status;
  };
  const std::vector<Case> cases = {
      {"1.1", "xchunked", 400}, {"1.1", "chunked, gzip", 400},    {"1.1", "gzip", 400},
      {"1.1", "identity", 400}, {"1.1", "chunked\x0b", 400},      {"1.1", "chunked;ext=1", 400},
      {"1.1", ",", 400},        {"1.1", "chunked, chunked", 400}, {"1.1", "gzip, chunked", 501},
      {"1.0", "chunked", 400},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE("HTTP/" + c.version + " Transfer-Encoding: " + c.codings);
    ExpectRefusedAndClosed(endpoint(), c.version, "Transfer-Encoding: " + c.codings + "\r\n", "", c.status);
  }
}

TEST_F(ServerTest, TransferEncodingAndContentLengthTogetherAreRefused) {
  Start();
  ExpectRefusedAndClosed(endpoint(), "1.1", "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n", "0\r\n\r\n", 400);
}

TEST_F(ServerTest, ChunkedIsRecognisedWhateverItsCaseAndSpacing) {
  Start();
  for (std::string codings : {"Chunked", "CHUNKED", "  chunked\t", "chunked , ", ", chunked"}) {
    SCOPED_TRACE("Transfer-Encoding: " + codings);
    RawConnection raw(endpoint());
    ASSERT_TRUE(raw.Write(ItemsPost("1.1", "Transfer-Encoding: " + codings + "\r\n") + "2\r\n{}\r\n0\r\n\r\n"));
    auto res = raw.ReadResponse(5s);
    ASSERT_TRUE(res.has_value());
    EXPECT_EQ(res->status, 201u) << res->body;
  }
}

TEST_F(ServerTest, ChunkSizeWithSignOrHexPrefixIs400AndCloses) {
  Start();
  for (std::string size : {"+2", "0x2", "-2", " 2"}) {
    SCOPED_TRACE("chunk size " + size);
    ExpectRefusedAndClosed(endpoint(), "1.1", "Transfer-Encoding: chunked\r\n", size + "\r\n{}\r\n0\r\n\r\n", 400);
  }
}

TEST_F(ServerTest, HugeHeadersAre431) {
  Start();
  auto res = Request(endpoint(), verb::get, "/healthz", "", {{"X-Filler", std::string(20 * 1024, 'a')}});
  ExpectProblem(res, 431);
}

TEST_F(ServerTest, HandlerExceptionIs500AndServerKeepsServing) {
  Start();
  HttpConnection connection(endpoint());
  auto res = connection.Send(verb::get, "/boom");
  ExpectProblem(res, 500);
  EXPECT_EQ(res.Json().at("detail"), "internal error");
  EXPECT_EQ(res.body.find("kaboom"), std::string::npos);
  EXPECT_EQ(connection.Send(verb::get, "/healthz").status, 200u);
  EXPECT_EQ(Request(endpoint(), verb::get, "/healthz").status, 200u);
}

TEST_F(ServerTest, ServiceUnavailableIs503) {
  Start();
  auto res = Request(endpoint(), verb::get, "/db-down");
  ExpectProblem(res, 503);
  EXPECT_EQ(res.body.find("pool exhausted"), std::string::npos);
  EXPECT_FALSE(res.Header("Retry-After").empty());
}

TEST_F(ServerTest, ValidClientRequestIdIsEchoed) {
  Start();
  auto res = Request(endpoint(), verb::get, "/healthz", "", {{"X-Request-Id", "abc-123_x.Y"}});
  EXPECT_EQ(res.Header("X-Request-Id"), "abc-123_x.Y");
  auto problem = Request(endpoint(), verb::get, "/nowhere", "", {{"X-Request-Id", "trace.42"}});
  EXPECT_EQ(problem.Header("X-Request-Id"), "trace.42");
}

TEST_F(ServerTest, InvalidOrMissingRequestIdIsReplacedByARandomOne) {
  Start();
  for (const std::string& bad : {std::string("has space"), std::string("semi;colon"), std::string(65, 'a')}) {
    auto res = Request(endpoint(), verb::get, "/healthz", "", {{"X-Request-Id", bad}});
    EXPECT_TRUE(IsGeneratedRequestId(res.Header("X-Request-Id"))) << res.Header("X-Request-Id");
  }
  auto first = Request(endpoint(), verb::get, "/healthz").Header("X-Request-Id");
  auto second = Request(endpoint(), verb::get, "/healthz").Header("X-Request-Id");
  EXPECT_TRUE(IsGeneratedRequestId(first));
  EXPECT_NE(first, second);
}

TEST_F(ServerTest, MalformedRequestLineIs400AndCloses) {
  Start();
  RawConnection raw(endpoint());
  ASSERT_TRUE(raw.Write("GET /healthz HTTP/9\x01\r\n\r\n"));
  auto res = raw.ReadResponse(5s);
  ASSERT_TRUE(res.has_value());
  ExpectProblem(*res, 400);
  EXPECT_TRUE(raw.WaitForClose(5s));
}

TEST_F(ServerTest, GarbageIs400) {
  Start();
  RawConnection raw(endpoint());
  ASSERT_TRUE(raw.Write("\x16\x03\x01 this is not http\r\n\r\n"));
  auto res = raw.ReadResponse(5s);
  ASSERT_TRUE(res.has_value());
  ExpectProblem(*res, 400);
}

TEST_F(ServerTest, KeepAliveServesTwoRequestsOnOneConnection) {
  Start();
  HttpConnection connection(endpoint());
  auto first = connection.Send(verb::get, "/healthz");
  auto second = connection.Send(verb::get, "/readyz");
  EXPECT_EQ(first.status, 200u);
  EXPECT_EQ(second.status, 200u);
  EXPECT_NE(first.Header("Connection"), "close");
  EXPECT_NE(first.Header("X-Request-Id"), second.Header("X-Request-Id"));
}

TEST_F(ServerTest, PipelinedRequestsAreAnsweredInOrder) {
  Start();
  RawConnection raw(endpoint());
  ASSERT_TRUE(raw.Write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\nGET /nope HTTP/1.1\r\nHost: x\r\n\r\n"));
  auto first = raw.ReadResponse(5s);
  auto second = raw.ReadResponse(5s);
  ASSERT_TRUE(first && second);
  EXPECT_EQ(first->status, 200u);
  EXPECT_EQ(second->status, 404u);
}

TEST_F(ServerTest, AStreamedAnswerIsChunkedAndTheConnectionServesOn) {
  Start();
  HttpConnection connection(endpoint());
  auto streamed = connection.Send(verb::get, "/stream?pieces=3");
  EXPECT_EQ(streamed.status, 200u);
  EXPECT_EQ(streamed.Header("Transfer-Encoding"), "chunked");
  EXPECT_EQ(streamed.Header("Content-Type"), "text/plain");
  EXPECT_EQ(streamed.Header("Cache-Control"), "no-store");
  EXPECT_EQ(streamed.body, "part-0;part-1;part-2;");
  EXPECT_EQ(connection.Send(verb::get, "/healthz").status, 200u) << "kept alive after the stream";

  auto head = connection.Send(verb::head, "/stream?pieces=3");
  EXPECT_EQ(head.status, 200u);
  EXPECT_EQ(head.body, "");
}

// The read deadline bounds each write, not the producer's time between pieces.
TEST_F(ServerTest, AStreamMayPauseLongerThanTheWriteDeadline) {
  Start(ServerOptions{.read_timeout = 1s});
  auto res = Request(endpoint(), verb::get, "/stream?pieces=3&pause_ms=1500");
  EXPECT_EQ(res.status, 200u);
  EXPECT_EQ(res.body, "part-0;part-1;part-2;");
}

// Once the headers are out a failure cannot become a problem answer: the connection
// closes without the last chunk, so the client sees an incomplete answer.
TEST_F(ServerTest, AFailingStreamIsCutShortNotCompleted) {
  Start();
  RawConnection raw(endpoint());
  ASSERT_TRUE(raw.Write("GET /stream?pieces=3&fail=1 HTTP/1.1\r\nHost: x\r\n\r\n"));
  EXPECT_FALSE(raw.ReadResponse(5s).has_value()) << "no complete answer";
  EXPECT_EQ(Request(endpoint(), verb::get, "/healthz").status, 200u);
}

TEST_F(ServerTest, ExpectContinueGetsInterimAnswer) {
  Start();
  RawConnection raw(endpoint());
  ASSERT_TRUE(
      raw.Write("POST /api/v1/items HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                "Content-Length: 2\r\nExpect: 100-continue\r\n\r\n"));
  auto interim = raw.ReadResponse(5s);
  ASSERT_TRUE(interim.has_value());
  EXPECT_EQ(interim->status, 100u);
  ASSERT_TRUE(raw.Write("{}"));
  auto res = raw.ReadResponse(5s);
  ASSERT_TRUE(res.has_value());
  EXPECT_EQ(res->status, 201u);
}

TEST_F(ServerTest, ConnectionCloseFromClientIsHonoured) {
  Start();
  HttpConnection connection(endpoint());
  auto res = connection.Send(verb::get, "/healthz", "", {{"Connection", "close"}});
  EXPECT_EQ(res.status, 200u);
  EXPECT_EQ(res.Header("Connection"), "close");
  EXPECT_TRUE(connection.WaitForClose(5s));
}

TEST_F(ServerTest, SlowClientIsDropped) {
  Start(ServerOptions{.read_timeout = 1s});
  RawConnection raw(endpoint());
  // Trickles a header that never ends: the whole request has one deadline.
  ASSERT_TRUE(raw.Write("GET /healthz HTTP/1.1\r\n"));
  bool closed = false;
  for (int i = 0; i < 10 && !closed; ++i) {
    closed = !raw.Write("X-A: b\r\n") || raw.WaitForClose(300ms);
  }
  EXPECT_TRUE(closed);
}

// The header has a deadline of its own, shorter than the whole request's: a slowloris
// client is gone long before the request timeout.
TEST_F(ServerTest, TricklingHeaderIsDroppedAtTheHeaderTimeout) {
  Start(ServerOptions{.header_timeout = 1s, .read_timeout = 30s});
  RawConnection raw(endpoint());
  ASSERT_TRUE(raw.Write("GET /healthz HTTP/1.1\r\n"));
  bool closed = false;
  for (int i = 0; i < 20 && !closed; ++i) {  // 6 s at most, far below the 30 s request timeout
    closed = !raw.Write("X-A: b\r\n") || raw.WaitForClose(300ms);
  }
  EXPECT_TRUE(closed);
}

// A connection that never sends a byte is a slow header too: its clock runs from the accept.
TEST_F(ServerTest, SilentConnectionIsDroppedAtTheHeaderTimeout) {
  Start(ServerOptions{.header_timeout = 1s, .read_timeout = 30s, .idle_timeout = 30s});
  RawConnection raw(endpoint());
  EXPECT_TRUE(raw.WaitForClose(6s));
}

// A complete header and a body trickled a byte at a time: the request timeout ends it.
TEST_F(ServerTest, TricklingBodyIsDroppedAtTheRequestTimeout) {
  Start(ServerOptions{.header_timeout = 1s, .read_timeout = 2s});
  RawConnection raw(endpoint());
  ASSERT_TRUE(
      raw.Write("POST /api/v1/items HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                "Content-Length: 1000\r\n\r\n"));
  bool closed = false;
  for (int i = 0; i < 30 && !closed; ++i) {  // 9 s at most
    closed = !raw.Write(" ") || raw.WaitForClose(300ms);
  }
  EXPECT_TRUE(closed);
}

// A body slower than the header timeout but within the request timeout is served: the
// header deadline ends with the header.
TEST_F(ServerTest, BodyMayTakeLongerThanTheHeaderTimeout) {
  Start(ServerOptions{.header_timeout = 1s, .read_timeout = 10s});
  RawConnection raw(endpoint());
  ASSERT_TRUE(
      raw.Write("POST /api/v1/items HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                "Content-Length: 2\r\n\r\n{"));
  std::this_thread::sleep_for(1500ms);
  ASSERT_TRUE(raw.Write("}"));
  auto res = raw.ReadResponse(5s);
  ASSERT_TRUE(res.has_value());
  EXPECT_EQ(res->status, 201u);
}

// Past max_connections a connection is answered 503 with Retry-After before its request
// is read, and closed; once a slot is free again connections are served.
TEST_F(ServerTest, ConnectionBeyondTheCapIsAnswered503AndClosed) {
  Start(ServerOptions{.max_connections = 2});
  std::optional<HttpConnection> first(std::in_place, endpoint());
  HttpConnection second(endpoint());
  ASSERT_EQ(first->Send(verb::get, "/healthz").status, 200u);
  ASSERT_EQ(second.Send(verb::get, "/healthz").status, 200u);

  HttpConnection third(endpoint());
  auto refused = third.Send(verb::get, "/healthz");
  EXPECT_EQ(refused.status, 503u);
  EXPECT_EQ(refused.Header("Retry-After"), "1");
  EXPECT_EQ(refused.Header("Content-Type"), "application/problem+json");
  EXPECT_EQ(refused.Json()["status"], 503);
  EXPECT_TRUE(third.WaitForClose(5s));
  EXPECT_EQ(second.Send(verb::get, "/healthz").status, 200u) << "admitted connections are unaffected";

  first.reset();
  unsigned status = 0;
  for (int i = 0; i < 50 && status != 200u; ++i) {  // the server notices the close shortly
    HttpConnection next(endpoint());
    status = next.Send(verb::get, "/healthz").status;
    if (status != 200u) std::this_thread::sleep_for(100ms);
  }
  EXPECT_EQ(status, 200u);
}

TEST_F(ServerTest, IdleKeepAliveConnectionIsDroppedAfterIdleTimeout) {
  Start(ServerOptions{.idle_timeout = 1s});
  HttpConnection connection(endpoint());
  EXPECT_EQ(connection.Send(verb::get, "/healthz").status, 200u);
  EXPECT_TRUE(connection.WaitForClose(5s));
}

TEST_F(ServerTest, ServesConcurrentClientsOnSeveralThreads) {
  Start(ServerOptions{.io_threads = 2, .worker_threads = 2});
  std::vector<std::future<int>> clients;
  for (int c = 0; c < 6; ++c) {
    clients.push_back(std::async(std::launch::async, [this, c] {
      HttpConnection connection(endpoint());
      int ok = 0;
      for (int i = 0; i < 10; ++i) {
        auto target = "/api/v1/items/" + std::to_string(c * 100 + i);
        auto res = connection.Send(verb::get, target);
        ok += res.status == 200 && res.Json().at("id") == std::to_string(c * 100 + i);
        ok += connection.Send(verb::get, "/healthz").status == 200;
      }
      return ok;
    }));
  }
  for (auto& client : clients) EXPECT_EQ(client.get(), 20);
}

TEST_F(ServerTest, GracefulShutdownFinishesInFlightRequest) {
  Start();
  auto in_flight = std::async(std::launch::async, [this] { return Request(endpoint(), verb::get, "/slow"); });
  ASSERT_EQ(slow_started_.get_future().wait_for(5s), std::future_status::ready);
  server_->server().RequestShutdown();

  auto res = in_flight.get();
  EXPECT_EQ(res.status, 200u);
  EXPECT_EQ(res.Json().at("slow"), true);
  EXPECT_EQ(res.Header("Connection"), "close");
  EXPECT_TRUE(server_->Stop(5s));
  EXPECT_THROW(HttpConnection(endpoint(), 2s), std::runtime_error);
}

TEST_F(ServerTest, ShutdownClosesIdleKeepAliveConnections) {
  Start();
  HttpConnection connection(endpoint());
  EXPECT_EQ(connection.Send(verb::get, "/healthz").status, 200u);
  server_->server().RequestShutdown();
  EXPECT_TRUE(connection.WaitForClose(5s));
  EXPECT_TRUE(server_->Stop(5s));
}

TEST_F(ServerTest, GraceExpiryClosesStuckRequests) {
  Start(ServerOptions{.read_timeout = 30s, .shutdown_grace = 0s});
  RawConnection raw(endpoint());
  ASSERT_TRUE(raw.Write("GET /healthz HTTP/1.1\r\n"));                 // a request that never completes
  ASSERT_EQ(Request(endpoint(), verb::get, "/healthz").status, 200u);  // the first one was accepted by now
  server_->server().RequestShutdown();
  EXPECT_TRUE(raw.WaitForClose(5s));
  EXPECT_TRUE(server_->Stop(5s));
}

TEST_F(ServerTest, SigtermStartsGracefulShutdownWhenAsked) {
  Start(ServerOptions{.handle_signals = true});
  // An answer proves Run() is serving, so its signal handler is installed.
  ASSERT_EQ(Request(endpoint(), verb::get, "/healthz").status, 200u);
  ASSERT_EQ(::raise(SIGTERM), 0);
  EXPECT_TRUE(server_->StoppedWithin(5s));
}

TEST_F(ServerTest, ShutdownRequestedBeforeRunAndTwiceIsHarmless) {
  http::Server server(ServerOptions{.port = 0}, router_, log_);
  server.Listen();
  server.RequestShutdown();
  server.RequestShutdown();
  auto run = std::async(std::launch::async, [&server] { server.Run(); });
  EXPECT_EQ(run.wait_for(5s), std::future_status::ready);
  run.get();
}

TEST_F(ServerTest, ListenReportsAddressInUse) {
  Start();
  http::Server second(ServerOptions{.port = endpoint().port()}, router_, log_);
  try {
    second.Listen();
    FAIL() << "a second listener on the same port must fail";
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(std::string(e.what()),
              "cannot listen on 127.0.0.1:" + std::to_string(endpoint().port()) + ": Address already in use");
  }
}

// Debian 12 machines (and CI) have ::1 on lo; a failure here means IPv6 listening broke.
TEST_F(ServerTest, ServesOverIpv6Loopback) {
  server_.emplace(router_, log_, ServerOptions{.host = "::1"});
  EXPECT_TRUE(endpoint().address().is_v6());
  EXPECT_EQ(Request(endpoint(), verb::get, "/healthz").status, 200u);
}

TEST_F(ServerTest, AccessLogHasOneLinePerRequestWithoutQueryOrSecrets) {
  Logger info_log(Logger::Level::kInfo);
  ::testing::internal::CaptureStderr();
  {
    RunningServer server(router_, info_log);
    auto res = Request(server.endpoint(), verb::get, "/api/v1/items/42?token=s3cret", "",
                       {{"Authorization", "Bearer topsecret"},
                        {"Cookie", "persona_session=cookievalue"},
                        {"X-Request-Id", "log-test-1"}});
    EXPECT_EQ(res.status, 200u);
  }
  std::string output = ::testing::internal::GetCapturedStderr();
  EXPECT_EQ(output.find("s3cret"), std::string::npos);
  EXPECT_EQ(output.find("topsecret"), std::string::npos);
  EXPECT_EQ(output.find("cookievalue"), std::string::npos);

  std::vector<nlohmann::json> access_lines;
  std::istringstream lines(output);
  for (std::string line; std::getline(lines, line);) {
    auto entry = nlohmann::json::parse(line, nullptr, false);
    if (!entry.is_discarded() && entry.value("msg", "") == "request") access_lines.push_back(entry);
  }
  ASSERT_EQ(access_lines.size(), 1u) << output;
  const auto& entry = access_lines.front();
  EXPECT_EQ(entry.at("method"), "GET");
  EXPECT_EQ(entry.at("path"), "/api/v1/items/42");
  EXPECT_EQ(entry.at("status"), 200);
  EXPECT_EQ(entry.at("request_id"), "log-test-1");
  EXPECT_EQ(entry.at("client"), "127.0.0.1");
  EXPECT_GT(entry.at("bytes").get<int>(), 0);
  EXPECT_TRUE(entry.at("duration_ms").is_number());
}

}  // namespace
}  // namespace persona::testing
