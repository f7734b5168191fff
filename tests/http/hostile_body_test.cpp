// Every route that takes a JSON body, fed hostile input: whole bodies that are not
// objects, malformed, too deep or too large, and for each member of a valid body a wrong
// type, null, 100 000 characters, a NUL byte, deep nesting, an SQL fragment or a number out
// of range (at the top level and nested in an object). Each must
// answer 4xx (or, where the value is legitimately acceptable text, succeed) — never 5xx.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>

#include "support/api_fixture.h"

namespace persona {
namespace {

using boost::beast::http::verb;

nlohmann::json Nested(int depth) {
  nlohmann::json v = 1;
  for (int i = 0; i < depth; ++i) v = nlohmann::json::array({v});
  return v;
}

nlohmann::json WrongType(const nlohmann::json& v) {
  if (v.is_string()) return 12345;
  if (v.is_number()) return "12345";
  if (v.is_array()) return {{"not", "a list"}};
  if (v.is_object()) return nlohmann::json::array({1, 2});
  return "yes";
}

class HostileBodies : public testing::ApiFixture {
 protected:
  void SetUp() override {
    ApiFixture::SetUp();
    CreateUser("ana@example.com");
    cookie_ = *Login("ana@example.com");
    Execute("UPDATE users SET max_personas = 1000");
    persona_ = Id(Send(verb::post, "/api/v1/personas", PersonaBody()));
    account_ = Id(Send(verb::post, "/api/v1/personas/" + persona_ + "/accounts",
                       {{"platform_type", "twitter"}, {"username", "maria"}, {"credentials", "pw"}}));
    proxy_ = Id(Send(verb::post, "/api/v1/proxies", ProxyBody()));
    template_ = Id(Send(verb::post, "/api/v1/templates", TemplateBody()));
    token_ = Id(Send(verb::post, "/api/v1/me/tokens", {{"name", "t"}}));
    post_ = Id(Send(verb::post, "/api/v1/posts", {{"platform_account_id", account_}, {"final_content", "Hello"}}));
    session_ = Id(Send(verb::post, "/api/v1/personas/" + persona_ + "/sessions", nlohmann::json::object()));
    Send(verb::post, "/api/v1/accounts/" + account_ + "/reveal", {{"password", "correct horse battery"}});
    auto events = AsBrowser(verb::get, "/api/v1/security-events", cookie_).Json();
    event_ = events["items"][0]["id"].get<std::string>();
  }
  static std::string Id(const testing::HttpResult& res) {
    EXPECT_LT(res.status, 300u) << res.body;
    return res.Json()["id"].get<std::string>();
  }
  testing::HttpResult Send(verb method, const std::string& target, const nlohmann::json& body) {
    return SendRaw(method, target, body.dump());
  }
  testing::HttpResult SendRaw(verb method, const std::string& target, const std::string& body) {
    return AsBrowser(method, target, cookie_, body);
  }
  static nlohmann::json ProxyBody() {
    return {{"proxy_id", "pc-1"},    {"proxy_ip", "127.0.0.1"}, {"proxy_port", 8080},     {"proxy_username", "u"},
            {"proxy_password", "p"}, {"city", "Manila"},        {"monthly_cost_usd", 1.5}};
  }
  static nlohmann::json TemplateBody() {
    return {{"template_name", "T"},
            {"content_type", "text"},
            {"template_text", "Hi {{persona.name}}"},
            {"target_platforms", {"twitter"}},
            {"personalization_rules", {{"suffix", "!"}}},
            {"hashtag_strategy", {{"default", {{"max", 1}}}}}};
  }
  // A valid body for every route that takes JSON, keyed "METHOD pattern".
  std::map<std::string, nlohmann::json> ValidBodies() const {
    return {
        {"POST /api/v1/auth/login", {{"email", "ana@example.com"}, {"password", "wrong password"}}},
        {"PATCH /api/v1/me", {{"current_password", "wrong password"}, {"new_password", "another password"}}},
        {"DELETE /api/v1/me", {{"password", "wrong password"}}},
        {"POST /api/v1/me/2fa/enable", {{"code", "123456"}}},
        {"POST /api/v1/me/2fa/disable", {{"password", "wrong password"}, {"code", "123456"}}},
        {"POST /api/v1/me/tokens", {{"name", "script"}}},
        {"POST /api/v1/personas", PersonaBody()},
        {"PATCH /api/v1/personas/{id}", PersonaBody()},
        {"PUT /api/v1/personas/{id}/proxy", {{"proxy", proxy_}}},
        {"POST /api/v1/personas/{id}/accounts",
         {{"platform_type", "instagram"},
          {"username", "u"},
          {"credentials", {{"password", "x"}}},
          {"auth_tokens", "t"},
          {"platform_settings", {{"a", 1}}},
          {"posting_schedule", {{"b", 2}}},
          {"daily_post_limit", 5}}},
        {"PATCH /api/v1/accounts/{id}",
         {{"display_name", "Maria"},
          {"bio", "hi"},
          {"daily_post_limit", 3},
          {"cooldown_until", "2026-12-01T00:00:00Z"},
          {"account_status", "verified"},
          {"follower_count", 10},
          {"is_active", true},
          {"platform_settings", {{"x", 1}}}}},
        {"POST /api/v1/accounts/{id}/reveal", {{"password", "wrong password"}}},
        {"POST /api/v1/proxies", ProxyBody()},
        {"PATCH /api/v1/proxies/{id}", ProxyBody()},
        {"POST /api/v1/templates", TemplateBody()},
        {"PATCH /api/v1/templates/{id}", TemplateBody()},
        {"POST /api/v1/templates/{id}/render", {{"persona_id", persona_}, {"platform_type", "twitter"}}},
        {"POST /api/v1/templates/preview",
         {{"template_text", "Hi {{persona.name}}"}, {"persona_id", persona_}, {"platform_type", "twitter"}}},
        {"POST /api/v1/posts/check", {{"platform_account_id", account_}, {"final_content", "Kumusta #kain"}}},
        {"POST /api/v1/posts",
         {{"platform_account_id", account_},
          {"content_template_id", template_},
          {"final_content", "Hi Maria!"},
          {"final_hashtags", {"#a"}},
          {"final_media_urls", {"https://example.com/a.jpg"}},
          {"user_satisfaction", 4},
          {"improvement_notes", "n"}}},
        {"PATCH /api/v1/posts/{id}", {{"final_content", "Hello again"}, {"authenticity_rating", 0.9}}},
        {"POST /api/v1/posts/{id}/publish", {{"platform_post_id", "1790"}}},
        {"POST /api/v1/activity",
         {{"persona_id", persona_}, {"activity_type", "like"}, {"platform_type", "twitter"}, {"details", {{"n", 1}}}}},
        {"POST /api/v1/security-events/{id}/resolve", {{"actions_taken", {"password_changed"}}}},
        {"PUT /api/v1/posts/{id}/engagement/{window}", {{"likes", 3}, {"comments", 1}, {"views", 100}}},
        {"POST /api/v1/personas/{id}/sessions", {{"active_platforms", {"twitter"}}, {"platform_sessions", {{"a", 1}}}}},
        {"PATCH /api/v1/sessions/{id}",
         {{"session_status", "active"},
          {"active_platforms", {"twitter"}},
          {"platform_sessions", {{"a", 1}}},
          {"suspicious_activity_detected", false},
          {"risk_events", {{{"kind", "captcha_seen"}}}}}},
    };
  }
  std::string Target(const std::string& pattern) const {
    static const std::vector<std::pair<std::string, const std::string HostileBodies::*>> kIds = {
        {"/personas/{id}", &HostileBodies::persona_},      {"/accounts/{id}", &HostileBodies::account_},
        {"/proxies/{id}", &HostileBodies::proxy_},         {"/templates/{id}", &HostileBodies::template_},
        {"/tokens/{id}", &HostileBodies::token_},          {"/posts/{id}", &HostileBodies::post_},
        {"/security-events/{id}", &HostileBodies::event_}, {"/sessions/{id}", &HostileBodies::session_}};
    std::string target = pattern;
    for (const auto& [segment, member] : kIds) {
      auto at = target.find(segment);
      if (at != std::string::npos) target.replace(at + segment.size() - 4, 4, this->*member);
    }
    if (auto at = target.find("{window}"); at != std::string::npos) target.replace(at, 8, "immediate");
    return target;
  }
  std::string cookie_, persona_, account_, proxy_, template_, token_, post_, event_, session_;
};

TEST_F(HostileBodies, NeverAnswer5xx) {
  auto bodies = ValidBodies();
  int requests = 0;
  for (const auto& route : router_.Routes()) {
    if (!route.json_body) continue;
    std::string key = std::string(boost::beast::http::to_string(route.method)) + " " + route.pattern;
    auto it = bodies.find(key);
    ASSERT_NE(it, bodies.end()) << "no valid body in this table for " << key << ": add one";
    const auto target = Target(route.pattern);

    // Whole bodies.
    const std::vector<std::string> whole = {
        "[]",
        "\"text\"",
        "42",
        "null",
        "true",
        "{\"a\":",
        "{\"\\u0000\":1}",
        "not json at all",
        Nested(200).dump(),
        "{\"x\":\"" + std::string(1100 * 1024, 'a') + "\"}",  // over the 1 MiB body limit
    };
    for (const auto& body : whole) {
      auto res = SendRaw(route.method, target, body);
      ++requests;
      EXPECT_GE(res.status, 400u) << key << " with " << body.substr(0, 40);
      EXPECT_LT(res.status, 500u) << key << " with " << body.substr(0, 40) << ": " << res.body;
    }
    auto as_text = Call(route.method, target, it->second.dump(),
                        {{"Cookie", cookie_}, {"Origin", Origin()}, {"Content-Type", "text/plain"}});
    EXPECT_EQ(as_text.status, 415u) << key;

    // One hostile member at a time, the rest valid.
    for (const auto& [member, value] : it->second.items()) {
      struct Variant {
        const char* name;
        nlohmann::json value;
        bool must_fail;  // false: acceptable text may legitimately be stored
      };
      // Secrets are stored encrypted as they are: a NUL in one is just a byte.
      const bool secret = member == "credentials" || member == "auth_tokens";
      const std::vector<Variant> variants = {
          {"wrong type", WrongType(value), true},
          {"100k characters", std::string(100000, 'x'), true},
          {"NUL byte", std::string("a\0b", 3), !secret},
          {"deep nesting", Nested(60), true},
          {"null", nullptr, false},
          {"SQL fragment", "'); DROP TABLE personas; --", false},
      };
      for (const auto& v : variants) {
        auto body = it->second;
        body[member] = v.value;
        auto res = Send(route.method, target, body);
        ++requests;
        EXPECT_LT(res.status, 500u) << key << " " << member << " " << v.name << ": " << res.body;
        if (v.must_fail) {
          EXPECT_GE(res.status, 400u) << key << " " << member << " " << v.name;
        }
      }

      // Numbers a double or an int64 cannot hold, negative zero, and a fraction where
      // an integer is wanted: written as text, since nlohmann cannot produce them.
      struct NumberVariant {
        const char* text;
        bool must_fail;
      };
      const std::vector<NumberVariant> numbers = {
          {"1e999", true},
          {"-1e400", true},
          {"99999999999999999999", true},
          {"-99999999999999999999", true},
          {"-0", false},
          {"1.0", value.is_number_integer()},
      };
      for (const auto& n : numbers) {
        for (bool nested : {false, true}) {
          auto body = it->second;
          body[member] = nested ? nlohmann::json{{"n", "@number@"}} : nlohmann::json("@number@");
          auto text = body.dump();
          text.replace(text.find("\"@number@\""), 10, n.text);
          auto res = SendRaw(route.method, target, text);
          ++requests;
          EXPECT_LT(res.status, 500u) << key << " " << member << " = " << text << ": " << res.body;
          if (n.must_fail && !nested) {
            EXPECT_GE(res.status, 400u) << key << " " << member << " " << n.text;
          }
        }
      }
    }
  }
  EXPECT_GT(requests, 500);
  // The fragments were data, never SQL.
  EXPECT_GE(Count("SELECT count(*) FROM personas"), 1);
}

}  // namespace
}  // namespace persona
