// API.md: every mutating request writes an activity_logs row. This walks every route
// that changes something, in an order that makes each call valid, and checks each one
// added its row; a new mutating route without a step here fails the test.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <functional>
#include <set>

#include "core/time_format.h"
#include "crypto/encoding.h"
#include "crypto/totp.h"
#include "support/api_fixture.h"

namespace persona {
namespace {

using boost::beast::http::verb;

class ActivityLog : public testing::ApiFixture {
 protected:
  std::string Code(const std::string& base32_secret) {
    return crypto::TotpAt(*crypto::Base32Decode(base32_secret), UnixSeconds(clock_.Now()));
  }
};

TEST_F(ActivityLog, EveryMutatingRouteWritesARow) {
  auto user = CreateUser("ana@example.com");
  auto cookie = *Login("ana@example.com");
  std::map<std::string, std::string> ids;  // filled as the walk creates things
  std::string totp_secret;
  auto id_of = [](const testing::HttpResult& res) { return res.Json()["id"].get<std::string>(); };

  struct Step {
    verb method;
    std::string pattern;
    std::function<std::string()> target;
    std::function<nlohmann::json()> body;
    std::function<void(const testing::HttpResult&)> after = nullptr;
  };
  auto fixed = [](std::string t) { return [t] { return t; }; };
  auto with = [&ids](std::string prefix, std::string key, std::string suffix = "") {
    return [&ids, prefix, key, suffix] { return prefix + ids[key] + suffix; };
  };
  auto none = [] { return nlohmann::json(nullptr); };
  const std::vector<Step> steps = {
      {verb::post, "/api/v1/auth/login", fixed("/api/v1/auth/login"),
       [] {
         return nlohmann::json{{"email", "ana@example.com"}, {"password", "correct horse battery"}};
       },
       [&](const testing::HttpResult& res) {
         cookie = res.Header("Set-Cookie").substr(0, res.Header("Set-Cookie").find(';'));
       }},
      {verb::post, "/api/v1/personas", fixed("/api/v1/personas"), [] { return PersonaBody(); },
       [&](const testing::HttpResult& res) { ids["persona"] = id_of(res); }},
      {verb::patch, "/api/v1/personas/{id}", with("/api/v1/personas/", "persona"),
       [] {
         return nlohmann::json{{"status", "inactive"}};
       }},
      {verb::post, "/api/v1/personas/{id}/accounts", with("/api/v1/personas/", "persona", "/accounts"),
       [] {
         return nlohmann::json{{"platform_type", "tiktok"}, {"username", "maria"}, {"credentials", "pw"}};
       },
       [&](const testing::HttpResult& res) { ids["account"] = id_of(res); }},
      {verb::patch, "/api/v1/accounts/{id}", with("/api/v1/accounts/", "account"),
       [] {
         return nlohmann::json{{"follower_count", 12}};
       }},
      {verb::post, "/api/v1/accounts/{id}/reveal", with("/api/v1/accounts/", "account", "/reveal"),
       [] {
         return nlohmann::json{{"password", "correct horse battery"}};
       }},
      {verb::post, "/api/v1/activity", fixed("/api/v1/activity"),
       [&] {
         return nlohmann::json{
             {"persona_id", ids["persona"]}, {"activity_type", "comment"}, {"platform_type", "tiktok"}};
       }},
      {verb::post, "/api/v1/personas/{id}/sessions", with("/api/v1/personas/", "persona", "/sessions"),
       [] {
         return nlohmann::json{{"active_platforms", {"tiktok"}}};
       },
       [&](const testing::HttpResult& res) { ids["session"] = id_of(res); }},
      {verb::patch, "/api/v1/sessions/{id}", with("/api/v1/sessions/", "session"),
       [] {
         return nlohmann::json{{"session_status", "active"}};
       }},
      {verb::post, "/api/v1/sessions/{id}/end", with("/api/v1/sessions/", "session", "/end"), none},
      {verb::post, "/api/v1/security-events/{id}/resolve",
       [&] {
         auto events = AsBrowser(verb::get, "/api/v1/security-events?event_type=secret_revealed", cookie).Json();
         return "/api/v1/security-events/" + events["items"][0]["id"].get<std::string>() + "/resolve";
       },
       [] {
         return nlohmann::json{{"actions_taken", {"credentials_rotated"}}};
       }},
      {verb::post, "/api/v1/proxies", fixed("/api/v1/proxies"),
       [] {
         return nlohmann::json{{"proxy_id", "pc-1"},    {"proxy_ip", "127.0.0.1"}, {"proxy_port", 9},
                               {"proxy_username", "u"}, {"proxy_password", "p"},   {"city", "Manila"}};
       },
       [&](const testing::HttpResult& res) { ids["proxy"] = id_of(res); }},
      {verb::patch, "/api/v1/proxies/{id}", with("/api/v1/proxies/", "proxy"),
       [] {
         return nlohmann::json{{"isp_name", "Globe"}};
       }},
      {verb::post, "/api/v1/proxies/{id}/check", with("/api/v1/proxies/", "proxy", "/check"), none},
      {verb::put, "/api/v1/personas/{id}/proxy", with("/api/v1/personas/", "persona", "/proxy"),
       [&] {
         return nlohmann::json{{"proxy", ids["proxy"]}};
       }},
      {verb::delete_, "/api/v1/personas/{id}/proxy", with("/api/v1/personas/", "persona", "/proxy"), none},
      {verb::post, "/api/v1/proxies/import", fixed("/api/v1/proxies/import?city=Cebu"), none},
      {verb::post, "/api/v1/templates", fixed("/api/v1/templates"),
       [] {
         return nlohmann::json{{"template_name", "T"},
                               {"content_type", "text"},
                               {"template_text", "Hi"},
                               {"target_platforms", {"tiktok"}}};
       },
       [&](const testing::HttpResult& res) { ids["template"] = id_of(res); }},
      {verb::patch, "/api/v1/templates/{id}", with("/api/v1/templates/", "template"),
       [] {
         return nlohmann::json{{"is_active", false}};
       }},
      {verb::post, "/api/v1/posts", fixed("/api/v1/posts"),
       [&] {
         return nlohmann::json{{"platform_account_id", ids["account"]}, {"final_content", "Kumusta!"}};
       },
       [&](const testing::HttpResult& res) { ids["post"] = id_of(res); }},
      {verb::post, "/api/v1/posts/import", fixed("/api/v1/posts/import"), none},
      {verb::patch, "/api/v1/posts/{id}", with("/api/v1/posts/", "post"),
       [] {
         return nlohmann::json{{"final_content", "Kumusta, Manila!"}};
       }},
      {verb::post, "/api/v1/posts/{id}/publish", with("/api/v1/posts/", "post", "/publish"),
       [] {
         return nlohmann::json{{"platform_post_id", "7301"}};
       }},
      {verb::put, "/api/v1/posts/{id}/engagement/{window}", with("/api/v1/posts/", "post", "/engagement/immediate"),
       [&] {
         clock_.Advance(std::chrono::minutes(61));  // the first checkpoint is due an hour after publication
         return nlohmann::json{{"likes", 4}, {"views", 90}};
       }},
      {verb::delete_, "/api/v1/posts/{id}", with("/api/v1/posts/", "post"), none},
      {verb::post, "/api/v1/me/tokens", fixed("/api/v1/me/tokens"),
       [] {
         return nlohmann::json{{"name", "script"}};
       },
       [&](const testing::HttpResult& res) { ids["token"] = id_of(res); }},
      {verb::delete_, "/api/v1/me/tokens/{id}", with("/api/v1/me/tokens/", "token"), none},
      {verb::post, "/api/v1/me/2fa/setup", fixed("/api/v1/me/2fa/setup"), none,
       [&](const testing::HttpResult& res) { totp_secret = res.Json()["secret"].get<std::string>(); }},
      {verb::post, "/api/v1/me/2fa/enable", fixed("/api/v1/me/2fa/enable"),
       [&] {
         return nlohmann::json{{"code", Code(totp_secret)}};
       }},
      {verb::post, "/api/v1/me/2fa/disable", fixed("/api/v1/me/2fa/disable"),
       [&] {
         clock_.Advance(std::chrono::seconds(30));  // a fresh code: the last one is spent
         return nlohmann::json{{"password", "correct horse battery"}, {"code", Code(totp_secret)}};
       }},
      {verb::delete_, "/api/v1/templates/{id}", with("/api/v1/templates/", "template"), none},
      {verb::delete_, "/api/v1/accounts/{id}", with("/api/v1/accounts/", "account"), none},
      {verb::delete_, "/api/v1/proxies/{id}", with("/api/v1/proxies/", "proxy"), none},
      {verb::delete_, "/api/v1/personas/{id}", with("/api/v1/personas/", "persona"), none},
      {verb::patch, "/api/v1/me", fixed("/api/v1/me"),
       [] {
         return nlohmann::json{{"current_password", "correct horse battery"}, {"new_password", "a new passphrase"}};
       }},
      {verb::post, "/api/v1/auth/logout", fixed("/api/v1/auth/logout"), none},
  };

  std::set<std::string> walked;
  for (const auto& step : steps) {
    auto key = std::string(boost::beast::http::to_string(step.method)) + " " + step.pattern;
    walked.insert(key);
    auto before = Count("SELECT count(*) FROM activity_logs WHERE user_id = '" + user + "'");
    auto body = step.body();
    testing::HttpResult res;
    if (step.pattern == "/api/v1/proxies/import") {
      res = Call(step.method, step.target(), "203.0.113.7:8080:u:p",
                 {{"Cookie", cookie}, {"Origin", Origin()}, {"Content-Type", "text/plain"}});
    } else if (step.pattern == "/api/v1/posts/import") {
      res = Call(step.method, step.target(), "persona,account,text\n" + ids["persona"] + "," + ids["account"] + ",Hi\n",
                 {{"Cookie", cookie}, {"Origin", Origin()}, {"Content-Type", "text/csv"}});
    } else {
      res = AsBrowser(step.method, step.target(), cookie, body.is_null() ? "" : body.dump());
    }
    ASSERT_LT(res.status, 300u) << key << ": " << res.body;
    if (step.after) step.after(res);
    EXPECT_GT(Count("SELECT count(*) FROM activity_logs WHERE user_id = '" + user + "'"), before) << key;
  }
  // No secret ever reached a row.
  EXPECT_EQ(Count("SELECT count(*) FROM activity_logs WHERE activity_data::text LIKE '%correct horse%' OR "
                  "activity_data::text LIKE '%\"pw\"%'"),
            0);

  // Rendering computes a text and changes nothing; everything else that is not a GET
  // must be in the walk above.
  // Erasing the caller removes their activity log with them (tests/http/erasure_test.cpp).
  // Reads that POST their question, and the erasure (which leaves no row of the user).
  const std::set<std::string> not_mutations = {"POST /api/v1/templates/{id}/render", "POST /api/v1/templates/preview",
                                               "POST /api/v1/posts/check", "DELETE /api/v1/me"};
  for (const auto& route : router_.Routes()) {
    if (route.method == verb::get) continue;
    auto key = std::string(boost::beast::http::to_string(route.method)) + " " + route.pattern;
    EXPECT_TRUE(walked.count(key) || not_mutations.count(key)) << key << " is not walked";
  }
}

}  // namespace
}  // namespace persona
