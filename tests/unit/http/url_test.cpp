#include "http/url.h"

#include <gtest/gtest.h>

#include "core/log.h"
#include "http/router.h"

namespace persona::http {
namespace {

using boost::beast::http::verb;

// Found by fuzz_http_request (fuzz/corpus/http_request/crash-query-not-utf8): a query
// value holding bytes that are not UTF-8 went on to a filter of GET /activity, and
// PostgreSQL refuses such a text parameter ("invalid byte sequence for encoding UTF8"):
// a 500. Raw and percent-encoded bytes alike.
TEST(PercentDecode, RefusesWhatIsNotUtf8) {
  EXPECT_EQ(PercentDecode("caf%C3%A9", false), "caf\xc3\xa9");
  EXPECT_EQ(PercentDecode("caf\xc3\xa9", true), "caf\xc3\xa9");
  EXPECT_EQ(PercentDecode("%F0%9F%98%80", false), "\xf0\x9f\x98\x80");
  for (const char* bad : {"%FF", "lik\xc1\x8d", "%C3", "%C3%28", "%ED%A0%80", "%C0%AF", "%F4%90%80%80", "a\xe9"}) {
    EXPECT_FALSE(PercentDecode(bad, false)) << bad;
    EXPECT_FALSE(PercentDecode(bad, true)) << bad;
  }
}

TEST(PercentDecode, ARouteNeverSeesAPathOrQueryThatIsNotUtf8) {
  Router router;
  int calls = 0;
  auto handler = [&calls](Request&) {
    ++calls;
    return JsonResponse(200, nlohmann::json::object());
  };
  router.Add(verb::get, "/things", handler, {.public_route = true});
  router.Add(verb::get, "/things/{id}", handler, {.public_route = true});
  Logger log(Logger::Level::kError);
  for (const char* target :
       {"/things?type=lik\xc1\x8d", "/things?type=%FF", "/things?%FE=1", "/things/%C3", "/things/\xff\xfe"}) {
    Request req;
    req.method = verb::get;
    req.target = target;
    EXPECT_EQ(router.Dispatch(req, log).status, 400u) << target;
  }
  EXPECT_EQ(calls, 0);
  Request good;
  good.method = verb::get;
  good.target = "/things/caf%C3%A9?type=%C3%A9t%C3%A9";
  EXPECT_EQ(router.Dispatch(good, log).status, 200u);
  EXPECT_EQ(good.path_params.at("id"), "caf\xc3\xa9");
  EXPECT_EQ(good.query.at("type"), "\xc3\xa9t\xc3\xa9");
}

}  // namespace
}  // namespace persona::http
