// GET /dashboard: per persona its status, proxy health, live session, accounts with
// today's posts in the persona's own day, next scheduled post and risk; then totals.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/time_format.h"
#include "support/api_fixture.h"

namespace persona {
namespace {

using boost::beast::http::verb;

class DashboardApi : public testing::ApiFixture {
 protected:
  void SetUp() override {
    ApiFixture::SetUp();
    CreateUser("ana@example.com");
    cookie_ = *Login("ana@example.com");
    CreateUser("ben@example.com");
    ben_cookie_ = *Login("ben@example.com");
  }
  static std::string Id(const testing::HttpResult& res) {
    EXPECT_EQ(res.status, 201u) << res.body;
    return res.Json()["id"].get<std::string>();
  }
  testing::HttpResult Send(verb method, const std::string& target, const nlohmann::json& body = nullptr,
                           const std::string& cookie = "") {
    return AsBrowser(method, target, cookie.empty() ? cookie_ : cookie, body.is_null() ? "" : body.dump());
  }
  nlohmann::json Dashboard(const std::string& cookie = "") {
    auto res = Send(verb::get, "/api/v1/dashboard", nullptr, cookie);
    EXPECT_EQ(res.status, 200u) << res.body;
    return res.Json();
  }
  std::string cookie_, ben_cookie_;
};

TEST_F(DashboardApi, ShowsEachPersonaAndTheTotals) {
  auto maria = Id(Send(verb::post, "/api/v1/personas", PersonaBody("Maria")));
  auto jose = Id(Send(verb::post, "/api/v1/personas", PersonaBody("Jose")));
  auto proxy = Id(Send(verb::post, "/api/v1/proxies",
                       {{"proxy_id", "px-1"},
                        {"proxy_ip", "127.0.0.1"},
                        {"proxy_port", 1},
                        {"proxy_username", "u"},
                        {"proxy_password", "p"},
                        {"city", "Manila"}}));
  Id(Send(verb::post, "/api/v1/proxies",
          {{"proxy_id", "px-2"},
           {"proxy_ip", "127.0.0.2"},
           {"proxy_port", 2},
           {"proxy_username", "u"},
           {"proxy_password", "p"},
           {"city", "Cebu"}}));
  ASSERT_EQ(Send(verb::put, "/api/v1/personas/" + maria + "/proxy", {{"proxy", proxy}}).status, 200u);
  ASSERT_EQ(Send(verb::post, "/api/v1/proxies/" + proxy + "/check").status, 200u);  // nothing on port 1: failed
  auto account =
      Id(Send(verb::post, "/api/v1/personas/" + maria + "/accounts",
              {{"platform_type", "twitter"}, {"username", "maria"}, {"credentials", "pw"}, {"daily_post_limit", 4}}));
  auto post = Id(Send(verb::post, "/api/v1/posts", {{"platform_account_id", account}, {"final_content", "Kumusta!"}}));
  ASSERT_EQ(Send(verb::post, "/api/v1/posts/" + post + "/publish", {{"platform_post_id", "1"}}).status, 200u);
  auto session = Id(Send(verb::post, "/api/v1/personas/" + maria + "/sessions", nlohmann::json::object()));

  auto dashboard = Dashboard();
  EXPECT_EQ(dashboard["generated_at"], FormatTimestamp(clock_.Now()));
  ASSERT_EQ(dashboard["personas"].size(), 2u);
  auto j = dashboard["personas"][0];  // by name: Jose, then Maria
  auto m = dashboard["personas"][1];
  EXPECT_EQ(j["id"], jose);
  EXPECT_TRUE(j["proxy"].is_null());
  EXPECT_TRUE(j["live_session"].is_null());
  EXPECT_EQ(j["accounts"], nlohmann::json::array());
  EXPECT_EQ(j["risk"]["score"], 0.1);
  EXPECT_EQ(j["risk"]["factors"][0]["factor"], "proxy_missing");

  EXPECT_EQ(m["id"], maria);
  EXPECT_EQ(m["proxy"]["id"], proxy);
  EXPECT_EQ(m["proxy"]["health_status"], "failed");
  EXPECT_EQ(m["live_session"]["id"], session);
  ASSERT_EQ(m["accounts"].size(), 1u);
  EXPECT_EQ(m["accounts"][0]["posts_today"], 1);
  EXPECT_EQ(m["accounts"][0]["daily_post_limit"], 4);
  EXPECT_EQ(m["risk"]["score"], 0.2);
  EXPECT_EQ(m["risk"]["factors"][0]["factor"], "proxy_failed");
  EXPECT_TRUE(m["next_due_post"].is_null());

  auto totals = dashboard["totals"];
  EXPECT_EQ(totals["personas"], 2);
  EXPECT_EQ(totals["accounts"], 1);
  EXPECT_EQ(totals["posts_today"], 1);
  EXPECT_EQ(totals["daily_post_capacity"], 4);
  EXPECT_EQ(totals["live_sessions"], 1);
  EXPECT_EQ(totals["proxies_by_health"]["failed"], 1);
  EXPECT_EQ(totals["proxies_unassigned"], 1);
  EXPECT_EQ(totals["unresolved_security_events"]["error"], 1);  // the proxy failure

  // Another user sees only their own (nothing).
  auto ben = Dashboard(ben_cookie_);
  EXPECT_EQ(ben["personas"], nlohmann::json::array());
  EXPECT_EQ(ben["totals"]["personas"], 0);
  EXPECT_EQ(ben["totals"]["proxies_by_health"], nlohmann::json::object());
}

TEST_F(DashboardApi, TodaysPostsStartAgainAtThePersonasMidnightAndTheNextPostIsShown) {
  // Manila is UTC+8: 15:30Z is 23:30 local, 16:30Z is 00:30 the next day.
  auto start = *ParseTimestamp("2027-01-11T15:30:00Z");
  clock_.Advance(std::chrono::duration_cast<std::chrono::seconds>(start - clock_.Now()));
  cookie_ = *Login("ana@example.com");
  auto maria = Id(Send(verb::post, "/api/v1/personas", PersonaBody("Maria")));
  auto account = Id(Send(verb::post, "/api/v1/personas/" + maria + "/accounts",
                         {{"platform_type", "twitter"}, {"username", "maria"}, {"credentials", "pw"}}));
  auto post = Id(Send(verb::post, "/api/v1/posts", {{"platform_account_id", account}, {"final_content", "Gabi na"}}));
  ASSERT_EQ(Send(verb::post, "/api/v1/posts/" + post + "/publish", {{"platform_post_id", "1"}}).status, 200u);
  EXPECT_EQ(Dashboard()["personas"][0]["accounts"][0]["posts_today"], 1);

  clock_.Advance(std::chrono::hours(1));
  cookie_ = *Login("ana@example.com");
  auto persona = Dashboard()["personas"][0];
  EXPECT_EQ(persona["accounts"][0]["posts_today"], 0);  // a new day in Manila, no publication yet
  EXPECT_TRUE(persona["next_due_post"].is_null());
  EXPECT_EQ(Dashboard()["totals"]["posts_today"], 0);

  // A scheduled post (set directly: scheduling rules are the posts' tests) shows as next,
  // overdue once its time has passed.
  auto planned = Id(Send(verb::post, "/api/v1/posts", {{"platform_account_id", account}, {"final_content", "Umaga"}}));
  Execute(
      "UPDATE manual_posts SET publishing_method = 'scheduled_manual', scheduled_for = '2027-01-11T17:00:00Z' "
      "WHERE id = '" +
      planned + "'");
  auto next = Dashboard()["personas"][0]["next_due_post"];
  EXPECT_EQ(next["id"], planned);
  EXPECT_EQ(next["scheduled_for"], "2027-01-11T17:00:00Z");
  EXPECT_EQ(next["overdue"], false);
  EXPECT_EQ(Dashboard()["totals"]["posts_scheduled"], 1);
  clock_.Advance(std::chrono::minutes(40));
  cookie_ = *Login("ana@example.com");
  EXPECT_EQ(Dashboard()["personas"][0]["next_due_post"]["overdue"], true);
  EXPECT_EQ(Dashboard()["totals"]["posts_due"], 1);
}

}  // namespace
}  // namespace persona
