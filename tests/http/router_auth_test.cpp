// Authentication by default and the same-origin rule, at the Router.
#include <gtest/gtest.h>

#include "http/router.h"

namespace persona::http {
namespace {

using boost::beast::http::field;
using boost::beast::http::verb;

Request MakeRequest(verb method, std::string target, std::string host = "127.0.0.1:8080") {
  Request req;
  req.method = method;
  req.target = std::move(target);
  req.request_id = "test";
  req.headers.set(field::host, host);
  return req;
}

Handler Ok() {
  return [](Request& req) { return JsonResponse(200, {{"user", req.caller ? req.caller->user_id : "-"}}); };
}

class RouterAuthTest : public ::testing::Test {
 protected:
  RouterAuthTest() {
    router_.Add(verb::get, "/private", Ok());
    router_.Add(verb::post, "/private", Ok());
    router_.Add(verb::post, "/public", Ok(), RouteOptions{.public_route = true});
  }
  void AuthenticateAs(std::optional<Caller> caller) {
    router_.SetAuthenticator([caller](const Request&) { return caller; });
  }
  Logger log_{Logger::Level::kError};
  Router router_;
};

TEST_F(RouterAuthTest, RoutesAreAuthenticatedByDefault) {
  auto req = MakeRequest(verb::get, "/private");
  auto res = router_.Dispatch(req, log_);
  EXPECT_EQ(res.status, 401u);
  EXPECT_EQ(res.content_type, kProblemType);
  AuthenticateAs(std::nullopt);
  EXPECT_EQ(router_.Dispatch(req, log_).status, 401u);
  AuthenticateAs(Caller{"u1", Caller::Via::kToken, "t1"});
  auto ok = router_.Dispatch(req, log_);
  EXPECT_EQ(ok.status, 200u);
  EXPECT_EQ(nlohmann::json::parse(ok.body)["user"], "u1");
}

TEST_F(RouterAuthTest, PublicRoutesNeedNoCaller) {
  auto req = MakeRequest(verb::post, "/public");
  EXPECT_EQ(router_.Dispatch(req, log_).status, 200u);
  EXPECT_TRUE(router_.Routes().back().public_route);
  EXPECT_FALSE(router_.Routes().front().public_route);
}

TEST_F(RouterAuthTest, LoopbackOrTokenRoutesAnswerLoopbackClientsAndApiTokensOnly) {
  router_.Add(verb::get, "/metrics", Ok(), RouteOptions{.loopback_or_token = true});
  EXPECT_TRUE(router_.Routes().back().loopback_or_token);
  EXPECT_FALSE(router_.Routes().back().public_route);
  EXPECT_FALSE(router_.Routes().front().loopback_or_token);
  auto from = [&](std::string address, std::vector<std::pair<std::string, std::string>> headers = {}) {
    auto req = MakeRequest(verb::get, "/metrics");
    req.client_address = std::move(address);
    for (const auto& [name, value] : headers) req.headers.set(name, value);
    return router_.Dispatch(req, log_);
  };
  // Whoever the cookie says the caller is, a session is not an API token.
  AuthenticateAs(Caller{"u1", Caller::Via::kSession, "s1"});
  for (const char* local : {"127.0.0.1", "127.8.9.10", "::1", "::ffff:127.0.0.1"}) {
    EXPECT_EQ(from(local).status, 200u) << local;
  }
  for (const char* remote : {"203.0.113.5", "10.0.0.1", "::ffff:203.0.113.5", "2001:db8::1", "-", ""}) {
    auto res = from(remote, {{"Cookie", "persona_session=valid"}});
    EXPECT_EQ(res.status, 401u) << remote;
    EXPECT_EQ(res.content_type, kProblemType);
  }
  // A proxy on this host forwarded it: not local.
  EXPECT_EQ(from("127.0.0.1", {{"X-Forwarded-For", "203.0.113.5"}}).status, 401u);
  EXPECT_EQ(from("127.0.0.1", {{"Forwarded", "for=203.0.113.5"}}).status, 401u);

  AuthenticateAs(Caller{"u1", Caller::Via::kToken, "t1"});
  auto remote = from("203.0.113.5", {{"Authorization", "Bearer pst_valid"}});
  EXPECT_EQ(remote.status, 200u);
  EXPECT_EQ(nlohmann::json::parse(remote.body)["user"], "u1");
  // A token that is sent is checked, from loopback too.
  AuthenticateAs(std::nullopt);
  EXPECT_EQ(from("127.0.0.1", {{"Authorization", "Bearer pst_forged"}}).status, 401u);
  EXPECT_EQ(from("203.0.113.5", {{"Authorization", "Bearer pst_forged"}}).status, 401u);
}

TEST_F(RouterAuthTest, CookieWritesNeedTheServersOwnOrigin) {
  AuthenticateAs(Caller{"u1", Caller::Via::kSession, "s1"});
  auto no_origin = MakeRequest(verb::post, "/private");
  EXPECT_EQ(router_.Dispatch(no_origin, log_).status, 403u);

  auto foreign = MakeRequest(verb::post, "/private");
  foreign.headers.set(field::origin, "http://evil.example");
  EXPECT_EQ(router_.Dispatch(foreign, log_).status, 403u);

  auto other_port = MakeRequest(verb::post, "/private");
  other_port.headers.set(field::origin, "http://127.0.0.1:9999");
  EXPECT_EQ(router_.Dispatch(other_port, log_).status, 403u);

  auto null_origin = MakeRequest(verb::post, "/private");
  null_origin.headers.set(field::origin, "null");
  EXPECT_EQ(router_.Dispatch(null_origin, log_).status, 403u);

  auto same = MakeRequest(verb::post, "/private");
  same.headers.set(field::origin, "http://127.0.0.1:8080");
  EXPECT_EQ(router_.Dispatch(same, log_).status, 200u);

  auto referer = MakeRequest(verb::post, "/private");
  referer.headers.set(field::referer, "http://127.0.0.1:8080/personas?x=1");
  EXPECT_EQ(router_.Dispatch(referer, log_).status, 200u);

  auto read = MakeRequest(verb::get, "/private");
  EXPECT_EQ(router_.Dispatch(read, log_).status, 200u) << "reads need no origin";
}

TEST_F(RouterAuthTest, TokenCallersAreNotSubjectToTheOriginCheck) {
  AuthenticateAs(Caller{"u1", Caller::Via::kToken, "t1"});
  auto req = MakeRequest(verb::post, "/private");
  req.headers.set(field::origin, "http://elsewhere.example");
  EXPECT_EQ(router_.Dispatch(req, log_).status, 200u);
}

TEST_F(RouterAuthTest, PublicWritesFromAForeignOriginAreRefused) {
  auto req = MakeRequest(verb::post, "/public");
  req.headers.set(field::origin, "http://evil.example");
  EXPECT_EQ(router_.Dispatch(req, log_).status, 403u);
}

}  // namespace
}  // namespace persona::http
