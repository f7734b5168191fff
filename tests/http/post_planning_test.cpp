// Planning in bulk: planned posts imported from CSV (valid rows in, each bad row named),
// posts exported with their engagement as CSV, and warnings at draft time about the same
// text on an account and posts closer than the platform's minimum spacing.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/time_format.h"
#include "domain/csv.h"
#include "support/api_fixture.h"

namespace persona {
namespace {

using boost::beast::http::verb;
using ::testing::HasSubstr;

class PostPlanning : public testing::ApiFixture {
 protected:
  void SetUp() override {
    ApiFixture::SetUp();
    // Friday 3 January 2031, 00:00 UTC; Monday the 6th has posting times 08:30 and 19:00 in Manila.
    clock_.Advance(
        std::chrono::duration_cast<std::chrono::seconds>(*ParseTimestamp("2031-01-03T00:00:00Z") - clock_.Now()));
    CreateUser("ana@example.com");
    cookie_ = *Login("ana@example.com");
    CreateUser("ben@example.com");
    ben_cookie_ = *Login("ben@example.com");
    persona_ = Id(Send(verb::post, "/api/v1/personas", PersonaBody("Maria")));
    account_ = Id(Send(verb::post, "/api/v1/personas/" + persona_ + "/accounts",
                       {{"platform_type", "twitter"}, {"username", "maria_tw"}, {"credentials", "pw"}}));
  }
  static std::string Id(const testing::HttpResult& res) {
    EXPECT_EQ(res.status, 201u) << res.body;
    return res.Json()["id"].get<std::string>();
  }
  testing::HttpResult Send(verb method, const std::string& target, const nlohmann::json& body = nullptr,
                           const std::string& cookie = "") {
    return AsBrowser(method, target, cookie.empty() ? cookie_ : cookie, body.is_null() ? "" : body.dump());
  }
  testing::HttpResult Import(const std::string& csv, const std::string& cookie = "",
                             const std::string& type = "text/csv") {
    return Call(verb::post, "/api/v1/posts/import", csv,
                {{"Cookie", cookie.empty() ? cookie_ : cookie}, {"Origin", Origin()}, {"Content-Type", type}});
  }
  std::string cookie_, ben_cookie_, persona_, account_;
};

TEST_F(PostPlanning, ImportsValidRowsAndNamesEveryBadOne) {
  auto tmpl = Id(Send(verb::post, "/api/v1/templates",
                      {{"template_name", "Food"},
                       {"content_type", "text"},
                       {"template_text", "Morning in {{persona.primary_location}}: {{theme}} time"},
                       {"target_platforms", {"twitter"}}}));
  const std::string csv =
      "persona,account,text,template,theme,local_time\r\n"
      "Maria,maria_tw,\"Kumusta, Manila!\",,,2031-01-06 08:30\r\n"  // 1: scheduled (00:30Z)
      "Maria,maria_tw,," +
      tmpl +
      ",halo-halo,2031-01-06 19:00\r\n"           // 2: from the template
      "Maria,maria_tw,Just a draft,,,\r\n"        // 3: a draft
      "Maria,nobody,Hi,,,\r\n"                    // 4: no such account
      "Maria,maria_tw,Hi,,,2031-01-06 12:00\r\n"  // 5: not a posting time
      "Maria,maria_tw,Hi,,,2031-02-30 08:30\r\n"  // 6: no such date
      "Maria,maria_tw," +
      std::string(300, 'x') +
      ",,,\r\n"                // 7: too long for twitter
      "Maria,maria_tw,Hi\r\n"  // 8: missing cells
      ",,,,,\r\n";             // empty: skipped
  auto res = Import(csv);
  ASSERT_EQ(res.status, 200u) << res.body;
  auto out = res.Json();
  ASSERT_EQ(out["imported"].size(), 3u) << out.dump();
  EXPECT_EQ(out["imported"][0]["scheduled_for"], "2031-01-06T00:30:00Z");
  EXPECT_EQ(out["imported"][0]["publishing_method"], "scheduled_manual");
  EXPECT_THAT(out["imported"][1]["final_content"].get<std::string>(),
              ::testing::StartsWith("Morning in Manila: halo-halo time"));
  EXPECT_EQ(out["imported"][1]["content_template_id"], tmpl);
  EXPECT_EQ(out["imported"][1]["scheduled_for"], "2031-01-06T11:00:00Z");
  EXPECT_EQ(out["imported"][2]["state"], "draft");
  ASSERT_EQ(out["errors"].size(), 5u) << out.dump();
  std::map<int, std::string> errors;
  for (const auto& e : out["errors"]) errors[e["row"].get<int>()] = e["message"].get<std::string>();
  EXPECT_THAT(errors[4], HasSubstr("no account 'nobody'"));
  EXPECT_THAT(errors[5], HasSubstr("local_time"));
  EXPECT_THAT(errors[6], HasSubstr("YYYY-MM-DD HH:MM"));
  EXPECT_THAT(errors[7], HasSubstr("text"));
  EXPECT_THAT(errors[8], HasSubstr("has 3 cells"));
  EXPECT_EQ(Count("SELECT count(*) FROM manual_posts"), 3);
}

TEST_F(PostPlanning, ABadFileOrAnotherUsersPersonaImportsNothing) {
  for (const auto& [csv, field] : std::vector<std::pair<std::string, std::string>>{
           {"", ""},
           {"persona,account,text,colour\nMaria,maria_tw,Hi,red\n", "colour"},
           {"persona,text\nMaria,Hi\n", "account"},
           {"persona,account\nMaria,maria_tw\n", "text"},
           {"persona,account,text\nMaria,maria_tw,\"unterminated\n", ""}}) {
    auto res = Import(csv);
    EXPECT_EQ(res.status, 422u) << csv;
    EXPECT_EQ(ErrorFields(res), std::set<std::string>{field}) << res.body;
  }
  EXPECT_EQ(Import("persona,account,text\nMaria,maria_tw,Hi\n", "", "application/json").status, 415u);
  std::string many = "persona,account,text\n";
  for (int i = 0; i < 1001; ++i) many += "Maria,maria_tw,Hi " + std::to_string(i) + "\n";
  EXPECT_EQ(Import(many).status, 422u);

  auto ben = Import("persona,account,text\n" + persona_ + "," + account_ + ",Hi\n", ben_cookie_);
  ASSERT_EQ(ben.status, 200u);
  EXPECT_EQ(ben.Json()["imported"].size(), 0u);
  EXPECT_EQ(ben.Json()["errors"].size(), 1u);
  EXPECT_EQ(Count("SELECT count(*) FROM manual_posts"), 0);
}

TEST_F(PostPlanning, DraftsWarnAboutTheSameTextAndPostsTooClose) {
  auto first = Send(
      verb::post, "/api/v1/posts",
      {{"platform_account_id", account_}, {"final_content", "Kumusta!"}, {"scheduled_for", "2031-01-06T00:30:00Z"}});
  ASSERT_EQ(first.status, 201u) << first.body;
  EXPECT_EQ(first.Json()["warnings"], nlohmann::json::array());

  // The same text, 10 minutes later: twitter wants 30 minutes between posts.
  auto second = Send(verb::post, "/api/v1/posts",
                     {{"platform_account_id", account_},
                      {"final_content", "  kumusta!  "},
                      {"scheduled_for", "2031-01-06T00:40:00Z"}});
  ASSERT_EQ(second.status, 201u) << second.body;
  auto warnings = second.Json()["warnings"];
  ASSERT_EQ(warnings.size(), 2u) << warnings.dump();
  EXPECT_EQ(warnings[0]["code"], "duplicate_text");
  EXPECT_EQ(warnings[0]["post_id"], first.Json()["id"]);
  EXPECT_EQ(warnings[1]["code"], "too_close");
  EXPECT_EQ(warnings[1]["min_spacing_minutes"], 30);
  EXPECT_THAT(warnings[1]["message"].get<std::string>(), HasSubstr("10 minutes away"));

  // An account may set its own spacing; a plain draft has no time to be close to.
  ASSERT_EQ(
      Send(verb::patch, "/api/v1/accounts/" + account_, {{"platform_settings", {{"min_spacing_minutes", 5}}}}).status,
      200u);
  auto third = Send(
      verb::post, "/api/v1/posts",
      {{"platform_account_id", account_}, {"final_content", "Iba naman"}, {"scheduled_for", "2031-01-06T00:50:00Z"}});
  EXPECT_EQ(third.Json()["warnings"], nlohmann::json::array());
  auto draft = Send(verb::post, "/api/v1/posts", {{"platform_account_id", account_}, {"final_content", "Iba naman"}});
  ASSERT_EQ(draft.Json()["warnings"].size(), 1u);
  EXPECT_EQ(draft.Json()["warnings"][0]["code"], "duplicate_text");
}

TEST_F(PostPlanning, ExportsPostsWithTheirEngagement) {
  auto post = Id(Send(verb::post, "/api/v1/posts",
                      {{"platform_account_id", account_}, {"final_content", "=1+1, \"quoted\"\nsecond line"}}));
  ASSERT_EQ(Send(verb::post, "/api/v1/posts/" + post + "/publish", {{"platform_post_id", "99"}}).status, 200u);
  clock_.Advance(std::chrono::minutes(61));
  cookie_ = *Login("ana@example.com");
  ASSERT_EQ(Send(verb::put, "/api/v1/posts/" + post + "/engagement/immediate",
                 {{"likes", 7}, {"comments", 2}, {"shares", 1}, {"views", 120}})
                .status,
            200u);
  Id(Send(verb::post, "/api/v1/posts", {{"platform_account_id", account_}, {"final_content", "draft"}}));

  auto res = Send(verb::get, "/api/v1/posts/export?state=published");
  ASSERT_EQ(res.status, 200u) << res.body;
  EXPECT_THAT(res.Header("Content-Type"), HasSubstr("text/csv"));
  EXPECT_THAT(res.Header("Content-Disposition"), HasSubstr("posts.csv"));
  auto rows = domain::ParseCsv(res.body);
  ASSERT_EQ(rows.size(), 2u);  // header + the published post
  std::map<std::string, std::string> row;
  for (std::size_t i = 0; i < rows[0].size(); ++i) row[rows[0][i]] = rows[1][i];
  EXPECT_EQ(row["id"], post);
  EXPECT_EQ(row["persona"], "Maria");
  EXPECT_EQ(row["account"], "maria_tw");
  EXPECT_EQ(row["state"], "published");
  EXPECT_EQ(row["platform_post_id"], "99");
  EXPECT_EQ(row["text"], "'=1+1, \"quoted\"\nsecond line");  // defused for spreadsheets
  EXPECT_EQ(row["immediate_likes"], "7");
  EXPECT_EQ(row["immediate_views"], "120");
  EXPECT_FALSE(row["immediate_captured_at"].empty());
  EXPECT_EQ(row["daily_likes"], "");
  EXPECT_EQ(domain::ParseCsv(Send(verb::get, "/api/v1/posts/export").body).size(), 3u);
  EXPECT_EQ(domain::ParseCsv(Send(verb::get, "/api/v1/posts/export", nullptr, ben_cookie_).body).size(), 1u);
  EXPECT_EQ(Send(verb::get, "/api/v1/posts/export?state=gone").status, 422u);
}

}  // namespace
}  // namespace persona
