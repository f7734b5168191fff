// DELETE /me: the caller and everything they own go in one transaction; their security
// events stay de-identified; another user's rows are byte for byte what they were.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>

#include <pqxx/pqxx>

#include "support/api_fixture.h"

namespace persona {
namespace {

using boost::beast::http::verb;

// Every table a user's data lives in, and how a row belongs to user $U.
const std::map<std::string, std::string> kOwnedRows = {
    {"users", "id = '$U'"},
    {"personas", "user_id = '$U'"},
    {"platform_accounts", "user_id = '$U'"},
    {"proxy_assignments", "user_id = '$U'"},
    {"proxy_health_checks", "proxy_assignment_id IN (SELECT id FROM proxy_assignments WHERE user_id = '$U')"},
    {"content_templates", "user_id = '$U'"},
    {"manual_posts", "user_id = '$U'"},
    {"persona_sessions", "user_id = '$U'"},
    {"activity_logs", "user_id = '$U'"},
    {"security_events", "user_id = '$U'"},
    {"auth_sessions", "user_id = '$U'"},
    {"api_tokens", "user_id = '$U'"},
    {"recovery_codes", "user_id = '$U'"},
    {"login_attempts", "email = (SELECT email FROM users WHERE id = '$U')"},
};

std::string Where(const std::string& condition, const std::string& user) {
  std::string out = condition;
  for (auto at = out.find("$U"); at != std::string::npos; at = out.find("$U")) out.replace(at, 2, user);
  return out;
}

class Erasure : public testing::ApiFixture {
 protected:
  static std::string Id(const testing::HttpResult& res) {
    EXPECT_LT(res.status, 300u) << res.body;
    return res.Json()["id"].get<std::string>();
  }
  testing::HttpResult Send(const std::string& cookie, verb method, const std::string& target,
                           const nlohmann::json& body = nullptr) {
    return AsBrowser(method, target, cookie, body.is_null() ? "" : body.dump());
  }
  // A user with rows in every table.
  std::string Populate(const std::string& email, const std::string& cookie) {
    Login(email, "wrong password");  // a failure: login_attempts and a security event
    auto persona = Id(Send(cookie, verb::post, "/api/v1/personas", PersonaBody("P " + email)));
    auto account = Id(Send(cookie, verb::post, "/api/v1/personas/" + persona + "/accounts",
                           {{"platform_type", "twitter"}, {"username", "u"}, {"credentials", "pw"}}));
    auto proxy = Id(Send(cookie, verb::post, "/api/v1/proxies",
                         {{"proxy_id", "px"},
                          {"proxy_ip", "127.0.0.1"},
                          {"proxy_port", 1},
                          {"proxy_username", "u"},
                          {"proxy_password", "p"},
                          {"city", "Manila"}}));
    EXPECT_EQ(Send(cookie, verb::put, "/api/v1/personas/" + persona + "/proxy", {{"proxy", proxy}}).status, 200u);
    EXPECT_EQ(Send(cookie, verb::post, "/api/v1/proxies/" + proxy + "/check").status, 200u);
    Id(Send(cookie, verb::post, "/api/v1/templates",
            {{"template_name", "T"},
             {"content_type", "text"},
             {"template_text", "Hi"},
             {"target_platforms", {"twitter"}}}));
    Id(Send(cookie, verb::post, "/api/v1/personas/" + persona + "/sessions", nlohmann::json::object()));
    auto post =
        Id(Send(cookie, verb::post, "/api/v1/posts", {{"platform_account_id", account}, {"final_content", "Hi"}}));
    EXPECT_EQ(Send(cookie, verb::post, "/api/v1/posts/" + post + "/publish", {{"platform_post_id", "1"}}).status, 200u);
    Send(cookie, verb::post, "/api/v1/activity",
         {{"persona_id", persona}, {"activity_type", "like"}, {"platform_type", "twitter"}});
    Send(cookie, verb::post, "/api/v1/me/tokens", {{"name", "script"}});
    Execute("INSERT INTO recovery_codes (user_id, code_hash) SELECT id, repeat('a', 64) FROM users WHERE email = '" +
            email + "'");
    return persona;
  }
  // Each table's rows of `user`, as text, in a stable order.
  std::map<std::string, std::string> Snapshot(const std::string& user) {
    std::map<std::string, std::string> out;
    pqxx::connection conn(conninfo_);
    pqxx::nontransaction tx(conn);
    for (const auto& [table, condition] : kOwnedRows) {
      auto row = tx.exec1("SELECT count(*), COALESCE(string_agg(t::text, E'\\n' ORDER BY t::text), '') FROM " + table +
                          " t WHERE " + Where(condition, user));
      out[table] = row[0].as<std::string>() + " rows\n" + row[1].as<std::string>();
    }
    return out;
  }
};

TEST_F(Erasure, TheUserAndAllTheyOwnGoAnotherUserIsUntouched) {
  auto ana = CreateUser("ana@example.com");
  auto ana_cookie = *Login("ana@example.com");
  auto ben = CreateUser("ben@example.com");
  auto ben_cookie = *Login("ben@example.com");
  Populate("ana@example.com", ana_cookie);
  Populate("ben@example.com", ben_cookie);
  for (const auto& [table, condition] : kOwnedRows) {
    ASSERT_GT(Count("SELECT count(*) FROM " + table + " WHERE " + Where(condition, ana)), 0) << table;
  }
  const auto ana_events = Count("SELECT count(*) FROM security_events WHERE user_id = '" + ana + "'");
  const auto ben_before = Snapshot(ben);

  // A wrong password changes nothing.
  auto refused = Send(ana_cookie, verb::delete_, "/api/v1/me", {{"password", "not it"}});
  EXPECT_EQ(refused.status, 403u);
  EXPECT_EQ(refused.Json()["code"], "reauth_failed");
  EXPECT_EQ(Count("SELECT count(*) FROM users WHERE id = '" + ana + "'"), 1);

  auto erased = Send(ana_cookie, verb::delete_, "/api/v1/me", {{"password", "correct horse battery"}});
  ASSERT_EQ(erased.status, 204u) << erased.body;
  EXPECT_THAT(erased.Header("Set-Cookie"), ::testing::HasSubstr("Max-Age=0"));
  for (const auto& [table, condition] : kOwnedRows) {
    if (table == "login_attempts") {
      EXPECT_EQ(Count("SELECT count(*) FROM login_attempts WHERE email = 'ana@example.com'"), 0);
      continue;
    }
    EXPECT_EQ(Count("SELECT count(*) FROM " + table + " WHERE " + Where(condition, ana)), 0) << table;
  }
  // The security events stay for their year, with nothing left that points at ana.
  EXPECT_EQ(Count("SELECT count(*) FROM security_events WHERE user_id IS NULL AND source_ip IS NULL AND "
                  "user_agent IS NULL AND persona_id IS NULL AND event_data = '{}'"),
            ana_events);
  EXPECT_EQ(Count("SELECT count(*) FROM security_events WHERE event_description LIKE '%ana%'"), 0);
  // Ben's rows are exactly what they were, and his session still works.
  EXPECT_EQ(Snapshot(ben), ben_before);
  EXPECT_EQ(Send(ben_cookie, verb::get, "/api/v1/me").status, 200u);
  EXPECT_EQ(Send(ana_cookie, verb::get, "/api/v1/me").status, 401u);
}

}  // namespace
}  // namespace persona
