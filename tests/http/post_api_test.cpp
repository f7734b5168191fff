// Manual posts: drafts from text or a rendered template, schedules checked against the
// persona's activity_schedule, and publication counted against the account's daily
// limit, which starts again at the persona's local midnight (DST included).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <thread>

#include "core/time_format.h"
#include "support/api_fixture.h"

namespace persona {
namespace {

using boost::beast::http::verb;
using ::testing::HasSubstr;

class PostApi : public testing::ApiFixture {
 protected:
  void SetUp() override {
    ApiFixture::SetUp();
    ana_ = CreateUser("ana@example.com");
    cookie_ = *Login("ana@example.com");
    CreateUser("ben@example.com");
    ben_cookie_ = *Login("ben@example.com");
    persona_ = Id(Send(verb::post, "/api/v1/personas", PersonaBody("Maria")));
    account_ = Id(Send(verb::post, "/api/v1/personas/" + persona_ + "/accounts",
                       {{"platform_type", "twitter"}, {"username", "maria"}, {"credentials", "pw"}}));
  }
  static std::string Id(const testing::HttpResult& res) {
    EXPECT_EQ(res.status, 201u) << res.body;
    return res.Json()["id"].get<std::string>();
  }
  testing::HttpResult Send(verb method, const std::string& target, const nlohmann::json& body = nullptr,
                           const std::string& cookie = "") {
    return AsBrowser(method, target, cookie.empty() ? cookie_ : cookie, body.is_null() ? "" : body.dump());
  }
  std::string Draft(const std::string& text = "Kumusta!", const std::string& account = "") {
    return Id(Send(verb::post, "/api/v1/posts",
                   {{"platform_account_id", account.empty() ? account_ : account}, {"final_content", text}}));
  }
  testing::HttpResult Publish(const std::string& post, const std::string& platform_post_id = "1") {
    return Send(verb::post, "/api/v1/posts/" + post + "/publish", {{"platform_post_id", platform_post_id}});
  }
  // Moves the injected clock to an absolute time (in the future) and logs in again,
  // since the session does not survive the jump.
  void SetClock(const std::string& rfc3339) {
    auto target = *ParseTimestamp(rfc3339);
    ASSERT_GT(target, clock_.Now());
    clock_.Advance(std::chrono::duration_cast<std::chrono::seconds>(target - clock_.Now()));
    cookie_ = *Login("ana@example.com");
  }
  std::string ana_, cookie_, ben_cookie_, persona_, account_;
};

TEST_F(PostApi, DraftFromFreeTextAndFromATemplate) {
  auto res = Send(verb::post, "/api/v1/posts", {{"platform_account_id", account_}, {"final_content", "Kumusta!"}});
  ASSERT_EQ(res.status, 201u) << res.body;
  auto post = res.Json();
  EXPECT_EQ(res.Header("Location"), "/api/v1/posts/" + post["id"].get<std::string>());
  EXPECT_EQ(post["state"], "draft");
  EXPECT_EQ(post["persona_id"], persona_);
  EXPECT_EQ(post["publishing_method"], "manual");
  EXPECT_EQ(post["content_edits_from_template"], nlohmann::json::object());
  EXPECT_FALSE(post["creation_started_at"].is_null());

  auto tmpl = Id(Send(verb::post, "/api/v1/templates",
                      {{"template_name", "Food"},
                       {"content_type", "text"},
                       {"template_text", "Morning in {{persona.primary_location}}: {{theme}} time"},
                       {"target_platforms", {"twitter"}},
                       {"hashtag_strategy", {{"twitter", {{"max", 1}}}}}}));
  auto rendered = Send(verb::post, "/api/v1/posts", {{"platform_account_id", account_}, {"content_template_id", tmpl}});
  ASSERT_EQ(rendered.status, 201u) << rendered.body;
  EXPECT_EQ(rendered.Json()["final_content"], "Morning in Manila: street food time\n\n#Manila");
  EXPECT_EQ(rendered.Json()["final_hashtags"], nlohmann::json({"#Manila"}));
  EXPECT_DOUBLE_EQ(rendered.Json()["content_edits_from_template"]["change_ratio"].get<double>(), 0.0);
  EXPECT_EQ(rendered.Json()["manual_customization_level"], "low");

  auto edited = Send(verb::post, "/api/v1/posts",
                     {{"platform_account_id", account_},
                      {"content_template_id", tmpl},
                      {"final_content", "Morning in Manila: halo-halo time\n\n#Manila"}});
  ASSERT_EQ(edited.status, 201u) << edited.body;
  auto edits = edited.Json()["content_edits_from_template"];
  EXPECT_EQ(edits["words_deleted"], 2);   // "street food"
  EXPECT_EQ(edits["words_inserted"], 1);  // "halo-halo"
  EXPECT_THAT(edits.dump(), HasSubstr("halo-halo"));

  auto too_long =
      Send(verb::post, "/api/v1/posts", {{"platform_account_id", account_}, {"final_content", std::string(281, 'x')}});
  EXPECT_EQ(too_long.status, 422u);
  EXPECT_THAT(too_long.body, HasSubstr("280"));
  auto bens_account =
      Send(verb::post, "/api/v1/posts", {{"platform_account_id", account_}, {"final_content", "x"}}, ben_cookie_);
  EXPECT_EQ(bens_account.status, 404u);
  EXPECT_EQ(Count("SELECT count(*) FROM manual_posts"), 3);
}

// A client written from the seed's column names sends persona_id, creation_started_at
// and publishing_method: each is accepted when it agrees with the rest, refused beside
// its field when not, and nothing is stored then.
TEST_F(PostApi, SeedColumnsPersonaIdCreationStartedAtAndPublishingMethodAreAccepted) {
  SetClock("2027-01-01T00:00:00Z");
  auto started = "2026-12-31T23:40:00Z";
  auto res = Send(verb::post, "/api/v1/posts",
                  {{"platform_account_id", account_},
                   {"persona_id", persona_},
                   {"creation_started_at", "2027-01-01T07:40:00+08:00"},
                   {"publishing_method", "scheduled_manual"},
                   {"final_content", "x"},
                   {"scheduled_for", "2027-01-04T08:45:00+08:00"}});
  ASSERT_EQ(res.status, 201u) << res.body;
  EXPECT_EQ(res.Json()["persona_id"], persona_);
  EXPECT_EQ(res.Json()["creation_started_at"], started);
  EXPECT_EQ(res.Json()["publishing_method"], "scheduled_manual");
  auto draft = Send(verb::post, "/api/v1/posts",
                    {{"platform_account_id", account_}, {"publishing_method", "manual"}, {"final_content", "y"}});
  ASSERT_EQ(draft.status, 201u) << draft.body;
  EXPECT_EQ(draft.Json()["creation_started_at"], FormatTimestamp(clock_.Now()).substr(0, 19) + "Z");  // default: now
  const auto stored = Count("SELECT count(*) FROM manual_posts");

  auto other = Id(Send(verb::post, "/api/v1/personas", PersonaBody("Other")));
  ben_cookie_ = *Login("ben@example.com");  // the clock's jump ended Ben's session
  auto bens = Id(Send(verb::post, "/api/v1/personas", PersonaBody("Ben's"), ben_cookie_));
  auto refused = [&](const nlohmann::json& extra) {
    nlohmann::json body = {{"platform_account_id", account_}, {"final_content", "z"}};
    body.update(extra);
    return Send(verb::post, "/api/v1/posts", body);
  };
  auto wrong_persona = refused({{"persona_id", other}});
  EXPECT_EQ(wrong_persona.status, 422u);
  EXPECT_EQ(ErrorFields(wrong_persona), (std::set<std::string>{"persona_id"}));
  EXPECT_EQ(refused({{"persona_id", bens}}).status, 404u);
  EXPECT_EQ(refused({{"persona_id", "nope"}}).status, 422u);
  auto future = refused({{"creation_started_at", "2027-01-01T00:05:00Z"}});
  EXPECT_EQ(future.status, 422u);
  EXPECT_EQ(ErrorFields(future), (std::set<std::string>{"creation_started_at"}));
  EXPECT_EQ(refused({{"creation_started_at", "yesterday"}}).status, 422u);
  auto disagrees = refused({{"publishing_method", "scheduled_manual"}});
  EXPECT_EQ(disagrees.status, 422u);
  EXPECT_EQ(ErrorFields(disagrees), (std::set<std::string>{"publishing_method"}));
  EXPECT_EQ(refused({{"publishing_method", "manual"}, {"scheduled_for", "2027-01-04T08:45:00+08:00"}}).status, 422u);
  EXPECT_EQ(refused({{"publishing_method", "automatic"}}).status, 422u);
  EXPECT_EQ(Count("SELECT count(*) FROM manual_posts"), stored);

  // PATCH: a publishing_method must agree with the post's schedule, as changed or not.
  auto id = draft.Json()["id"].get<std::string>();
  EXPECT_EQ(Send(verb::patch, "/api/v1/posts/" + id, {{"publishing_method", "manual"}}).status, 200u);
  EXPECT_EQ(Send(verb::patch, "/api/v1/posts/" + id, {{"publishing_method", "scheduled_manual"}}).status, 422u);
  auto scheduled = Send(verb::patch, "/api/v1/posts/" + id,
                        {{"publishing_method", "scheduled_manual"}, {"scheduled_for", "2027-01-04T08:45:00+08:00"}});
  EXPECT_EQ(scheduled.status, 200u) << scheduled.body;
  EXPECT_EQ(scheduled.Json()["publishing_method"], "scheduled_manual");
}

TEST_F(PostApi, SchedulesFollowThePersonasPostingTimesInItsZone) {
  // Maria posts on Mondays at 08:30 and 19:00, Asia/Manila (UTC+8).
  SetClock("2027-01-01T00:00:00Z");
  auto ok =
      Send(verb::post, "/api/v1/posts",
           {{"platform_account_id", account_}, {"final_content", "x"}, {"scheduled_for", "2027-01-04T08:45:00+08:00"}});
  ASSERT_EQ(ok.status, 201u) << ok.body;
  EXPECT_EQ(ok.Json()["state"], "scheduled");
  EXPECT_EQ(ok.Json()["publishing_method"], "scheduled_manual");
  EXPECT_EQ(ok.Json()["scheduled_for"], "2027-01-04T00:45:00Z");

  auto off =
      Send(verb::post, "/api/v1/posts",
           {{"platform_account_id", account_}, {"final_content", "x"}, {"scheduled_for", "2027-01-04T12:00:00+08:00"}});
  ASSERT_EQ(off.status, 422u);
  EXPECT_EQ(off.Json()["errors"][0]["field"], "scheduled_for");
  EXPECT_THAT(off.body, HasSubstr("08:30"));
  // 08:30 Manila on a Monday is 00:30 UTC; the same UTC time on a Tuesday is not.
  EXPECT_EQ(Send(verb::post, "/api/v1/posts",
                 {{"platform_account_id", account_}, {"final_content", "x"}, {"scheduled_for", "2027-01-05T00:30:00Z"}})
                .status,
            422u);
  EXPECT_EQ(
      Send(verb::post, "/api/v1/posts",
           {{"platform_account_id", account_}, {"final_content", "x"}, {"scheduled_for", "2026-12-28T08:30:00+08:00"}})
          .status,
      422u);  // in the past

  // It comes due at its time, shown in the persona's zone.
  EXPECT_TRUE(Send(verb::get, "/api/v1/posts/due").Json()["items"].empty());
  SetClock("2027-01-04T00:50:00Z");
  auto due = Send(verb::get, "/api/v1/posts/due").Json()["items"];
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0]["kind"], "publish");
  EXPECT_EQ(due[0]["due_at"], "2027-01-04T00:45:00Z");
  EXPECT_EQ(due[0]["due_at_local"], "2027-01-04T08:45");
  EXPECT_EQ(due[0]["timezone"], "Asia/Manila");
  EXPECT_TRUE(Send(verb::get, "/api/v1/posts/due", nullptr, ben_cookie_).Json()["items"].empty());

  auto id = ok.Json()["id"].get<std::string>();
  auto unscheduled = Send(verb::patch, "/api/v1/posts/" + id, {{"scheduled_for", nullptr}});
  ASSERT_EQ(unscheduled.status, 200u) << unscheduled.body;
  EXPECT_EQ(unscheduled.Json()["state"], "draft");
  EXPECT_EQ(unscheduled.Json()["publishing_method"], "manual");
}

TEST_F(PostApi, PublishingCountsEverywhereInOneGo) {
  auto tmpl = Id(Send(
      verb::post, "/api/v1/templates",
      {{"template_name", "T"}, {"content_type", "text"}, {"template_text", "Hi"}, {"target_platforms", {"twitter"}}}));
  auto post = Id(Send(verb::post, "/api/v1/posts", {{"platform_account_id", account_}, {"content_template_id", tmpl}}));
  clock_.Advance(std::chrono::minutes(7));
  auto res = Publish(post, "1790000000000");
  ASSERT_EQ(res.status, 200u) << res.body;
  EXPECT_EQ(res.Json()["state"], "published");
  EXPECT_EQ(res.Json()["platform_post_id"], "1790000000000");
  EXPECT_EQ(res.Json()["creation_time_minutes"], 7);
  EXPECT_EQ(Send(verb::get, "/api/v1/accounts/" + account_).Json()["daily_posts_count"], 1);
  EXPECT_EQ(Send(verb::get, "/api/v1/personas/" + persona_).Json()["total_posts"], 1);
  EXPECT_EQ(Send(verb::get, "/api/v1/templates/" + tmpl).Json()["usage_count"], 1);

  auto again = Publish(post);
  EXPECT_EQ(again.status, 409u);
  EXPECT_EQ(again.Json()["code"], "already_published");
  auto edit = Send(verb::patch, "/api/v1/posts/" + post, {{"final_content", "changed"}});
  EXPECT_EQ(edit.status, 409u);
  auto rate =
      Send(verb::patch, "/api/v1/posts/" + post, {{"user_satisfaction", 5}, {"improvement_notes", "more food"}});
  ASSERT_EQ(rate.status, 200u) << rate.body;
  EXPECT_EQ(rate.Json()["user_satisfaction"], 5);
  EXPECT_EQ(Publish(post, "").status, 422u);
  EXPECT_EQ(Send(verb::post, "/api/v1/posts/" + post + "/publish", {{"platform_post_id", "x"}}, ben_cookie_).status,
            404u);
  EXPECT_EQ(Send(verb::get, "/api/v1/posts?state=published").Json()["items"].size(), 1u);
  EXPECT_EQ(Send(verb::get, "/api/v1/posts?state=draft").Json()["items"].size(), 0u);
  EXPECT_EQ(Send(verb::get, "/api/v1/posts?state=lost").status, 422u);
  EXPECT_EQ(Send(verb::get, "/api/v1/posts", nullptr, ben_cookie_).Json()["items"].size(), 0u);
}

TEST_F(PostApi, TheDailyLimitStartsAgainAtManilaMidnight) {
  Send(verb::patch, "/api/v1/accounts/" + account_, {{"daily_post_limit", 2}});
  SetClock("2027-01-04T15:58:00Z");  // 23:58 in Manila
  std::vector<std::string> posts;
  for (int i = 0; i < 4; ++i) posts.push_back(Draft("post " + std::to_string(i)));
  EXPECT_EQ(Publish(posts[0]).status, 200u);
  EXPECT_EQ(Publish(posts[1]).status, 200u);
  auto refused = Publish(posts[2]);
  ASSERT_EQ(refused.status, 409u);
  EXPECT_EQ(refused.Json()["code"], "daily_limit_reached");
  EXPECT_EQ(refused.Json()["limit"], "daily_post_limit");
  EXPECT_EQ(refused.Json()["frees_at"], "2027-01-04T16:00:00Z");
  EXPECT_THAT(refused.Json()["detail"].get<std::string>(), HasSubstr("daily_post_limit of 2"));
  EXPECT_EQ(Count("SELECT count(*) FROM security_events WHERE event_type = 'limit_hit' AND platform_account_id = '" +
                  account_ + "'"),
            1);

  EXPECT_EQ(Send(verb::get, "/api/v1/accounts/" + account_).Json()["daily_posts_count"], 2);
  clock_.Advance(std::chrono::minutes(3));  // 00:01 in Manila, the next day
  // The count reads in the persona's day: a new day has none yet.
  EXPECT_EQ(Send(verb::get, "/api/v1/accounts/" + account_).Json()["daily_posts_count"], 0);
  EXPECT_EQ(Send(verb::get, "/api/v1/personas/" + persona_ + "/accounts").Json()["items"][0]["daily_posts_count"], 0);
  EXPECT_EQ(Publish(posts[2]).status, 200u);
  EXPECT_EQ(Send(verb::get, "/api/v1/accounts/" + account_).Json()["daily_posts_count"], 1);
}

TEST_F(PostApi, TheDailyLimitFollowsNewYorkAcrossTheDstChange) {
  Send(verb::patch, "/api/v1/personas/" + persona_, {{"timezone", "America/New_York"}});
  Send(verb::patch, "/api/v1/accounts/" + account_, {{"daily_post_limit", 1}});
  // 14 March 2027: clocks go from 02:00 EST to 03:00 EDT, so the day has 23 hours.
  SetClock("2027-03-14T05:30:00Z");  // 00:30 EST
  auto first = Draft("a"), second = Draft("b");
  EXPECT_EQ(Publish(first).status, 200u);
  auto refused = Publish(second);
  ASSERT_EQ(refused.status, 409u);
  // Midnight of the 15th is EDT (UTC-4): 04:00Z, not the 05:00Z a fixed 24 h would give.
  EXPECT_EQ(refused.Json()["frees_at"], "2027-03-15T04:00:00Z");
  SetClock("2027-03-15T03:59:00Z");
  EXPECT_EQ(Publish(second).status, 409u);
  clock_.Advance(std::chrono::minutes(2));
  EXPECT_EQ(Publish(second).status, 200u);
}

TEST_F(PostApi, ACooldownRefusesUntilItEnds) {
  auto until = FormatTimestamp(clock_.Now() + std::chrono::hours(1)).substr(0, 19) + "Z";
  ASSERT_EQ(Send(verb::patch, "/api/v1/accounts/" + account_, {{"cooldown_until", until}}).status, 200u);
  auto post = Draft();
  auto refused = Publish(post);
  ASSERT_EQ(refused.status, 409u);
  EXPECT_EQ(refused.Json()["code"], "cooldown");
  EXPECT_EQ(refused.Json()["frees_at"], until);
  clock_.Advance(std::chrono::minutes(61));
  cookie_ = *Login("ana@example.com");
  EXPECT_EQ(Publish(post).status, 200u);
}

TEST_F(PostApi, TwentySimultaneousPublishesStopExactlyAtTheLimit) {
  Send(verb::patch, "/api/v1/accounts/" + account_, {{"daily_post_limit", 3}});
  std::vector<std::string> posts;
  for (int i = 0; i < 20; ++i) posts.push_back(Draft("p" + std::to_string(i)));
  std::atomic<int> ok{0}, limited{0}, other{0};
  std::vector<std::thread> threads;
  for (const auto& post : posts) {
    threads.emplace_back([&, post] {
      auto res = Publish(post);
      if (res.status == 200) {
        ++ok;
      } else if (res.status == 409 && res.body.find("daily_limit_reached") != std::string::npos) {
        ++limited;
      } else {
        ++other;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok, 3);
  EXPECT_EQ(limited, 17);
  EXPECT_EQ(other, 0);
  EXPECT_EQ(Count("SELECT daily_posts_count FROM platform_accounts WHERE id = '" + account_ + "'"), 3);
  EXPECT_EQ(Count("SELECT total_posts FROM personas WHERE id = '" + persona_ + "'"), 3);
  EXPECT_EQ(Count("SELECT count(*) FROM manual_posts WHERE published_manually_at IS NOT NULL"), 3);
  // A refusal rolls back what the publication wrote before the account refused it.
  EXPECT_EQ(Count("SELECT count(*) FROM activity_logs WHERE activity_type = 'post_publish'"), 3);
}

// The operator reads the numbers at 50 minutes: recorded, marked early, and the
// checkpoint no longer comes due.
TEST_F(PostApi, AnEarlySnapshotIsRecordedMarkedEarlyAndCountsAsCaptured) {
  auto post = Id(Send(verb::post, "/api/v1/posts", {{"platform_account_id", account_}, {"final_content", "Hello"}}));
  ASSERT_EQ(Publish(post).status, 200u);
  auto published_at =
      *ParseTimestamp(Send(verb::get, "/api/v1/posts/" + post).Json()["published_manually_at"].get<std::string>());
  clock_.Advance(std::chrono::minutes(50));
  auto early = Send(verb::put, "/api/v1/posts/" + post + "/engagement/immediate", {{"likes", 4}, {"views", 100}});
  ASSERT_EQ(early.status, 200u) << early.body;
  auto snapshot = early.Json()["immediate_engagement"];
  EXPECT_EQ(snapshot["early"], true);
  EXPECT_EQ(snapshot["late"], false);
  EXPECT_EQ(snapshot["metrics"]["likes"], 4);
  EXPECT_EQ(snapshot["due_at"], FormatTimestamp(published_at + std::chrono::hours(1)).substr(0, 19) + "Z");
  clock_.Advance(std::chrono::minutes(20));
  cookie_ = *Login("ana@example.com");
  auto due = Send(verb::get, "/api/v1/posts/due").Json();
  for (const auto& item : due["items"]) {
    EXPECT_FALSE(item["kind"] == "engagement" && item["window"] == "immediate") << item.dump();
  }
  // Recorded on time, a snapshot is neither early nor late.
  clock_.Advance(std::chrono::hours(24));
  cookie_ = *Login("ana@example.com");
  auto daily = Send(verb::put, "/api/v1/posts/" + post + "/engagement/daily", {{"likes", 9}});
  ASSERT_EQ(daily.status, 200u) << daily.body;
  EXPECT_EQ(daily.Json()["daily_engagement"]["early"], false);
  EXPECT_EQ(daily.Json()["daily_engagement"]["late"], false);
}

TEST_F(PostApi, EngagementSnapshotsFeedEffectivenessAndTheTemplatesSuccessRate) {
  auto tmpl = Id(Send(
      verb::post, "/api/v1/templates",
      {{"template_name", "T"}, {"content_type", "text"}, {"template_text", "Hi"}, {"target_platforms", {"twitter"}}}));
  auto post = Id(Send(verb::post, "/api/v1/posts", {{"platform_account_id", account_}, {"content_template_id", tmpl}}));
  auto engagement = [&](const std::string& id, const std::string& window, const nlohmann::json& metrics) {
    return Send(verb::put, "/api/v1/posts/" + id + "/engagement/" + window, metrics);
  };
  EXPECT_EQ(engagement(post, "immediate", {{"likes", 1}}).Json()["code"], "not_published");
  ASSERT_EQ(Publish(post).status, 200u);
  EXPECT_EQ(engagement(post, "monthly", {{"likes", 1}}).status, 404u);
  EXPECT_EQ(engagement(post, "immediate", {{"likes", -1}}).status, 422u);
  EXPECT_EQ(engagement(post, "immediate", {{"hearts", 1}}).status, 422u);

  clock_.Advance(std::chrono::minutes(61));
  auto due = Send(verb::get, "/api/v1/posts/due").Json()["items"];
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0]["kind"], "engagement");
  EXPECT_EQ(due[0]["window"], "immediate");
  EXPECT_EQ(due[0]["late"], false);

  auto recorded =
      engagement(post, "immediate", {{"likes", 50}, {"comments", 10}, {"shares", 5}, {"saves", 2}, {"views", 1000}});
  ASSERT_EQ(recorded.status, 200u) << recorded.body;
  auto snapshot = recorded.Json()["immediate_engagement"];
  EXPECT_EQ(snapshot["metrics"]["likes"], 50);
  EXPECT_EQ(snapshot["late"], false);
  EXPECT_FALSE(snapshot["captured_at"].is_null());
  EXPECT_DOUBLE_EQ(recorded.Json()["template_effectiveness"].get<double>(), 8.9);  // (50+20+15+4)/1000
  EXPECT_DOUBLE_EQ(Send(verb::get, "/api/v1/templates/" + tmpl).Json()["success_rate"].get<double>(), 100.0);
  EXPECT_TRUE(Send(verb::get, "/api/v1/posts/due").Json()["items"].empty());

  // A second post of the template does poorly: half its measured posts succeed.
  auto weak = Id(Send(verb::post, "/api/v1/posts", {{"platform_account_id", account_}, {"content_template_id", tmpl}}));
  ASSERT_EQ(Publish(weak, "2").status, 200u);
  clock_.Advance(std::chrono::minutes(61));
  ASSERT_EQ(engagement(weak, "immediate", {{"likes", 1}, {"views", 1000}}).status, 200u);
  EXPECT_DOUBLE_EQ(Send(verb::get, "/api/v1/templates/" + tmpl).Json()["success_rate"].get<double>(), 50.0);

  // The daily checkpoint of the first post: due at 24 h, late after 36 h, missed after 48 h.
  clock_.Advance(std::chrono::hours(36));
  cookie_ = *Login("ana@example.com");
  due = Send(verb::get, "/api/v1/posts/due").Json()["items"];
  ASSERT_EQ(due.size(), 2u);
  EXPECT_EQ(due[0]["window"], "daily");
  EXPECT_EQ(due[0]["post"]["id"], post);
  EXPECT_EQ(due[0]["late"], true);
  EXPECT_EQ(due[0]["missed"], false);
  clock_.Advance(std::chrono::hours(12));
  cookie_ = *Login("ana@example.com");
  due = Send(verb::get, "/api/v1/posts/due").Json()["items"];
  EXPECT_EQ(due[0]["missed"], true);
  auto late = engagement(post, "daily", {{"likes", 80}, {"views", 2000}});
  ASSERT_EQ(late.status, 200u);
  EXPECT_EQ(late.Json()["daily_engagement"]["late"], true);
  EXPECT_DOUBLE_EQ(late.Json()["template_effectiveness"].get<double>(), 4.0);  // the latest window counts
}

// The composer's live check and the server's own rule: X's weighted length (a URL is 23),
// hashtags against the account's limit, the warnings of a saved post; nothing saved.
TEST_F(PostApi, ACheckMeasuresTheDraftAsThePlatformCountsAndWarnsWithoutSaving) {
  const std::string overlong = std::string(270, 'a') + " https://example.com/" + std::string(60, 'q');
  auto check = [&](const nlohmann::json& extra) {
    nlohmann::json body = {{"platform_account_id", account_}};
    body.update(extra);
    return Send(verb::post, "/api/v1/posts/check", body);
  };
  auto measured = check({{"final_content", overlong}});
  ASSERT_EQ(measured.status, 200u) << measured.body;
  EXPECT_EQ(measured.Json()["length"], 294);
  EXPECT_EQ(measured.Json()["platform_limit"], 280);
  EXPECT_EQ(Count("SELECT count(*) FROM manual_posts"), 0) << "a check saves nothing";

  auto refused = Send(verb::post, "/api/v1/posts", {{"platform_account_id", account_}, {"final_content", overlong}});
  ASSERT_EQ(refused.status, 422u);
  EXPECT_EQ(refused.Json()["errors"][0]["field"], "final_content");
  EXPECT_THAT(refused.Json()["errors"][0]["message"].get<std::string>(), HasSubstr("294"));
  auto fits = std::string(240, 'b') + " https://example.com/" + std::string(200, 'q');
  EXPECT_EQ(Send(verb::post, "/api/v1/posts", {{"platform_account_id", account_}, {"final_content", fits}}).status,
            201u)
      << "461 code points, yet 264 as X counts";

  // Hashtags: X's default limit is 2; the account's platform_settings.max_hashtags wins.
  auto tags = check({{"final_content", "Kain #one #two #three"}});
  EXPECT_EQ(tags.Json()["hashtag_count"], 3);
  EXPECT_EQ(tags.Json()["hashtag_limit"], 2);
  ASSERT_EQ(tags.Json()["warnings"].size(), 1u) << tags.body;
  EXPECT_EQ(tags.Json()["warnings"][0]["code"], "too_many_hashtags");
  ASSERT_EQ(Send(verb::patch, "/api/v1/accounts/" + account_, {{"platform_settings", {{"max_hashtags", 3}}}}).status,
            200u);
  EXPECT_EQ(check({{"final_content", "Kain #one #two #three"}}).Json()["warnings"].size(), 0u);

  // The same text as a scheduled post is a duplicate, except for that post itself.
  SetClock("2030-01-07T00:00:00Z");  // Monday 08:00 in Manila; Maria posts at 08:30
  auto scheduled = Id(Send(
      verb::post, "/api/v1/posts",
      {{"platform_account_id", account_}, {"final_content", "Same words"}, {"scheduled_for", "2030-01-07T00:30:00Z"}}));
  auto duplicate = check({{"final_content", " same WORDS "}});
  ASSERT_EQ(duplicate.Json()["warnings"].size(), 1u) << duplicate.body;
  EXPECT_EQ(duplicate.Json()["warnings"][0]["code"], "duplicate_text");
  EXPECT_EQ(duplicate.Json()["warnings"][0]["post_id"], scheduled);
  EXPECT_EQ(check({{"final_content", "Same words"}, {"post_id", scheduled}}).Json()["warnings"].size(), 0u);
  auto close = check({{"final_content", "Other words"}, {"scheduled_for", "2030-01-07T00:40:00Z"}});
  ASSERT_EQ(close.Json()["warnings"].size(), 1u) << close.body;
  EXPECT_EQ(close.Json()["warnings"][0]["code"], "too_close");

  auto bad = Send(verb::post, "/api/v1/posts/check", {{"final_content", 5}, {"scheduled_for", "soon"}, {"x", 1}});
  ASSERT_EQ(bad.status, 422u);
  EXPECT_EQ(bad.Json()["errors"].size(), 4u) << bad.body;
  EXPECT_EQ(check({{"final_content", "hi"}, {"platform_account_id", "00000000-0000-4000-8000-000000000000"}}).status,
            404u);
}

}  // namespace
}  // namespace persona
