// Router and problem+json rules, without a network: Find/Dispatch called directly.
#include <stdexcept>

#include <gtest/gtest.h>

#include "core/errors.h"
#include "core/log.h"
#include "http/message.h"
#include "http/router.h"
#include "http/url.h"

namespace persona::http {
namespace {

using boost::beast::http::verb;

Handler Answer(std::string name) {
  return [name](Request& req) { return JsonResponse(200, {{"route", name}, {"params", req.path_params}}); };
}

Request MakeRequest(verb method, std::string target) {
  Request req;
  req.method = method;
  req.target = std::move(target);
  req.request_id = "test";
  return req;
}

class RouterTest : public ::testing::Test {
 protected:
  RouterTest() {
    router_.SetAuthenticator([](const Request&) { return Caller{"user", Caller::Via::kToken, "t"}; });
  }

  nlohmann::json Call(verb method, std::string target) {
    auto req = MakeRequest(method, std::move(target));
    auto res = router_.Dispatch(req, log_);
    last_status_ = res.status;
    return nlohmann::json::parse(res.body);
  }

  Logger log_{Logger::Level::kError};
  Router router_;
  unsigned last_status_ = 0;
};

TEST_F(RouterTest, LiteralSegmentWinsOverParameterWhateverTheOrder) {
  router_.Add(verb::get, "/a/{id}", Answer("param"));
  router_.Add(verb::get, "/a/new", Answer("literal"));
  EXPECT_EQ(Call(verb::get, "/a/new").at("route"), "literal");
  EXPECT_EQ(Call(verb::get, "/a/42").at("route"), "param");
  EXPECT_EQ(Call(verb::get, "/a/42").at("params").at("id"), "42");
}

TEST_F(RouterTest, ParametersMatchOneNonEmptySegment) {
  router_.Add(verb::get, "/p/{id}/accounts", Answer("accounts"));
  EXPECT_EQ(Call(verb::get, "/p/x/accounts").at("params").at("id"), "x");
  Call(verb::get, "/p//accounts");
  EXPECT_EQ(last_status_, 404u);
  Call(verb::get, "/p/x/y/accounts");
  EXPECT_EQ(last_status_, 404u);
}

TEST_F(RouterTest, EncodedSlashStaysInsideTheSegment) {
  router_.Add(verb::get, "/p/{id}", Answer("one"));
  EXPECT_EQ(Call(verb::get, "/p/a%2Fb").at("params").at("id"), "a/b");
}

TEST_F(RouterTest, RootPathIsRoutable) {
  router_.Add(verb::get, "/", Answer("root"));
  EXPECT_EQ(Call(verb::get, "/").at("route"), "root");
  Call(verb::get, "//");
  EXPECT_EQ(last_status_, 404u);
}

TEST_F(RouterTest, AllowListsEveryMethodOfThePathPlusHead) {
  router_.Add(verb::get, "/r/{id}", Answer("get"));
  router_.Add(verb::patch, "/r/{id}", Answer("patch"));
  auto req = MakeRequest(verb::post, "/r/1");
  auto res = router_.Dispatch(req, log_);
  EXPECT_EQ(res.status, 405u);
  ASSERT_EQ(res.headers.size(), 1u);
  EXPECT_EQ(res.headers[0].first, "Allow");
  EXPECT_EQ(res.headers[0].second, "GET, HEAD, PATCH");
}

TEST_F(RouterTest, ExplicitHeadRouteIsPreferredOverGet) {
  router_.Add(verb::get, "/x", Answer("get"));
  router_.Add(verb::head, "/x", Answer("head"));
  EXPECT_EQ(Call(verb::head, "/x").at("route"), "head");
}

TEST_F(RouterTest, BadPatternsAndDuplicatesAreRejectedAtStartUp) {
  router_.Add(verb::get, "/a/{id}", Answer("a"));
  EXPECT_THROW(router_.Add(verb::get, "/a/{id}", Answer("again")), std::logic_error);
  EXPECT_THROW(router_.Add(verb::get, "no-slash", Answer("x")), std::logic_error);
  EXPECT_THROW(router_.Add(verb::get, "/b/{id", Answer("x")), std::logic_error);
  EXPECT_THROW(router_.Add(verb::get, "/b/{id}/{id}", Answer("x")), std::logic_error);
  EXPECT_NO_THROW(router_.Add(verb::post, "/a/{id}", Answer("post")));
}

TEST_F(RouterTest, RoutesListsMethodAndPatternInOrder) {
  router_.Add(verb::get, "/a", Answer("a"));
  router_.Add(verb::post, "/b/{id}", Answer("b"));
  auto routes = router_.Routes();
  ASSERT_EQ(routes.size(), 2u);
  EXPECT_EQ(routes[0].method, verb::get);
  EXPECT_EQ(routes[0].pattern, "/a");
  EXPECT_EQ(routes[1].method, verb::post);
  EXPECT_EQ(routes[1].pattern, "/b/{id}");
}

TEST_F(RouterTest, NonOriginFormTargetIs400) {
  router_.Add(verb::get, "/a", Answer("a"));
  Call(verb::get, "http://example.com/a");
  EXPECT_EQ(last_status_, 400u);
}

TEST_F(RouterTest, DatabaseUnavailableFromCoreIsAlso503) {
  router_.Add(verb::get, "/db", [](Request&) -> Response { throw DatabaseUnavailable("connection refused"); });
  auto body = Call(verb::get, "/db");
  EXPECT_EQ(last_status_, 503u);
  EXPECT_EQ(body.at("status"), 503);
}

TEST_F(RouterTest, NonStdExceptionIs500) {
  router_.Add(verb::get, "/int", [](Request&) -> Response { throw 42; });
  EXPECT_EQ(Call(verb::get, "/int").at("detail"), "internal error");
  EXPECT_EQ(last_status_, 500u);
}

TEST_F(RouterTest, JsonIsParsedOnlyForMethodsCarryingABody) {
  router_.Add(
      verb::get, "/j",
      [](Request& req) {
        return JsonResponse(200, {{"null", req.json.is_null()}});
      },
      RouteOptions{.json_body = true});
  EXPECT_EQ(Call(verb::get, "/j").at("null"), true);  // no Content-Type needed for GET
}

TEST_F(RouterTest, DeleteWithJsonBodyIsParsed) {
  router_.Add(
      verb::delete_, "/me", [](Request& req) { return JsonResponse(200, req.json); }, RouteOptions{.json_body = true});
  auto req = MakeRequest(verb::delete_, "/me");
  req.headers.set(boost::beast::http::field::content_type, "application/json");
  req.body = R"({"password":"x"})";
  auto res = router_.Dispatch(req, log_);
  EXPECT_EQ(res.status, 200u);
  EXPECT_EQ(nlohmann::json::parse(res.body).at("password"), "x");
}

TEST(ProblemResponseTest, HasRfc9457MembersAndMergesExtras) {
  auto res = ProblemResponse(422, "invalid field",
                             {{"errors", {{{"field", "demographics.age"}, {"message", "must be positive"}}}},
                              {"code", "validation"},
                              {"status", 200}});
  EXPECT_EQ(res.status, 422u);
  EXPECT_EQ(res.content_type, "application/problem+json");
  auto body = nlohmann::json::parse(res.body);
  EXPECT_EQ(body.at("type"), "about:blank");
  EXPECT_EQ(body.at("title"), "Unprocessable Content");
  EXPECT_EQ(body.at("status"), 422);  // an extra "status" cannot contradict the HTTP status
  EXPECT_EQ(body.at("detail"), "invalid field");
  EXPECT_EQ(body.at("code"), "validation");
  EXPECT_EQ(body.at("errors")[0].at("field"), "demographics.age");
}

TEST(ProblemResponseTest, TypeCanBeGiven) {
  auto body = nlohmann::json::parse(ProblemResponse(409, "taken", {{"type", "/problems/conflict"}}).body);
  EXPECT_EQ(body.at("type"), "/problems/conflict");
  EXPECT_EQ(body.at("title"), "Conflict");
}

TEST(UrlTest, PercentDecodeRejectsTruncatedAndNulEscapes) {
  EXPECT_EQ(PercentDecode("a%20b", false), "a b");
  EXPECT_EQ(PercentDecode("a+b", false), "a+b");
  EXPECT_EQ(PercentDecode("a+b", true), "a b");
  EXPECT_FALSE(PercentDecode("%", false));
  EXPECT_FALSE(PercentDecode("%4", false));
  EXPECT_FALSE(PercentDecode("%g0", false));
  EXPECT_FALSE(PercentDecode("%00", false));
}

TEST(UrlTest, QueryKeepsFirstValueAndAcceptsBareKeys) {
  std::map<std::string, std::string> query;
  ASSERT_TRUE(ParseQuery("a=1&a=2&flag&&b=x%3Dy", query));
  EXPECT_EQ(query.at("a"), "1");
  EXPECT_EQ(query.at("flag"), "");
  EXPECT_EQ(query.at("b"), "x=y");
}

}  // namespace
}  // namespace persona::http
