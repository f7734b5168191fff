// Work sessions: start on the persona's proxy, one live per persona, counters kept by
// what is recorded in them, idle and ended by the server after quiet periods (with the
// injected clock), and the live-session cache in-process or in a real Redis — which may
// die mid-test without the API noticing.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "cache/redis_session_cache.h"
#include "core/time_format.h"
#include "jobs/session_sweeper.h"
#include "support/api_fixture.h"
#include "support/redis_server.h"

namespace persona {
namespace {

using boost::beast::http::verb;
using ::testing::HasSubstr;

class SessionApi : public testing::ApiFixture, public ::testing::WithParamInterface<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "redis") {
      redis_.emplace();
      session_cache_ = std::make_unique<cache::RedisSessionCache>(
          cache::ParseRedisUrl(redis_->Url()), log_, std::chrono::seconds(30), std::chrono::milliseconds(100));
    }
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
  testing::HttpResult Start(const std::string& persona, const nlohmann::json& body = nlohmann::json::object()) {
    return Send(verb::post, "/api/v1/personas/" + persona + "/sessions", body);
  }
  nlohmann::json Session(const std::string& id) {
    auto res = Send(verb::get, "/api/v1/sessions/" + id);
    EXPECT_EQ(res.status, 200u) << res.body;
    return res.Json();
  }
  testing::HttpResult Action(const std::string& type = "like") {
    return Send(verb::post, "/api/v1/activity",
                {{"persona_id", persona_}, {"activity_type", type}, {"platform_type", "twitter"}});
  }
  // Moves the clock on; the login session is renewed since long jumps expire it.
  void Advance(std::chrono::minutes by) {
    clock_.Advance(by);
    cookie_ = *Login("ana@example.com");
  }

  std::optional<testing::RedisServer> redis_;
  std::string cookie_, ben_cookie_, persona_;
};

TEST_P(SessionApi, StartsOnThePersonasProxyCountsActionsAndEnds) {
  auto proxy = Id(Send(verb::post, "/api/v1/proxies",
                       {{"proxy_id", "px-1"},
                        {"proxy_ip", "203.0.113.7"},
                        {"proxy_port", 8080},
                        {"proxy_username", "u"},
                        {"proxy_password", "p"},
                        {"city", "Manila"}}));
  ASSERT_EQ(Send(verb::put, "/api/v1/personas/" + persona_ + "/proxy", {{"proxy", proxy}}).status, 200u);

  auto res = Start(persona_, {{"active_platforms", {"twitter"}}});
  ASSERT_EQ(res.status, 201u) << res.body;
  auto session = res.Json();
  const auto id = session["id"].get<std::string>();
  EXPECT_EQ(res.Header("Location"), "/api/v1/sessions/" + id);
  EXPECT_EQ(session["session_status"], "starting");
  EXPECT_EQ(session["proxy_id"], proxy);
  EXPECT_EQ(session["proxy_connected_at"], session["started_at"]);
  EXPECT_EQ(session["active_platforms"], nlohmann::json({"twitter"}));
  EXPECT_FALSE(session.contains("browser_instance_id"));

  ASSERT_EQ(Action().status, 201u);
  ASSERT_EQ(Action("comment").status, 201u);
  session = Session(id);
  EXPECT_EQ(session["session_status"], "active");
  EXPECT_EQ(session["actions_performed"], 2);

  Advance(std::chrono::minutes(34));
  auto ended = Send(verb::post, "/api/v1/sessions/" + id + "/end");
  ASSERT_EQ(ended.status, 200u) << ended.body;
  EXPECT_EQ(ended.Json()["session_status"], "ended");
  EXPECT_EQ(ended.Json()["end_reason"], "manual");
  EXPECT_EQ(ended.Json()["duration_minutes"], 34);
  EXPECT_EQ(ended.Json()["proxy_disconnected_at"], ended.Json()["ended_at"]);
  EXPECT_EQ(Session(id), ended.Json());

  auto again = Send(verb::post, "/api/v1/sessions/" + id + "/end");
  EXPECT_EQ(again.status, 409u);
  EXPECT_EQ(again.Json()["code"], "session_ended");
  EXPECT_EQ(Send(verb::patch, "/api/v1/sessions/" + id, {{"session_status", "active"}}).status, 409u);
  // Actions after the end are not counted in it.
  ASSERT_EQ(Action().status, 201u);
  EXPECT_EQ(Session(id)["actions_performed"], 2);
  EXPECT_EQ(Count("SELECT count(*) FROM activity_logs WHERE session_id = '" + id + "'"), 4);  // start, 2 actions, end
}

TEST_P(SessionApi, OneLiveSessionPerPersona) {
  auto first = Id(Start(persona_));
  auto second = Start(persona_);
  ASSERT_EQ(second.status, 409u) << second.body;
  EXPECT_EQ(second.Json()["code"], "session_live");
  EXPECT_EQ(second.Json()["session_id"], first);
  ASSERT_EQ(Send(verb::post, "/api/v1/sessions/" + first + "/end").status, 200u);
  EXPECT_EQ(Start(persona_).status, 201u);
  // Another persona has its own.
  EXPECT_EQ(Start(Id(Send(verb::post, "/api/v1/personas", PersonaBody("Jose")))).status, 201u);
}

TEST_P(SessionApi, SimultaneousStartsMakeExactlyOneLiveSession) {
  std::atomic<int> created{0}, refused{0}, other{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 20; ++i) {
    threads.emplace_back([&] {
      auto status = Start(persona_).status;
      (status == 201u ? created : status == 409u ? refused : other)++;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(created, 1);
  EXPECT_EQ(refused, 19);
  EXPECT_EQ(other, 0);
  EXPECT_EQ(Count("SELECT count(*) FROM persona_sessions"), 1);
}

TEST_P(SessionApi, QuietSessionsTurnIdleAndAreEndedByTheServer) {
  const auto id = Id(Start(persona_));
  EXPECT_EQ(Session(id)["session_status"], "starting");  // now cached
  Advance(std::chrono::minutes(9));
  services_->sessions.Sweep();
  EXPECT_EQ(Session(id)["session_status"], "starting");
  Advance(std::chrono::minutes(2));  // 11 min quiet: past the 10 min quiet period
  auto swept = services_->sessions.Sweep();
  EXPECT_EQ(swept.idled.size(), 1u);
  EXPECT_EQ(Session(id)["session_status"], "idle");

  ASSERT_EQ(Action().status, 201u);  // an action wakes it
  const auto last_action = Session(id)["last_activity_at"];
  EXPECT_EQ(Session(id)["session_status"], "active");

  Advance(std::chrono::minutes(119));
  services_->sessions.Sweep();
  EXPECT_EQ(Session(id)["session_status"], "idle");
  Advance(std::chrono::minutes(2));  // 121 min quiet: past the 120 min limit
  swept = services_->sessions.Sweep();
  ASSERT_EQ(swept.ended.size(), 1u);
  auto ended = Session(id);
  EXPECT_EQ(ended["session_status"], "ended");
  EXPECT_EQ(ended["end_reason"], "idle_timeout");
  EXPECT_EQ(ended["ended_at"], last_action);  // the work ended with the last action
  EXPECT_EQ(ended["duration_minutes"], 11);
  EXPECT_EQ(
      Count("SELECT count(*) FROM activity_logs WHERE activity_type = 'session_expire' AND session_id = '" + id + "'"),
      1);
  EXPECT_TRUE(services_->sessions.Sweep().ended.empty());  // once
  EXPECT_EQ(Start(persona_).status, 201u);
}

TEST_P(SessionApi, TheServersSweeperRunsByItself) {
  const auto id = Id(Start(persona_));
  Advance(std::chrono::minutes(11));
  jobs::SessionSweeper sweeper(services_->sessions, std::chrono::milliseconds(20), log_);
  for (int i = 0; i < 100 && Session(id)["session_status"] != "idle"; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_EQ(Session(id)["session_status"], "idle");
}

TEST_P(SessionApi, PatchChangesALiveSessionAndErrorEndsIt) {
  const auto id = Id(Start(persona_));
  auto res = Send(verb::patch, "/api/v1/sessions/" + id,
                  {{"session_status", "active"},
                   {"active_platforms", {"twitter", "instagram"}},
                   {"platform_sessions", {{"twitter", {{"note", "logged in by hand"}}}}},
                   {"suspicious_activity_detected", true}});
  ASSERT_EQ(res.status, 200u) << res.body;
  EXPECT_EQ(res.Json()["session_status"], "active");
  EXPECT_EQ(res.Json()["active_platforms"].size(), 2u);
  EXPECT_EQ(res.Json()["suspicious_activity_detected"], true);
  EXPECT_EQ(Session(id), res.Json());

  for (const auto& [body, field] : std::vector<std::pair<nlohmann::json, std::string>>{
           {{{"session_status", "ended"}}, "session_status"},
           {{{"session_status", "error"}}, "error_message"},
           {{{"error_message", "boom"}}, "error_message"},
           {{{"active_platforms", {"twitter", "twitter"}}}, "active_platforms"},
           {{{"active_platforms", {"myspace"}}}, "active_platforms"},
           {{{"suspicious_activity_detected", "yes"}}, "suspicious_activity_detected"},
           {{{"browser_instance_id", "x"}}, "browser_instance_id"}}) {
    auto bad = Send(verb::patch, "/api/v1/sessions/" + id, body);
    EXPECT_EQ(bad.status, 422u) << body.dump();
    EXPECT_EQ(ErrorFields(bad), std::set<std::string>{field}) << bad.body;
  }
  EXPECT_EQ(Session(id), res.Json());  // the refusals changed nothing

  Advance(std::chrono::minutes(5));
  auto failed = Send(verb::patch, "/api/v1/sessions/" + id,
                     {{"session_status", "error"}, {"error_message", "the platform logged me out"}});
  ASSERT_EQ(failed.status, 200u) << failed.body;
  EXPECT_EQ(failed.Json()["session_status"], "error");
  EXPECT_EQ(failed.Json()["end_reason"], "error");
  EXPECT_EQ(failed.Json()["errors_encountered"], 1);
  EXPECT_EQ(failed.Json()["error_message"], "the platform logged me out");
  EXPECT_EQ(failed.Json()["duration_minutes"], 5);
  EXPECT_EQ(Start(persona_).status, 201u);
}

TEST_P(SessionApi, PublicationsAreCountedInTheLiveSession) {
  auto account = Id(Send(verb::post, "/api/v1/personas/" + persona_ + "/accounts",
                         {{"platform_type", "twitter"}, {"username", "maria"}, {"credentials", "pw"}}));
  const auto id = Id(Start(persona_));
  EXPECT_EQ(Session(id)["content_posted"], 0);
  auto post = Id(Send(verb::post, "/api/v1/posts", {{"platform_account_id", account}, {"final_content", "Kumusta!"}}));
  ASSERT_EQ(Send(verb::post, "/api/v1/posts/" + post + "/publish", {{"platform_post_id", "1"}}).status, 200u);
  auto session = Session(id);
  EXPECT_EQ(session["content_posted"], 1);
  EXPECT_EQ(session["session_status"], "active");
  EXPECT_EQ(Send(verb::get, "/api/v1/posts/" + post).Json()["session_id"], id);
}

TEST_P(SessionApi, ListsWithFilters) {
  auto other = Id(Send(verb::post, "/api/v1/personas", PersonaBody("Jose")));
  auto ended = Id(Start(persona_));
  ASSERT_EQ(Send(verb::post, "/api/v1/sessions/" + ended + "/end").status, 200u);
  Advance(std::chrono::minutes(1));
  auto live = Id(Start(persona_));
  Advance(std::chrono::minutes(1));
  auto other_live = Id(Start(other));

  auto all = Send(verb::get, "/api/v1/sessions").Json()["items"];
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0]["id"], other_live);  // newest first
  EXPECT_EQ(all[0]["persona_id"], other);
  auto lives = Send(verb::get, "/api/v1/sessions?status=live&persona_id=" + persona_).Json()["items"];
  ASSERT_EQ(lives.size(), 1u);
  EXPECT_EQ(lives[0]["id"], live);
  auto page = Send(verb::get, "/api/v1/sessions?limit=2").Json();
  EXPECT_EQ(page["items"].size(), 2u);
  auto rest = Send(verb::get, "/api/v1/sessions?limit=2&cursor=" + page["next_cursor"].get<std::string>()).Json();
  ASSERT_EQ(rest["items"].size(), 1u);
  EXPECT_EQ(rest["items"][0]["id"], ended);
  EXPECT_EQ(Send(verb::get, "/api/v1/sessions?status=done").status, 422u);
  EXPECT_EQ(Send(verb::get, "/api/v1/sessions?persona_id=nope").status, 422u);
  EXPECT_EQ(Send(verb::get, "/api/v1/sessions", nullptr, ben_cookie_).Json()["items"].size(), 0u);
}

TEST_P(SessionApi, AnotherUsersSessionsAreNotFound) {
  const auto id = Id(Start(persona_));
  Session(id);  // cached for ana
  EXPECT_EQ(Start(persona_, nlohmann::json::object()).status, 409u);
  EXPECT_EQ(
      Send(verb::post, "/api/v1/personas/" + persona_ + "/sessions", nlohmann::json::object(), ben_cookie_).status,
      404u);
  EXPECT_EQ(Send(verb::get, "/api/v1/sessions/" + id, nullptr, ben_cookie_).status, 404u);
  EXPECT_EQ(Send(verb::patch, "/api/v1/sessions/" + id, {{"session_status", "idle"}}, ben_cookie_).status, 404u);
  EXPECT_EQ(Send(verb::post, "/api/v1/sessions/" + id + "/end", nullptr, ben_cookie_).status, 404u);
  EXPECT_EQ(Send(verb::get, "/api/v1/sessions/not-a-uuid").status, 404u);
  EXPECT_EQ(Session(id)["session_status"], "starting");
}

TEST_P(SessionApi, DeletingThePersonaTakesItsSessionsEvenFromTheCache) {
  const auto id = Id(Start(persona_));
  Session(id);  // cached
  ASSERT_EQ(Send(verb::delete_, "/api/v1/personas/" + persona_).status, 204u);
  EXPECT_EQ(Send(verb::get, "/api/v1/sessions/" + id).status, 404u);
}

INSTANTIATE_TEST_SUITE_P(Caches, SessionApi, ::testing::Values("memory", "redis"),
                         [](const auto& info) { return info.param; });

class RedisSessionApi : public SessionApi {};

TEST_P(RedisSessionApi, RedisDyingMidTestChangesNothingTheApiAnswers) {
  const auto id = Id(Start(persona_));
  EXPECT_EQ(Session(id)["actions_performed"], 0);
  EXPECT_NE(redis_->Cli("EXISTS persona:session:" + id), "0\n");  // the copy is in Redis

  redis_->Stop();
  for (int i = 0; i < 3; ++i) ASSERT_EQ(Action().status, 201u);
  auto session = Session(id);
  EXPECT_EQ(session["actions_performed"], 3);
  auto ended = Send(verb::post, "/api/v1/sessions/" + id + "/end");
  ASSERT_EQ(ended.status, 200u) << ended.body;
  EXPECT_EQ(Start(persona_).status, 201u);

  redis_->Start();  // empty, as after a crash without persistence
  for (int i = 0; i < 15; ++i) {
    EXPECT_EQ(Session(id)["session_status"], "ended");
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
}

TEST_P(RedisSessionApi, AFrozenRedisServesNoStaleCopyAfterwards) {
  const auto id = Id(Start(persona_));
  EXPECT_EQ(Session(id)["actions_performed"], 0);  // copy at version 1 in Redis
  redis_->Freeze();
  ASSERT_EQ(Action().status, 201u);  // its Forget times out
  ASSERT_EQ(Action().status, 201u);
  redis_->Thaw();  // Redis still holds the old copy
  for (int i = 0; i < 15; ++i) {
    EXPECT_EQ(Session(id)["actions_performed"], 2);
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
}

INSTANTIATE_TEST_SUITE_P(Redis, RedisSessionApi, ::testing::Values("redis"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace persona
