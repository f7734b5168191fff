// The embedded web UI as `serve` answers it: index.html for / and the UI's own paths,
// hashed assets with gzip, strong ETags and immutable caching, the security headers,
// and JSON 404s kept for the server's paths.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <regex>

#include "http/handlers/web_handler.h"
#include "http/web_assets.h"
#include "support/api_fixture.h"

namespace persona {
namespace {

using boost::beast::http::verb;
using ::testing::HasSubstr;
using ::testing::StartsWith;

constexpr std::string_view kCsp =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

class WebUi : public testing::ApiFixture {
 protected:
  void SetUp() override {
    ApiFixture::SetUp();
    ASSERT_FALSE(http::kWebAssets.empty())
        << "the UI is embedded (tests/CMakeLists.txt leaves this file out otherwise)";
  }

  // The hashed asset paths index.html names (the script, the stylesheet, the icon).
  std::vector<std::string> AssetsOfIndex() {
    auto index = Call(verb::get, "/");
    std::vector<std::string> out;
    std::regex asset(R"re((?:src|href)="(/assets/[^"]+)")re");
    for (std::sregex_iterator it(index.body.begin(), index.body.end(), asset), end; it != end; ++it) {
      out.push_back((*it)[1]);
    }
    return out;
  }

  static void ExpectUiHeaders(const testing::HttpResult& res) {
    EXPECT_EQ(res.Header("Content-Security-Policy"), kCsp);
    EXPECT_EQ(res.Header("X-Content-Type-Options"), "nosniff");
    EXPECT_EQ(res.Header("X-Frame-Options"), "DENY");
    EXPECT_EQ(res.Header("Referrer-Policy"), "no-referrer");
  }
};

TEST_F(WebUi, RootAndClientRoutesAnswerIndexHtmlRevalidatedEachTime) {
  auto root = Call(verb::get, "/");
  ASSERT_EQ(root.status, 200u) << root.body;
  EXPECT_THAT(root.Header("Content-Type"), StartsWith("text/html"));
  EXPECT_THAT(root.body, HasSubstr("<div id=\"app\"></div>"));
  EXPECT_EQ(root.Header("Cache-Control"), "no-cache");
  EXPECT_THAT(root.Header("ETag"), ::testing::MatchesRegex("\"[0-9a-f]{32}\""));
  ExpectUiHeaders(root);
  // No inline script: the CSP would block it.
  EXPECT_THAT(root.body, ::testing::Not(HasSubstr("<script>")));
  EXPECT_THAT(root.body, ::testing::Not(HasSubstr("<style")));

  for (const char* path : {"/personas/abc", "/personas/abc/accounts", "/login?next=%2Fsettings", "/settings"}) {
    auto res = Call(verb::get, path);
    EXPECT_EQ(res.status, 200u) << path;
    EXPECT_EQ(res.body, root.body) << path;
    EXPECT_EQ(res.Header("Cache-Control"), "no-cache") << path;
  }
  auto head = Call(verb::head, "/personas/abc");
  EXPECT_EQ(head.status, 200u);
  EXPECT_EQ(head.body, "");
  EXPECT_EQ(head.Header("Content-Length"), std::to_string(root.body.size()));
}

TEST_F(WebUi, ServerPathsKeepTheirJson404s) {
  for (const char* path :
       {"/api/v1/nope", "/api", "/api/", "/api/v2/personas", "/healthz/x", "/readyz/x", "/metrics/x"}) {
    auto res = Call(verb::get, path);
    EXPECT_EQ(res.status, 404u) << path;
    EXPECT_EQ(res.Header("Content-Type"), "application/problem+json") << path;
    EXPECT_EQ(res.Header("Content-Security-Policy"), "") << path;
  }
  // Only GET and HEAD reach the UI.
  auto post = Call(verb::post, "/personas/abc", "{}");
  EXPECT_EQ(post.status, 404u);
  EXPECT_EQ(post.Header("Content-Type"), "application/problem+json");
  // The server's own routes are untouched.
  EXPECT_EQ(Call(verb::get, "/healthz").Json()["status"], "ok");
  EXPECT_EQ(Call(verb::get, "/api/v1/me").status, 401u);
}

TEST_F(WebUi, AssetsAreImmutableAndServedGzippedWhenAccepted) {
  auto assets = AssetsOfIndex();
  ASSERT_EQ(assets.size(), 3u) << "a script, a stylesheet and an icon";
  bool saw_js = false;
  for (const auto& path : assets) {
    EXPECT_THAT(path, ::testing::MatchesRegex("/assets/[a-z]+-[A-Z0-9]{8}\\.(js|css|svg)")) << "hashed name";
    auto plain = Call(verb::get, path);
    ASSERT_EQ(plain.status, 200u) << path;
    EXPECT_EQ(plain.Header("Cache-Control"), "public, max-age=31536000, immutable");
    EXPECT_EQ(plain.Header("Content-Encoding"), "");
    EXPECT_EQ(plain.Header("Vary"), "Accept-Encoding");
    ExpectUiHeaders(plain);
    if (path.ends_with(".js")) {
      saw_js = true;
      EXPECT_EQ(plain.Header("Content-Type"), "text/javascript; charset=utf-8");
    }
    if (path.ends_with(".css")) {
      EXPECT_EQ(plain.Header("Content-Type"), "text/css; charset=utf-8");
    }

    auto gz = Call(verb::get, path, "", {{"Accept-Encoding", "gzip, deflate, br"}});
    ASSERT_EQ(gz.status, 200u);
    EXPECT_EQ(gz.Header("Content-Encoding"), "gzip");
    EXPECT_EQ(gz.Header("Vary"), "Accept-Encoding");
    EXPECT_EQ(gz.body.substr(0, 2), "\x1f\x8b") << "gzip magic";
    EXPECT_LT(gz.body.size(), plain.body.size());
    EXPECT_NE(gz.Header("ETag"), plain.Header("ETag")) << "each representation has its own strong validator";

    auto refused = Call(verb::get, path, "", {{"Accept-Encoding", "gzip;q=0, identity"}});
    EXPECT_EQ(refused.Header("Content-Encoding"), "");
    EXPECT_EQ(refused.body, plain.body);
  }
  EXPECT_TRUE(saw_js);
}

TEST_F(WebUi, AMatchingIfNoneMatchAnswers304) {
  auto assets = AssetsOfIndex();
  ASSERT_FALSE(assets.empty());
  for (const std::string& path : {std::string("/"), assets.front()}) {
    auto first = Call(verb::get, path, "", {{"Accept-Encoding", "gzip"}});
    auto etag = first.Header("ETag");
    ASSERT_THAT(etag, StartsWith("\"")) << path;
    auto again = Call(verb::get, path, "", {{"Accept-Encoding", "gzip"}, {"If-None-Match", etag}});
    EXPECT_EQ(again.status, 304u) << path;
    EXPECT_EQ(again.body, "");
    EXPECT_EQ(again.Header("ETag"), etag);
    EXPECT_EQ(again.Header("Cache-Control"), first.Header("Cache-Control"));
    EXPECT_EQ(
        Call(verb::get, path, "", {{"Accept-Encoding", "gzip"}, {"If-None-Match", "\"other\", W/" + etag}}).status,
        304u)
        << "weak comparison, any of a list";
    EXPECT_EQ(Call(verb::get, path, "", {{"Accept-Encoding", "gzip"}, {"If-None-Match", "\"other\""}}).status, 200u);
    EXPECT_EQ(Call(verb::get, path, "", {{"If-None-Match", etag}}).status, 200u)
        << "the identity form has another validator";
  }
}

TEST_F(WebUi, AMissingAssetIsA404NotTheIndex) {
  auto res = Call(verb::get, "/assets/main-NOTTHERE.js");
  EXPECT_EQ(res.status, 404u);
  EXPECT_EQ(res.Header("Content-Type"), "application/problem+json");
}

// The handler over a table of its own, independent of what the build embedded.
http::Request Get(const std::string& path, testing::Headers headers = {}) {
  http::Request req;
  req.method = verb::get;
  req.target = path;
  req.path = path;
  for (const auto& [name, value] : headers) req.headers.insert(name, value);
  return req;
}

const http::WebAsset kFakeAssets[] = {
    {"/index.html", "text/html; charset=utf-8", "\"i1\"", "<!doctype html>", {}},
    {"/assets/app-AAAA.js", "text/javascript; charset=utf-8", "\"a1\"", "console.log(1)", "GZ"},
};

TEST(WebUiHandler, AcceptEncodingWeightsAndWildcards) {
  auto encoding_for = [](const std::string& accept) {
    auto res = http::ServeWebUi(Get("/assets/app-AAAA.js", {{"Accept-Encoding", accept}}), kFakeAssets);
    EXPECT_TRUE(res);
    return res->body;
  };
  EXPECT_EQ(encoding_for("gzip"), "GZ");
  EXPECT_EQ(encoding_for("GZIP;q=0.5"), "GZ");
  EXPECT_EQ(encoding_for("*"), "GZ");
  EXPECT_EQ(encoding_for("br, *;q=0.1"), "GZ");
  EXPECT_EQ(encoding_for("gzip;q=0"), "console.log(1)");
  EXPECT_EQ(encoding_for("*, gzip;q=0"), "console.log(1)");
  EXPECT_EQ(encoding_for("br"), "console.log(1)");
  EXPECT_EQ(encoding_for(""), "console.log(1)");
}

TEST(WebUiHandler, WithoutAnIndexNothingIsServed) {
  const http::WebAsset only_asset[] = {kFakeAssets[1]};
  EXPECT_FALSE(http::ServeWebUi(Get("/"), only_asset));
  EXPECT_FALSE(http::ServeWebUi(Get("/"), {}));
  EXPECT_TRUE(http::ServeWebUi(Get("/"), kFakeAssets));
  EXPECT_FALSE(http::ServeWebUi(Get("/api/v1/x"), kFakeAssets));
  EXPECT_TRUE(http::ServeWebUi(Get("/apiary"), kFakeAssets)) << "only the /api segment is the server's";
}

TEST(WebUiHandler, AFileWithoutGzipFormHasNoVary) {
  auto res = http::ServeWebUi(Get("/", {{"Accept-Encoding", "gzip"}}), kFakeAssets);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->body, "<!doctype html>");
  for (const auto& [name, value] : res->headers) EXPECT_NE(name, "Vary");
}

}  // namespace
}  // namespace persona
