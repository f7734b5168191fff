// GET/POST /activity: the log with filters and keyset pages, and manual actions scored
// against the persona's own usual rate.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <mutex>
#include <thread>
#include <vector>

#include "core/time_format.h"
#include "support/api_fixture.h"

namespace persona {
namespace {

using boost::beast::http::verb;

class ActivityApi : public testing::ApiFixture {
 protected:
  void SetUp() override {
    ApiFixture::SetUp();
    ana_ = CreateUser("ana@example.com");
    cookie_ = *Login("ana@example.com");
    CreateUser("ben@example.com");
    ben_cookie_ = *Login("ben@example.com");
    persona_ = Send(verb::post, "/api/v1/personas", PersonaBody()).Json()["id"].get<std::string>();
  }
  testing::HttpResult Send(verb method, const std::string& target, const nlohmann::json& body = nullptr,
                           const std::string& cookie = "") {
    return AsBrowser(method, target, cookie.empty() ? cookie_ : cookie, body.is_null() ? "" : body.dump());
  }
  testing::HttpResult Act(const std::string& type = "like", const std::string& platform = "instagram") {
    return Send(verb::post, "/api/v1/activity",
                {{"persona_id", persona_},
                 {"activity_type", type},
                 {"platform_type", platform},
                 {"activity_data", {{"target", "@someone"}}}});
  }
  // The anomaly score (x 10 000) of the k-th action in an hour of a persona without history.
  long long score_of(int k) {
    return Count("SELECT round((persona_assess_burst(" + std::to_string(k) + ", 0)).anomaly_score * 10000)::bigint");
  }
  std::string ana_, cookie_, ben_cookie_, persona_;
};

TEST_F(ActivityApi, TheOldDetailsMemberIsRefusedNamingItsNewName) {
  auto res = Send(
      verb::post, "/api/v1/activity",
      {{"persona_id", persona_}, {"activity_type", "like"}, {"platform_type", "twitter"}, {"details", {{"n", 1}}}});
  EXPECT_EQ(res.status, 422u);
  EXPECT_EQ(ErrorFields(res), (std::set<std::string>{"details"}));
  EXPECT_THAT(res.body, ::testing::HasSubstr("activity_data"));
  EXPECT_EQ(Count("SELECT count(*) FROM activity_logs WHERE source = 'manual'"), 0);
}

// X is what people call Twitter now: accepted wherever a platform is named, stored as
// twitter.
TEST_F(ActivityApi, XIsAcceptedAsTwitterWhereverAPlatformIsNamed) {
  auto action = Act("like", "x");
  ASSERT_EQ(action.status, 201u) << action.body;
  EXPECT_EQ(action.Json()["platform_type"], "twitter");
  auto found = Send(verb::get, "/api/v1/activity?platform_type=x&activity_type=like").Json()["items"];
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0]["id"], action.Json()["id"]);

  auto account = Send(verb::post, "/api/v1/personas/" + persona_ + "/accounts",
                      {{"platform_type", "x"}, {"username", "maria"}, {"credentials", "pw"}});
  ASSERT_EQ(account.status, 201u) << account.body;
  EXPECT_EQ(account.Json()["platform_type"], "twitter");

  auto tmpl = Send(verb::post, "/api/v1/templates",
                   {{"template_name", "T"},
                    {"content_type", "text"},
                    {"template_text", "Hi {{persona.name}}"},
                    {"target_platforms", {"x"}},
                    {"hashtag_strategy", {{"x", {{"fixed", {"#manila"}}, {"include_persona_hashtags", false}}}}}});
  ASSERT_EQ(tmpl.status, 201u) << tmpl.body;
  EXPECT_EQ(tmpl.Json()["target_platforms"], nlohmann::json::array({"twitter"}));
  EXPECT_TRUE(tmpl.Json()["hashtag_strategy"].contains("twitter")) << tmpl.body;
  auto rendered = Send(verb::post, "/api/v1/templates/" + tmpl.Json()["id"].get<std::string>() + "/render",
                       {{"persona_id", persona_}, {"platform_type", "x"}});
  ASSERT_EQ(rendered.status, 200u) << rendered.body;
  EXPECT_EQ(rendered.Json()["platform_limit"], 280);
  EXPECT_EQ(rendered.Json()["hashtags"], nlohmann::json::array({"#manila"}));
  auto twice = Send(verb::post, "/api/v1/templates",
                    {{"template_name", "T2"}, {"content_type", "text"}, {"target_platforms", {"x", "twitter"}}});
  EXPECT_EQ(twice.status, 422u) << twice.body;

  auto session = Send(verb::post, "/api/v1/personas/" + persona_ + "/sessions", {{"active_platforms", {"x"}}});
  ASSERT_EQ(session.status, 201u) << session.body;
  EXPECT_EQ(session.Json()["active_platforms"], nlohmann::json::array({"twitter"}));
}

TEST_F(ActivityApi, ManualActionsAreRecordedInTheLiveSession) {
  auto session = Send(verb::post, "/api/v1/personas/" + persona_ + "/sessions", nlohmann::json::object()).Json();
  auto res = Act("comment");
  ASSERT_EQ(res.status, 201u) << res.body;
  auto row = res.Json();
  EXPECT_EQ(row["activity_type"], "comment");
  EXPECT_EQ(row["platform_type"], "instagram");
  EXPECT_EQ(row["persona_id"], persona_);
  EXPECT_EQ(row["session_id"], session["id"]);
  // activity_data comes back as sent; who wrote the row is kept apart from it.
  EXPECT_EQ(row["activity_data"], (nlohmann::json{{"target", "@someone"}}));
  EXPECT_EQ(row["source"], "manual");
  EXPECT_EQ(res.Header("Location"), "/api/v1/activity/" + row["id"].get<std::string>());
  auto read = Send(verb::get, res.Header("Location"));
  ASSERT_EQ(read.status, 200u) << read.body;
  EXPECT_EQ(read.Json()["activity_data"], row["activity_data"]);
  EXPECT_EQ(read.Json()["source"], "manual");
  EXPECT_EQ(Send(verb::get, res.Header("Location"), nullptr, ben_cookie_).status, 404u);
  EXPECT_EQ(Send(verb::get, "/api/v1/activity/not-an-id").status, 404u);
  EXPECT_EQ(row["risk_level"], "low");
  EXPECT_EQ(row["ip_address"], "127.0.0.1");
  EXPECT_EQ(Count("SELECT actions_performed FROM persona_sessions"), 1);

  auto bad = Send(verb::post, "/api/v1/activity",
                  {{"persona_id", persona_}, {"activity_type", "hack"}, {"platform_type", "myspace"}});
  EXPECT_EQ(bad.status, 422u);
  EXPECT_EQ(ErrorFields(bad), (std::set<std::string>{"activity_type", "platform_type"}));
  EXPECT_EQ(Send(verb::post, "/api/v1/activity",
                 {{"persona_id", persona_}, {"activity_type", "like"}, {"platform_type", "twitter"}}, ben_cookie_)
                .status,
            404u);
}

TEST_F(ActivityApi, ABurstFarAboveThePersonasUsualRateIsFlagged) {
  // A week of 10 manual actions an hour: the 168 clock hours before the one the last hour
  // begins in (docs/activity.md), inserted as rows, which the counters follow.
  Execute(
      "INSERT INTO activity_logs (user_id, persona_id, activity_type, platform_type, activity_data, source, "
      "created_at) "
      "SELECT '" +
      ana_ + "', '" + persona_ + "', 'like', 'instagram', '{}', 'manual', date_trunc('hour', '" +
      FormatTimestamp(clock_.Now()) +
      "'::timestamptz - interval '59 minutes') - interval '3 minutes' - (n * interval '6 minutes') "
      "FROM generate_series(0, 1679) n");
  // Within the usual rate: low. Ten times it: critical.
  for (int i = 0; i < 9; ++i) ASSERT_EQ(Act().Json()["risk_level"], "low");
  for (int i = 0; i < 30; ++i) Act();
  auto medium = Act().Json();  // the 40th this hour: ratio 4
  EXPECT_EQ(medium["risk_level"], "medium");
  EXPECT_DOUBLE_EQ(medium["anomaly_score"].get<double>(), 0.3333);
  for (int i = 0; i < 59; ++i) Act();
  auto critical = Act().Json();  // the 100th: ratio 10
  EXPECT_EQ(critical["risk_level"], "critical");
  EXPECT_DOUBLE_EQ(critical["anomaly_score"].get<double>(), 1.0);
  // The burst raised one event when it turned high and one when it turned critical, not
  // one per action; the critical one counts in the persona's risk.
  EXPECT_EQ(Count("SELECT count(*) FROM security_events WHERE event_type = 'suspicious_activity' AND "
                  "severity = 'warning'"),
            1);
  EXPECT_EQ(Count("SELECT count(*) FROM security_events WHERE event_type = 'suspicious_activity' AND "
                  "severity = 'critical' AND (event_data->>'anomaly_score')::float >= 0.9"),
            1);
  EXPECT_EQ(Count("SELECT round(risk_score * 100) FROM personas"), 10 + 20 + 5);  // no proxy, critical, warning
  for (int i = 0; i < 5; ++i) Act();
  EXPECT_EQ(Count("SELECT count(*) FROM security_events WHERE event_type = 'suspicious_activity'"), 2);
  // An hour later the burst is history again.
  clock_.Advance(std::chrono::minutes(61));
  cookie_ = *Login("ana@example.com");
  EXPECT_EQ(Act().Json()["risk_level"], "low");
}

TEST_F(ActivityApi, TheBurstRuleIsTheDatabasesOwn) {
  // persona_assess_burst (migration 0012): score and level for (last hour, previous week).
  auto score = [&](int last_hour, int week) {
    return Count("SELECT round((persona_assess_burst(" + std::to_string(last_hour) + ", " + std::to_string(week) +
                 ")).anomaly_score * 10000)::bigint");
  };
  auto level_is = [&](int last_hour, int week, const std::string& level) {
    return Count("SELECT count(*) FROM persona_assess_burst(" + std::to_string(last_hour) + ", " +
                 std::to_string(week) + ") WHERE risk_level = '" + level + "'") == 1;
  };
  // 1 680 actions in a week is 10 an hour; 10 this hour is the usual.
  EXPECT_EQ(score(10, 1680), 0);
  EXPECT_TRUE(level_is(10, 1680, "low"));
  EXPECT_EQ(score(100, 1680), 10000);  // ten times the usual
  EXPECT_TRUE(level_is(100, 1680, "critical"));
  EXPECT_EQ(score(1000, 1680), 10000);  // clamped
  EXPECT_EQ(score(40, 1680), 3333);     // ratio 4: (4 - 1) / 9
  EXPECT_TRUE(level_is(40, 1680, "medium"));
  EXPECT_TRUE(level_is(70, 1680, "high"));  // ratio 7: 0.6667
  EXPECT_TRUE(level_is(30, 1680, "low"));   // ratio 3: 0.2222
  // Without history, the human floor of 5 an hour.
  EXPECT_TRUE(level_is(5, 0, "low"));
  EXPECT_TRUE(level_is(50, 0, "critical"));
}

TEST_F(ActivityApi, ConcurrentActionsOfOnePersonaAreEachCountedExactly) {
  // 60 actions at once, without history: each must see its own count 1..60 in the last
  // hour, so the scores are exactly those of 60 actions one after the other.
  constexpr int kThreads = 6, kEach = 10;
  std::mutex mutex;
  std::vector<long long> scores;
  std::atomic<int> failed{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < kEach; ++i) {
        auto res = Act();
        if (res.status != 201u) {
          ++failed;
          continue;
        }
        auto row = res.Json();
        std::lock_guard lock(mutex);
        scores.push_back(std::llround(row["anomaly_score"].get<double>() * 10000));
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(failed, 0);
  std::vector<long long> expected;
  for (int k = 1; k <= kThreads * kEach; ++k) expected.push_back(score_of(k));
  std::sort(scores.begin(), scores.end());
  EXPECT_EQ(scores, expected);
  // The counters agree with the rows, and the burst raised one event per level.
  EXPECT_EQ(Count("SELECT sum(c) FROM persona_action_rates, unnest(minute_counts) c"), kThreads * kEach);
  EXPECT_EQ(Count("SELECT count(*) FROM security_events WHERE event_type = 'suspicious_activity'"), 2);
}

TEST_F(ActivityApi, ListsWithFiltersAndPages) {
  for (int i = 0; i < 3; ++i) {
    Act("like", "instagram");
    clock_.Advance(std::chrono::seconds(1));
    Act("follow", "twitter");
    clock_.Advance(std::chrono::seconds(1));
  }
  auto likes = Send(verb::get, "/api/v1/activity?activity_type=like").Json()["items"];
  EXPECT_EQ(likes.size(), 3u);
  auto twitter = Send(verb::get, "/api/v1/activity?platform_type=twitter&persona_id=" + persona_).Json()["items"];
  EXPECT_EQ(twitter.size(), 3u);
  auto since = FormatTimestamp(clock_.Now() - std::chrono::seconds(2));
  auto recent =
      Send(verb::get, "/api/v1/activity?activity_type=follow&from=" + since.substr(0, 19) + "Z").Json()["items"];
  EXPECT_EQ(recent.size(), 1u);

  // All of Ana's rows (persona_create and the six actions), newest first, two at a time.
  std::vector<std::string> seen;
  std::string target = "/api/v1/activity?limit=2";
  for (int page = 0; page < 10; ++page) {
    auto body = Send(verb::get, target).Json();
    for (const auto& item : body["items"]) seen.push_back(item["created_at"].get<std::string>());
    if (body["next_cursor"].is_null()) break;
    target = "/api/v1/activity?limit=2&cursor=" + body["next_cursor"].get<std::string>();
  }
  EXPECT_EQ(static_cast<long long>(seen.size()),
            Count("SELECT count(*) FROM activity_logs WHERE user_id = '" + ana_ + "'"));
  EXPECT_TRUE(std::is_sorted(seen.rbegin(), seen.rend()));
  EXPECT_TRUE(Send(verb::get, "/api/v1/activity?activity_type=like", nullptr, ben_cookie_).Json()["items"].empty());
  for (const char* bad : {"?persona_id=1", "?from=never", "?limit=500"}) {
    EXPECT_EQ(Send(verb::get, std::string("/api/v1/activity") + bad).status, 422u) << bad;
  }
}

}  // namespace
}  // namespace persona
