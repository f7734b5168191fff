// The risk score of a persona (docs/risk.md): every factor moves it, the stored score is
// always the sum of the factors the API explains, and simultaneous changes of its inputs
// leave it right.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "support/api_fixture.h"

namespace persona {
namespace {

using boost::beast::http::verb;

class RiskApi : public testing::ApiFixture {
 protected:
  void SetUp() override {
    ApiFixture::SetUp();
    CreateUser("ana@example.com");
    cookie_ = *Login("ana@example.com");
    CreateUser("ben@example.com");
    ben_cookie_ = *Login("ben@example.com");
    persona_ = Id(Send(verb::post, "/api/v1/personas", PersonaBody("Maria")));
  }
  static std::string Id(const testing::HttpResult& res) {
    EXPECT_EQ(res.status, 201u) << res.body;
    return res.Json()["id"].get<std::string>();
  }
  testing::HttpResult Send(verb method, const std::string& target, const nlohmann::json& body = nullptr,
                           const std::string& cookie = "") {
    return AsBrowser(method, target, cookie.empty() ? cookie_ : cookie, body.is_null() ? "" : body.dump());
  }
  std::string Account(const std::string& username) {
    return Id(Send(verb::post, "/api/v1/personas/" + persona_ + "/accounts",
                   {{"platform_type", "twitter"}, {"username", username}, {"credentials", "pw"}}));
  }
  nlohmann::json Risk() {
    auto res = Send(verb::get, "/api/v1/personas/" + persona_ + "/risk");
    EXPECT_EQ(res.status, 200u) << res.body;
    return res.Json();
  }
  // The contribution of one factor; checks that the factors add up to the score, and
  // that the persona shows the same score.
  double Factor(const std::string& name) {
    auto risk = Risk();
    double sum = 0, found = -1;
    for (const auto& f : risk["factors"]) {
      sum += f["contribution"].get<double>();
      if (f["factor"] == name) found = f["contribution"].get<double>();
    }
    EXPECT_NEAR(risk["risk_score"].get<double>(), std::min(1.0, sum), 1e-9);
    EXPECT_EQ(Send(verb::get, "/api/v1/personas/" + persona_).Json()["risk_score"], risk["risk_score"]);
    return found;
  }
  double Score() { return Risk()["risk_score"].get<double>(); }

  std::string cookie_, ben_cookie_, persona_;
};

TEST_F(RiskApi, ANewPersonaWithoutAProxyStartsAtTenPercent) {
  auto risk = Risk();
  EXPECT_EQ(risk["persona_id"], persona_);
  EXPECT_EQ(risk["risk_score"], 0.1);
  EXPECT_EQ(risk["factors"].size(), 11u);
  EXPECT_EQ(Factor("proxy_missing"), 0.1);
  EXPECT_EQ(risk["factors"][0]["weight"], 0.05);
  EXPECT_EQ(risk["factors"][0]["cap"], 0.25);
}

TEST_F(RiskApi, EachInputMovesTheScoreWithinItsCap) {
  auto proxy = Id(Send(verb::post, "/api/v1/proxies",
                       {{"proxy_id", "px-1"},
                        {"proxy_ip", "127.0.0.1"},
                        {"proxy_port", 1},
                        {"proxy_username", "u"},
                        {"proxy_password", "p"},
                        {"city", "Manila"}}));
  ASSERT_EQ(Send(verb::put, "/api/v1/personas/" + persona_ + "/proxy", {{"proxy", proxy}}).status, 200u);
  EXPECT_EQ(Factor("proxy_missing"), 0.0);
  EXPECT_EQ(Score(), 0.0);

  // Nothing listens on port 1: the check fails.
  ASSERT_EQ(Send(verb::post, "/api/v1/proxies/" + proxy + "/check").status, 200u);
  EXPECT_EQ(Factor("proxy_failed"), 0.2);
  EXPECT_EQ(Factor("security_events_error"), 0.0);  // the proxy_failure event counts as the proxy's health

  auto a = Account("a");
  ASSERT_EQ(Send(verb::patch, "/api/v1/accounts/" + a, {{"warning_count", 3}}).status, 200u);
  EXPECT_NEAR(Factor("account_warnings"), 0.15, 1e-9);
  ASSERT_EQ(Send(verb::patch, "/api/v1/accounts/" + a, {{"warning_count", 9}}).status, 200u);
  EXPECT_NEAR(Factor("account_warnings"), 0.25, 1e-9);  // capped
  ASSERT_EQ(Send(verb::patch, "/api/v1/accounts/" + a, {{"account_status", "suspended"}}).status, 200u);
  EXPECT_EQ(Factor("accounts_suspended"), 0.25);
  EXPECT_NEAR(Score(), 0.70, 1e-9);

  // A refused publication is an unresolved limit hit until resolved.
  ASSERT_EQ(Send(verb::patch, "/api/v1/accounts/" + a, {{"daily_post_limit", 1}}).status, 200u);
  for (int i = 0; i < 2; ++i) {
    auto post = Id(
        Send(verb::post, "/api/v1/posts", {{"platform_account_id", a}, {"final_content", "Hi " + std::to_string(i)}}));
    Send(verb::post, "/api/v1/posts/" + post + "/publish", {{"platform_post_id", std::to_string(i)}});
  }
  EXPECT_EQ(Factor("limit_hits"), 0.05);
  auto events = Send(verb::get, "/api/v1/security-events?event_type=limit_hit").Json();
  ASSERT_EQ(events["items"].size(), 1u);
  ASSERT_EQ(Send(verb::post, "/api/v1/security-events/" + events["items"][0]["id"].get<std::string>() + "/resolve",
                 nlohmann::json::object())
                .status,
            200u);
  EXPECT_EQ(Factor("limit_hits"), 0.0);

  // A session that ends in error.
  auto session = Id(Send(verb::post, "/api/v1/personas/" + persona_ + "/sessions", nlohmann::json::object()));
  ASSERT_EQ(
      Send(verb::patch, "/api/v1/sessions/" + session, {{"session_status", "error"}, {"error_message", "x"}}).status,
      200u);
  EXPECT_EQ(Factor("session_errors"), 0.05);
  EXPECT_NEAR(Score(), 0.75, 1e-9);

  // The sum is capped at 1.00.
  ASSERT_EQ(Send(verb::patch, "/api/v1/accounts/" + Account("b"), {{"account_status", "banned"}}).status, 200u);
  EXPECT_EQ(Factor("accounts_banned"), 0.4);
  EXPECT_EQ(Score(), 1.0);

  // Releasing the failed proxy trades its factor for proxy_missing.
  ASSERT_EQ(Send(verb::delete_, "/api/v1/personas/" + persona_ + "/proxy").status, 200u);
  EXPECT_EQ(Factor("proxy_failed"), 0.0);
  EXPECT_EQ(Factor("proxy_missing"), 0.1);
}

TEST_F(RiskApi, SimultaneousChangesLeaveTheScoreEqualToItsFactors) {
  std::vector<std::string> accounts;
  for (int i = 0; i < 4; ++i) accounts.push_back(Account("acct" + std::to_string(i)));
  // Rounds of four simultaneous changes, below every cap: a score computed from a
  // snapshot that misses another transaction's change would stay wrong.
  for (int round = 1; round <= 8; ++round) {
    const int warnings = round % 2;
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (const auto& account : accounts) {
      threads.emplace_back([&, account] {
        if (Send(verb::patch, "/api/v1/accounts/" + account, {{"warning_count", warnings}}).status != 200u) ++failures;
      });
    }
    for (auto& t : threads) t.join();
    EXPECT_EQ(failures, 0);
    EXPECT_NEAR(Score(), 0.1 + 0.2 * warnings, 1e-9) << "round " << round;  // 4 × 0.05, and no proxy
  }
  EXPECT_EQ(Count("SELECT count(*) FROM personas WHERE risk_score = persona_risk_score(id)"), 1);
}

TEST_F(RiskApi, AnotherUsersPersonaIsNotFound) {
  EXPECT_EQ(Send(verb::get, "/api/v1/personas/" + persona_ + "/risk", nullptr, ben_cookie_).status, 404u);
  EXPECT_EQ(Send(verb::get, "/api/v1/personas/not-an-id/risk").status, 404u);
}

}  // namespace
}  // namespace persona
