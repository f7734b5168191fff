#include "app/persona_validation.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace persona::app {
namespace {

using nlohmann::json;

json Valid() {
  return {
      {"name", "Maria Santos"},
      {"status", "active"},
      {"demographics", {{"age", 28}, {"gender", "female"}, {"location", "Quezon City"}, {"occupation", "barista"}}},
      {"personality", {{"interests", {"coffee", "k-drama"}}, {"values", {"family"}}, {"communication_style", "warm"}}},
      {"backstory", nullptr},
      {"primary_location", "Manila"},
      {"timezone", "Asia/Manila"},
      {"language_preferences", {"en", "fil", "en-PH"}},
      {"activity_schedule",
       {{"posting_times", {{"monday", {"08:30", "19:00"}}, {"saturday", json::array()}}}, {"posts_per_day", 2}}},
      {"content_themes", {{"topics", {"food"}}, {"hashtags", {"#kape"}}, {"style", "casual"}}},
      {"engagement_style", {{"comment_frequency", "medium"}, {"interaction_patterns", {"replies to friends"}}}}};
}

std::vector<std::string> Paths(const json& body, bool partial = false) {
  std::vector<std::string> paths;
  for (const auto& e : ValidatePersona(body, partial)) paths.push_back(e.field);
  return paths;
}

TEST(ValidatePersona, AcceptsTheDocumentedShapes) { EXPECT_THAT(Paths(Valid()), ::testing::IsEmpty()); }

TEST(ValidatePersona, RequiresTheSeedsNotNullFieldsOnCreateOnly) {
  EXPECT_THAT(Paths(json::object()),
              ::testing::UnorderedElementsAre("name", "demographics", "personality", "primary_location", "timezone",
                                              "activity_schedule", "content_themes", "engagement_style"));
  EXPECT_THAT(Paths({{"name", "Joy"}}, /*partial=*/true), ::testing::IsEmpty());
}

struct BadField {
  const char* pointer;  // JSON pointer of the member to replace
  json value;
  const char* path;  // expected error path
};

class ValidatePersonaRejects : public ::testing::TestWithParam<BadField> {};

TEST_P(ValidatePersonaRejects, NamingTheField) {
  json body = Valid();
  body[json::json_pointer(GetParam().pointer)] = GetParam().value;
  EXPECT_THAT(Paths(body), ::testing::ElementsAre(GetParam().path));
}

INSTANTIATE_TEST_SUITE_P(
    Cases, ValidatePersonaRejects,
    ::testing::Values(
        BadField{"/name", "", "name"}, BadField{"/name", std::string(101, 'x'), "name"}, BadField{"/name", 5, "name"},
        BadField{"/status", "deleted", "status"}, BadField{"/timezone", "Mars/Olympus", "timezone"},
        BadField{"/timezone", "../../etc/passwd", "timezone"}, BadField{"/timezone", "", "timezone"},
        BadField{"/language_preferences", json::array(), "language_preferences"},
        BadField{"/language_preferences/1", "Filipino", "language_preferences[1]"},
        BadField{"/demographics/age", 7, "demographics.age"}, BadField{"/demographics/age", "28", "demographics.age"},
        BadField{"/demographics/age", 18446744073709551615ULL, "demographics.age"},
        BadField{"/demographics/shoe_size", 40, "demographics.shoe_size"},
        BadField{"/demographics", "28, female", "demographics"},
        BadField{"/personality/interests/0", json::object(), "personality.interests[0]"},
        BadField{"/activity_schedule/posting_times/monday/1", "7pm", "activity_schedule.posting_times.monday[1]"},
        BadField{"/activity_schedule/posting_times/funday", json::array(), "activity_schedule.posting_times.funday"},
        BadField{"/activity_schedule/posts_per_day", 500, "activity_schedule.posts_per_day"},
        BadField{"/content_themes/hashtags", "#kape", "content_themes.hashtags"},
        BadField{"/engagement_style/comment_frequency", "always", "engagement_style.comment_frequency"},
        BadField{"/risk_score", 0.5, "risk_score"}, BadField{"/user_id", "someone-else", "user_id"}));

TEST(IsKnownTimezone, KnowsIanaNamesIncludingADstZone) {
  EXPECT_TRUE(IsKnownTimezone("Asia/Manila"));
  EXPECT_TRUE(IsKnownTimezone("America/New_York"));
  EXPECT_TRUE(IsKnownTimezone("UTC"));
  EXPECT_FALSE(IsKnownTimezone("Asia/Atlantis"));
  EXPECT_FALSE(IsKnownTimezone("/etc/passwd"));
  EXPECT_FALSE(IsKnownTimezone("Asia/../../etc/passwd"));
}

}  // namespace
}  // namespace persona::app
