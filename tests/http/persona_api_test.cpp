// Personas: CRUD with per-field validation, keyset pages, the tier limit held by the
// database under concurrency, deletion that cascades and keeps the audit trail.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <thread>

#include "support/api_fixture.h"

namespace persona {
namespace {

using boost::beast::http::verb;
using ::testing::Contains;
using ::testing::HasSubstr;

class PersonaApi : public testing::ApiFixture {
 protected:
  void SetUp() override {
    ApiFixture::SetUp();
    ana_ = CreateUser("ana@example.com");
    cookie_ = *Login("ana@example.com");
    CreateUser("ben@example.com");
    ben_cookie_ = *Login("ben@example.com");
  }
  testing::HttpResult Send(verb method, const std::string& target, const nlohmann::json& body = nullptr,
                           const std::string& cookie = "") {
    return AsBrowser(method, target, cookie.empty() ? cookie_ : cookie, body.is_null() ? "" : body.dump());
  }
  std::string Create(const std::string& name = "Maria") {
    auto res = Send(verb::post, "/api/v1/personas", PersonaBody(name));
    EXPECT_EQ(res.status, 201u) << res.body;
    return res.Json()["id"].get<std::string>();
  }
  std::string ana_, cookie_, ben_cookie_;
};

TEST_F(PersonaApi, CreateReadUpdateDelete) {
  auto created = Send(verb::post, "/api/v1/personas", PersonaBody("Maria"));
  ASSERT_EQ(created.status, 201u) << created.body;
  auto persona = created.Json();
  auto id = persona["id"].get<std::string>();
  EXPECT_EQ(created.Header("Location"), "/api/v1/personas/" + id);
  EXPECT_EQ(persona["name"], "Maria");
  EXPECT_EQ(persona["timezone"], "Asia/Manila");
  EXPECT_EQ(persona["demographics"]["age"], 27);
  EXPECT_EQ(persona["proxy_status"], "unassigned");
  EXPECT_EQ(persona["risk_score"], 0.1);  // no proxy yet (docs/risk.md)
  EXPECT_EQ(persona["total_posts"], 0);
  EXPECT_FALSE(persona.contains("user_id"));
  EXPECT_TRUE(
      std::regex_match(persona["created_at"].get<std::string>(), std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)")))
      << persona["created_at"];

  auto got = Send(verb::get, "/api/v1/personas/" + id);
  ASSERT_EQ(got.status, 200u);
  EXPECT_EQ(got.Json(), persona);

  auto patched = Send(verb::patch, "/api/v1/personas/" + id,
                      {{"status", "suspended"}, {"backstory", nullptr}, {"demographics", {{"age", 28}}}});
  ASSERT_EQ(patched.status, 200u) << patched.body;
  EXPECT_EQ(patched.Json()["status"], "suspended");
  EXPECT_TRUE(patched.Json()["backstory"].is_null());
  EXPECT_EQ(patched.Json()["demographics"], nlohmann::json({{"age", 28}}));
  EXPECT_EQ(patched.Json()["name"], "Maria");  // untouched

  auto deleted = Send(verb::delete_, "/api/v1/personas/" + id);
  EXPECT_EQ(deleted.status, 204u);
  EXPECT_EQ(Send(verb::get, "/api/v1/personas/" + id).status, 404u);
  EXPECT_EQ(Send(verb::delete_, "/api/v1/personas/" + id).status, 404u);
  for (const char* type : {"persona_create", "persona_update", "persona_delete"}) {
    EXPECT_EQ(Count(std::string("SELECT count(*) FROM activity_logs WHERE activity_type = '") + type +
                    "' AND user_id = '" + ana_ + "' AND ip_address = '127.0.0.1'"),
              1)
        << type;
  }
}

TEST_F(PersonaApi, EveryInvalidFieldIsNamed) {
  auto body = PersonaBody();
  body["name"] = std::string(101, 'x');
  body["status"] = "paused";
  body["timezone"] = "Mars/Olympus_Mons";
  body["language_preferences"] = {"english"};
  body["demographics"]["age"] = 7;
  body["activity_schedule"]["posting_times"]["funday"] = {"08:00"};
  body["activity_schedule"]["posting_times"]["monday"] = {"25:00"};
  body["engagement_style"]["comment_frequency"] = "always";
  body["colour"] = "blue";
  body.erase("content_themes");
  auto res = Send(verb::post, "/api/v1/personas", body);
  ASSERT_EQ(res.status, 422u) << res.body;
  EXPECT_EQ(res.Header("Content-Type"), "application/problem+json");
  EXPECT_EQ(ErrorFields(res), (std::set<std::string>{
                                  "name", "status", "timezone", "language_preferences[0]", "demographics.age",
                                  "activity_schedule.posting_times.funday", "activity_schedule.posting_times.monday[0]",
                                  "engagement_style.comment_frequency", "colour", "content_themes"}));
  EXPECT_EQ(Count("SELECT count(*) FROM personas"), 0);

  auto id = Create();
  auto bad_patch = Send(verb::patch, "/api/v1/personas/" + id, {{"timezone", "Asia/Nowhere"}, {"name", 5}});
  EXPECT_EQ(bad_patch.status, 422u);
  EXPECT_EQ(ErrorFields(bad_patch), (std::set<std::string>{"timezone", "name"}));
  EXPECT_EQ(Send(verb::get, "/api/v1/personas/" + id).Json()["timezone"], "Asia/Manila");
}

TEST_F(PersonaApi, ListsNewestFirstInStablePages) {
  std::vector<std::string> ids;
  for (int i = 0; i < 5; ++i) {
    ids.push_back(Create("P" + std::to_string(i)));
    clock_.Advance(std::chrono::seconds(1));
  }
  std::vector<std::string> seen;
  std::string target = "/api/v1/personas?limit=2";
  for (int page = 0; page < 5; ++page) {
    auto res = Send(verb::get, target);
    ASSERT_EQ(res.status, 200u) << res.body;
    auto body = res.Json();
    for (const auto& item : body["items"]) seen.push_back(item["id"].get<std::string>());
    if (body["next_cursor"].is_null()) break;
    target = "/api/v1/personas?limit=2&cursor=" + body["next_cursor"].get<std::string>();
  }
  EXPECT_EQ(seen, std::vector<std::string>(ids.rbegin(), ids.rend()));

  for (const char* bad : {"limit=0", "limit=201", "limit=abc", "cursor=zz", "cursor=00", "limit=-1"}) {
    auto res = Send(verb::get, std::string("/api/v1/personas?") + bad);
    EXPECT_EQ(res.status, 422u) << bad;
  }
  EXPECT_TRUE(Send(verb::get, "/api/v1/personas", nullptr, ben_cookie_).Json()["items"].empty());
}

TEST_F(PersonaApi, AnotherUsersPersonaIsNotFound) {
  auto id = Create();
  EXPECT_EQ(Send(verb::get, "/api/v1/personas/" + id, nullptr, ben_cookie_).status, 404u);
  EXPECT_EQ(Send(verb::patch, "/api/v1/personas/" + id, {{"name", "Stolen"}}, ben_cookie_).status, 404u);
  EXPECT_EQ(Send(verb::delete_, "/api/v1/personas/" + id, nullptr, ben_cookie_).status, 404u);
  EXPECT_EQ(Send(verb::get, "/api/v1/personas/" + id + "/accounts", nullptr, ben_cookie_).status, 404u);
  EXPECT_EQ(Send(verb::get, "/api/v1/personas/not-a-uuid").status, 404u);
  EXPECT_EQ(Send(verb::get, "/api/v1/personas/" + id).Json()["name"], "Maria");
}

TEST_F(PersonaApi, TheTierLimitAnswers409) {
  for (int i = 0; i < 5; ++i) Create("P" + std::to_string(i));
  auto res = Send(verb::post, "/api/v1/personas", PersonaBody("Sixth"));
  EXPECT_EQ(res.status, 409u);
  EXPECT_THAT(res.Json()["detail"].get<std::string>(), HasSubstr("basic tier allows 5 personas"));
  EXPECT_EQ(Count("SELECT count(*) FROM personas"), 5);
  // Ben has his own five.
  EXPECT_EQ(Send(verb::post, "/api/v1/personas", PersonaBody("Ben's"), ben_cookie_).status, 201u);
}

TEST_F(PersonaApi, TwentySimultaneousCreatesStopExactlyAtTheLimit) {
  Create("Existing");  // 4 places left of 5
  std::atomic<int> created{0}, conflicts{0}, other{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 20; ++i) {
    threads.emplace_back([&, i] {
      auto res = Send(verb::post, "/api/v1/personas", PersonaBody("C" + std::to_string(i)));
      (res.status == 201 ? created : res.status == 409 ? conflicts : other)++;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(created, 4);
  EXPECT_EQ(conflicts, 16);
  EXPECT_EQ(other, 0);
  EXPECT_EQ(Count("SELECT count(*) FROM personas WHERE user_id = '" + ana_ + "'"), 5);
}

TEST_F(PersonaApi, DeleteCascadesReleasesTheProxyAndKeepsTheAuditTrail) {
  auto id = Create();
  auto account = Send(verb::post, "/api/v1/personas/" + id + "/accounts",
                      {{"platform_type", "twitter"}, {"username", "maria"}, {"credentials", "pw"}});
  ASSERT_EQ(account.status, 201u) << account.body;
  auto account_id = account.Json()["id"].get<std::string>();
  auto proxy = Send(verb::post, "/api/v1/proxies",
                    {{"proxy_id", "pc-1"},
                     {"proxy_ip", "203.0.113.7"},
                     {"proxy_port", 8080},
                     {"proxy_username", "u"},
                     {"proxy_password", "p"},
                     {"city", "Manila"}});
  ASSERT_EQ(proxy.status, 201u) << proxy.body;
  auto proxy_id = proxy.Json()["id"].get<std::string>();
  ASSERT_EQ(Send(verb::put, "/api/v1/personas/" + id + "/proxy", {{"proxy", proxy_id}}).status, 200u);
  ASSERT_EQ(
      Send(verb::post, "/api/v1/accounts/" + account_id + "/reveal", {{"password", "correct horse battery"}}).status,
      200u);

  ASSERT_EQ(Send(verb::delete_, "/api/v1/personas/" + id).status, 204u);
  EXPECT_EQ(Count("SELECT count(*) FROM platform_accounts"), 0);
  auto freed = Send(verb::get, "/api/v1/proxies/" + proxy_id).Json();
  EXPECT_EQ(freed["assignment_status"], "available");
  EXPECT_TRUE(freed["assigned_persona_id"].is_null());
  // The audit rows stay, without the link.
  EXPECT_GE(Count("SELECT count(*) FROM activity_logs WHERE activity_type IN ('persona_create', 'account_create', "
                  "'proxy_assign') AND persona_id IS NULL"),
            3);
  EXPECT_EQ(Count("SELECT count(*) FROM security_events WHERE event_type = 'secret_revealed' AND persona_id IS NULL "
                  "AND platform_account_id IS NULL"),
            1);
}

TEST_F(PersonaApi, BearerTokensWorkWithoutOrigin) {
  auto token = Send(verb::post, "/api/v1/me/tokens", {{"name", "script"}}).Json()["token"].get<std::string>();
  auto res = Call(verb::post, "/api/v1/personas", PersonaBody().dump(),
                  {{"Authorization", "Bearer " + token}, {"Content-Type", "application/json"}});
  EXPECT_EQ(res.status, 201u) << res.body;
  // A cookie write from elsewhere is refused and changes nothing.
  auto foreign = Call(verb::post, "/api/v1/personas", PersonaBody().dump(),
                      {{"Cookie", cookie_}, {"Origin", "http://evil.example"}, {"Content-Type", "application/json"}});
  EXPECT_EQ(foreign.status, 403u);
  EXPECT_EQ(Count("SELECT count(*) FROM personas"), 1);
}

}  // namespace
}  // namespace persona
