// The published OpenAPI document and the routing table describe the same API: a route
// without documentation, or documentation without a route, fails here.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>

#include "http/handlers/openapi_handler.h"
#include "support/api_fixture.h"

namespace persona {
namespace {

using boost::beast::http::verb;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

class OpenApi : public testing::ApiFixture {};

TEST_F(OpenApi, EveryRouteIsDocumentedAndEveryDocumentedRouteExists) {
  auto doc = nlohmann::json::parse(http::kOpenApiDocument);
  EXPECT_EQ(doc["openapi"].get<std::string>().substr(0, 3), "3.1");
  std::set<std::string> documented, routed;
  std::set<std::string> documented_public, routed_public;
  for (const auto& [path, item] : doc["paths"].items()) {
    for (const auto& [method, op] : item.items()) {
      if (method == "parameters" || method == "summary" || method == "description") continue;
      auto key = Lower(method) + " " + path;
      documented.insert(key);
      if (op.contains("security") && op["security"].empty()) documented_public.insert(key);
    }
  }
  for (const auto& route : router_.Routes()) {
    auto key = Lower(boost::beast::http::to_string(route.method)) + " " + route.pattern;
    routed.insert(key);
    if (route.public_route) routed_public.insert(key);
  }
  EXPECT_EQ(routed, documented);
  EXPECT_EQ(routed_public, documented_public);
}

// What Redocly's recommended rules hold a document to, checked here so that no lint
// tool has to be installed: a licence, a 4XX answer on every operation (each can at
// least be malformed), and no component schema that nothing refers to.
TEST_F(OpenApi, TheDocumentPassesTheRecommendedLintRules) {
  auto doc = nlohmann::json::parse(http::kOpenApiDocument);
  EXPECT_TRUE(doc["info"]["license"].contains("name"));
  EXPECT_TRUE(doc["info"]["license"].contains("identifier") || doc["info"]["license"].contains("url"));
  for (const auto& [path, item] : doc["paths"].items()) {
    for (const auto& [method, op] : item.items()) {
      if (method == "parameters" || method == "summary" || method == "description") continue;
      bool has_4xx = false;
      for (const auto& [status, response] : op["responses"].items()) has_4xx |= status.front() == '4';
      EXPECT_TRUE(has_4xx) << method << " " << path << " documents no 4XX response";
      EXPECT_TRUE(op.contains("operationId")) << method << " " << path;
    }
  }
  const auto text = doc.dump();
  for (const auto& [name, schema] : doc["components"]["schemas"].items()) {
    EXPECT_NE(text.find("\"#/components/schemas/" + name + "\""), std::string::npos) << name << " is never used";
  }
}

TEST_F(OpenApi, TheDocumentIsServedWithoutAuthentication) {
  auto res = Call(verb::get, "/api/v1/openapi.json");
  ASSERT_EQ(res.status, 200u);
  EXPECT_EQ(res.Header("Content-Type"), "application/json");
  EXPECT_EQ(res.Json(), nlohmann::json::parse(http::kOpenApiDocument));
  // The persona shapes are published as schemas.
  for (const char* schema : {"Demographics", "Personality", "ActivitySchedule", "ContentThemes", "EngagementStyle"}) {
    EXPECT_TRUE(res.Json()["components"]["schemas"].contains(schema)) << schema;
  }
}

}  // namespace
}  // namespace persona
