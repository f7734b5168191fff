#include "domain/template_render.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace persona::domain {
namespace {

using nlohmann::json;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Pair;

json Persona() {
  return json::parse(R"({
    "name": "Ana Cruz",
    "primary_location": "Manila",
    "demographics": {"age": 29, "occupation": "nurse", "gender": null, "extra": {"nested": true}},
    "personality": {"interests": ["coffee", "hiking", 3], "communication_style": "warm", "values": []},
    "content_themes": {"topics": ["street food", "travel"], "hashtags": ["#Manila", "foodie"]}
  })");
}

RenderInput Input(std::string template_text, std::string platform = "instagram") {
  RenderInput input;
  input.persona = Persona();
  input.template_text = std::move(template_text);
  input.platform = std::move(platform);
  // No persona hashtags unless a test asks for them, so texts stay short to compare.
  input.hashtag_strategy = json::parse(R"({"default": {"include_persona_hashtags": false}})");
  return input;
}

// The rendered text, or the problems joined, so a failure shows why.
std::string TextOf(const RenderInput& input) {
  auto result = Render(input);
  if (result.rendered && result.errors.empty()) return result.rendered->text;
  std::string errors = "ERRORS:";
  for (const auto& [field, message] : result.errors) errors += " [" + field + ": " + message + "]";
  return errors;
}

Problems ErrorsOf(const RenderInput& input) { return Render(input).errors; }

TEST(PlatformTextLimit, KnowsTheFourPlatforms) {
  EXPECT_EQ(PlatformTextLimit("twitter"), 280);
  EXPECT_EQ(PlatformTextLimit("instagram"), 2200);
  EXPECT_EQ(PlatformTextLimit("tiktok"), 4000);
  EXPECT_EQ(PlatformTextLimit("linkedin"), 3000);
}

TEST(PlatformTextLimit, IsEmptyForOtherPlatforms) {
  EXPECT_EQ(PlatformTextLimit("facebook"), std::nullopt);
  EXPECT_EQ(PlatformTextLimit("Twitter"), std::nullopt);
  EXPECT_EQ(PlatformTextLimit(""), std::nullopt);
}

TEST(CountCharacters, CountsCodePointsNotBytes) {
  EXPECT_EQ(CountCharacters(""), 0);
  EXPECT_EQ(CountCharacters("Ana"), 3);
  EXPECT_EQ(CountCharacters("Piña"), 4);
  EXPECT_EQ(CountCharacters("日本"), 2);
  EXPECT_EQ(CountCharacters("🍜!"), 2);
}

TEST(CountCharacters, CountsEachByteOfInvalidUtf8AsOneCharacter) {
  EXPECT_EQ(CountCharacters("\xff\xfe"), 2);
  EXPECT_EQ(CountCharacters("a\xe2\x82"), 3);     // truncated three-byte sequence
  EXPECT_EQ(CountCharacters("\xc0\xaf"), 2);      // overlong '/'
  EXPECT_EQ(CountCharacters("\xed\xa0\x80"), 3);  // UTF-16 surrogate
  EXPECT_EQ(CountCharacters("\x80ñ"), 2);         // a stray continuation byte, then ñ
}

TEST(Render, FillsPersonaPlaceholders) {
  EXPECT_EQ(TextOf(Input("{{persona.name}} from {{persona.primary_location}}, {{persona.demographics.age}}, "
                         "{{persona.demographics.occupation}}, {{persona.personality.communication_style}}")),
            "Ana Cruz from Manila, 29, nurse, warm");
}

TEST(Render, JoinsListValuesWithCommas) {
  EXPECT_EQ(TextOf(Input("Likes: {{persona.personality.interests}}.")), "Likes: coffee, hiking, 3.");
  EXPECT_EQ(TextOf(Input("[{{persona.personality.values}}]")), "[]");
}

TEST(Render, AllowsWhitespaceInsideTheBraces) {
  EXPECT_EQ(TextOf(Input("Hi, {{ persona.name }} and {{\tpersona.primary_location\n}}!")), "Hi, Ana Cruz and Manila!");
}

TEST(Render, LeavesSingleBracesAndAStrayClosingPairAlone) {
  EXPECT_EQ(TextOf(Input("{a} }} {{persona.name}}")), "{a} }} Ana Cruz");
}

TEST(Render, DoesNotRescanFilledInValues) {
  auto input = Input("{{persona.name}}");
  input.persona["name"] = "{{theme}}";
  EXPECT_EQ(TextOf(input), "{{theme}}");
}

TEST(Render, RejectsAnUnknownPlaceholderNamingIt) {
  auto errors = ErrorsOf(Input("Hi {{persona.nickname}} and {{ weather }}"));
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].first, "template_text");
  EXPECT_THAT(errors[0].second, ::testing::HasSubstr("unknown placeholder {{persona.nickname}}"));
  EXPECT_THAT(errors[1].second, ::testing::HasSubstr("{{weather}}"));
}

TEST(Render, ReportsARepeatedBadPlaceholderOnce) { EXPECT_EQ(ErrorsOf(Input("{{x}} {{x}} {{ x }}")).size(), 1u); }

TEST(Render, RejectsAbsentNullAndObjectValuesNamingThePlaceholder) {
  for (const char* placeholder : {"persona.demographics.location", "persona.demographics.gender",
                                  "persona.demographics.extra", "persona.personality.missing"}) {
    auto errors = ErrorsOf(Input(std::string("{{") + placeholder + "}}"));
    ASSERT_EQ(errors.size(), 1u) << placeholder;
    EXPECT_EQ(errors[0].first, "template_text");
    EXPECT_THAT(errors[0].second, ::testing::HasSubstr(std::string("{{") + placeholder + "}}"));
  }
}

TEST(Render, RejectsAListHoldingObjects) {
  auto input = Input("{{persona.personality.interests}}");
  input.persona["personality"]["interests"] = json::parse(R"(["coffee", {"a": 1}])");
  EXPECT_THAT(ErrorsOf(input),
              Contains(Pair("template_text", ::testing::HasSubstr("{{persona.personality.interests}}"))));
}

TEST(Render, RejectsPlaceholdersForAPersonaMissingTheWholeSection) {
  auto input = Input("{{persona.demographics.age}} {{persona.name}}");
  input.persona = json::object();
  EXPECT_EQ(ErrorsOf(input).size(), 2u);
}

TEST(Render, RejectsAnOpeningPairWithoutAClosingOne) {
  auto errors = ErrorsOf(Input("Hello {{persona.name}} and {{persona.name"));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].first, "template_text");
  EXPECT_THAT(errors[0].second, ::testing::HasSubstr("{{"));
}

TEST(Render, ShortensAVeryLongBadPlaceholderInItsMessage) {
  auto errors = ErrorsOf(Input("{{" + std::string(5000, 'x') + "}}"));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_LT(errors[0].second.size(), 300u);
}

TEST(Render, FillsThemeFromTheGivenTheme) {
  auto input = Input("Today: {{theme}}");
  input.theme = "jeepney rides";
  EXPECT_EQ(TextOf(input), "Today: jeepney rides");
}

TEST(Render, FillsThemeFromThePersonasFirstTopicWhenNoneIsGiven) {
  EXPECT_EQ(TextOf(Input("Today: {{ theme }}")), "Today: street food");
}

TEST(Render, RejectsThemeWhenThereIsNoneToUse) {
  auto input = Input("Today: {{theme}}");
  input.persona["content_themes"]["topics"] = json::array();
  EXPECT_THAT(ErrorsOf(input),
              ElementsAre(Pair("template_text", "the persona has no content_themes.topics to fill {{theme}}")));
  input.persona.erase("content_themes");
  EXPECT_EQ(ErrorsOf(input).size(), 1u);
}

TEST(Render, ReplacesWholeOccurrencesOnlyCaseSensitively) {
  auto input = Input("cat, Cat, category, bobcat, cat_x, cat2, (cat) and cat.");
  input.personalization_rules = json::parse(R"({"replace": {"cat": "pusa"}})");
  EXPECT_EQ(TextOf(input), "pusa, Cat, category, bobcat, cat_x, cat2, (pusa) and pusa.");
}

TEST(Render, TreatsAccentedLettersAsPartOfAWord) {
  auto input = Input("café caf ñcaf caf…");
  input.personalization_rules = json::parse(R"({"replace": {"caf": "X"}})");
  EXPECT_EQ(TextOf(input), "café X ñcaf X…");
}

TEST(Render, ReplacesPhrasesAndWordsEdgedWithPunctuation) {
  auto input = Input("#ad: see #ads, I love it");
  input.personalization_rules = json::parse(R"({"replace": {"#ad": "#sponsored", "I love": "Gusto ko"}})");
  EXPECT_EQ(TextOf(input), "#sponsored: see #ads, Gusto ko it");
}

TEST(Render, ReplacesAfterPlaceholdersAreFilled) {
  auto input = Input("{{persona.personality.interests}}");
  input.personalization_rules = json::parse(R"({"replace": {"coffee": "kape"}})");
  EXPECT_EQ(TextOf(input), "kape, hiking, 3");
}

TEST(Render, AppliesReplacementsInKeyOrderEachOnThePreviousResult) {
  // Written kape-first; applied in the object's (alphabetical) key order: coffee, kape.
  auto input = Input("coffee");
  input.personalization_rules = json::parse(R"({"replace": {"kape": "tea", "coffee": "kape"}})");
  EXPECT_EQ(TextOf(input), "tea");
}

TEST(Render, AppliesPlatformReplacementsAfterTheGeneralOnes) {
  auto input = Input("coffee", "twitter");
  input.personalization_rules = json::parse(R"({
    "replace": {"coffee": "kape"},
    "platforms": {"twitter": {"replace": {"kape": "barako"}}, "instagram": {"replace": {"kape": "latte"}}}
  })");
  EXPECT_EQ(TextOf(input), "barako");
  input.platform = "tiktok";
  EXPECT_EQ(TextOf(input), "kape");
}

TEST(Render, WrapsThePlatformPrefixAndSuffixAroundTheGeneralOnes) {
  auto input = Input("body", "linkedin");
  input.personalization_rules = json::parse(R"({
    "prefix": "GP", "suffix": "GS",
    "platforms": {"linkedin": {"prefix": "PP", "suffix": "PS"}}
  })");
  EXPECT_EQ(TextOf(input), "PP GP body GS PS");
}

TEST(Render, DoesNotReplaceInsidePrefixOrSuffix) {
  auto input = Input("coffee");
  input.personalization_rules =
      json::parse(R"({"prefix": "coffee:", "suffix": "coffee", "replace": {"coffee": "kape"}})");
  EXPECT_EQ(TextOf(input), "coffee: kape coffee");
}

TEST(Render, SkipsEmptyPrefixSuffixAndBodyWhenJoining) {
  auto input = Input("");
  input.personalization_rules = json::parse(R"({"prefix": "", "suffix": "Salamat!"})");
  EXPECT_EQ(TextOf(input), "Salamat!");
}

TEST(Render, StopsReplacementsThatWouldGrowTheTextWithoutBound) {
  std::string b_words;
  std::string c_words;
  for (int i = 0; i < 250; ++i) {
    b_words += "b ";
    c_words += "c ";
  }
  auto input = Input("a");
  input.personalization_rules = {{"replace", {{"a", b_words}, {"b", c_words}, {"c", b_words}}}};
  auto errors = ErrorsOf(input);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].first, "personalization_rules.replace.b");
}

TEST(Render, AppendsFixedThenPersonaHashtagsAfterABlankLine) {
  auto input = Input("Kain tayo!");
  input.hashtag_strategy = json::parse(R"({"default": {"fixed": ["#PinoyFood", "street eats"]}})");
  auto result = Render(input);
  ASSERT_TRUE(result.rendered.has_value()) << TextOf(input);
  EXPECT_THAT(result.rendered->hashtags, ElementsAre("#PinoyFood", "#streeteats", "#Manila", "#foodie"));
  EXPECT_EQ(result.rendered->text, "Kain tayo!\n\n#PinoyFood #streeteats #Manila #foodie");
}

TEST(Render, RemovesUnicodeWhiteSpaceFromHashtags) {
  auto input = Input("x");
  input.hashtag_strategy =
      json::parse(R"({"default": {"fixed": [" summer\u00a0vibes\u3000ph "], "include_persona_hashtags": false}})");
  EXPECT_EQ(TextOf(input), "x\n\n#summervibesph");
}

TEST(Render, DropsHashtagsThatRepeatIgnoringCase) {
  auto input = Input("x");
  input.hashtag_strategy = json::parse(R"({"default": {"fixed": ["#manila", "MANILA", "#Food"]}})");
  input.persona["content_themes"]["hashtags"] = json::parse(R"(["#food", "#Manila", "#travel"])");
  EXPECT_EQ(TextOf(input), "x\n\n#manila #Food #travel");
}

TEST(Render, CutsHashtagsToThePlatformDefaultMaximum) {
  auto input = Input("x");
  input.hashtag_strategy = json::object();
  input.persona["content_themes"]["hashtags"] = json::array();
  for (int i = 0; i < 12; ++i) input.persona["content_themes"]["hashtags"].push_back("#t" + std::to_string(i));
  const std::vector<std::pair<std::string, std::size_t>> expectations = {
      {"twitter", 2}, {"instagram", 10}, {"tiktok", 5}, {"linkedin", 3}};
  for (const auto& [platform, expected] : expectations) {
    input.platform = platform;
    auto result = Render(input);
    ASSERT_TRUE(result.rendered.has_value()) << platform;
    EXPECT_EQ(result.rendered->hashtags.size(), expected) << platform;
    EXPECT_EQ(result.rendered->hashtags.front(), "#t0") << platform;
  }
}

TEST(Render, UsesThePlatformsHashtagRuleInsteadOfTheDefault) {
  auto input = Input("x", "twitter");
  input.hashtag_strategy = json::parse(R"({
    "default": {"fixed": ["#fromdefault"], "max": 5, "include_persona_hashtags": false},
    "twitter": {"fixed": ["#fortwitter"]}
  })");
  auto result = Render(input);
  ASSERT_TRUE(result.rendered.has_value()) << TextOf(input);
  // Nothing merged from "default": its tag and its max are gone, persona tags are back.
  EXPECT_THAT(result.rendered->hashtags, ElementsAre("#fortwitter", "#Manila"));
  input.platform = "instagram";
  EXPECT_EQ(TextOf(input), "x\n\n#fromdefault");
}

TEST(Render, LeavesOutPersonaHashtagsWhenTheRuleSaysSo) {
  auto input = Input("x");
  input.hashtag_strategy = json::parse(R"({"instagram": {"fixed": ["#only"], "include_persona_hashtags": false}})");
  EXPECT_EQ(TextOf(input), "x\n\n#only");
}

TEST(Render, AddsNoHashtagsAndNoBlankLineWhenMaxIsZero) {
  auto input = Input("x");
  input.hashtag_strategy = json::parse(R"({"default": {"fixed": ["#a"], "max": 0}})");
  auto result = Render(input);
  ASSERT_TRUE(result.rendered.has_value());
  EXPECT_EQ(result.rendered->text, "x");
  EXPECT_THAT(result.rendered->hashtags, IsEmpty());
}

TEST(Render, ReportsLengthAndLimit) {
  auto result = Render(Input("Piña", "tiktok"));
  ASSERT_TRUE(result.rendered.has_value());
  EXPECT_EQ(result.rendered->length, 4);
  EXPECT_EQ(result.rendered->platform_limit, 4000);
}

TEST(Render, AcceptsTextExactlyAtTheLimitCountingCodePoints) {
  std::string enye;
  for (int i = 0; i < 280; ++i) enye += "ñ";  // two bytes each
  auto result = Render(Input(enye, "twitter"));
  ASSERT_TRUE(result.rendered.has_value()) << TextOf(Input(enye, "twitter"));
  EXPECT_EQ(result.rendered->length, 280);
}

TEST(Render, RejectsTextOverTheLimitSayingByHowMuchAndKeepsTheRenderingForAPreview) {
  auto result = Render(Input(std::string(281, 'a'), "twitter"));
  EXPECT_THAT(result.errors, ElementsAre(Pair("template_text", "renders to 281 characters; twitter allows 280")));
  ASSERT_TRUE(result.rendered.has_value());
  EXPECT_EQ(result.rendered->length, 281);
}

TEST(Render, CountsTheWayThePlatformDoes) {
  // X: a URL is 23, CJK 2 each; Instagram: code points.
  auto x = Render(Input("see https://example.com/a/long/path 日本", "twitter"));
  ASSERT_TRUE(x.rendered.has_value());
  EXPECT_EQ(x.rendered->length, 4 + 23 + 1 + 4);
  auto ig = Render(Input("see https://example.com/a/long/path 日本", "instagram"));
  ASSERT_TRUE(ig.rendered.has_value());
  EXPECT_EQ(ig.rendered->length, 38);
}

TEST(Render, CountsHashtagsTowardsTheLimit) {
  auto input = Input(std::string(270, 'a'), "twitter");
  input.hashtag_strategy = json::parse(R"({"twitter": {"fixed": ["#abcdefghij"]}})");
  // 270 + "\n\n" + "#abcdefghij" + " " + "#Manila" (the persona's; twitter keeps 2) = 291.
  EXPECT_THAT(ErrorsOf(input), ElementsAre(Pair("template_text", "renders to 291 characters; twitter allows 280")));
}

TEST(Render, CountsInvalidUtf8BytesAsOneCharacterEach) {
  auto result = Render(Input("ok \xff\xfe\xc3", "instagram"));
  ASSERT_TRUE(result.rendered.has_value());
  EXPECT_EQ(result.rendered->length, 6);
  // On X each is a replacement character, outside the light ranges: 2 each.
  EXPECT_EQ(Render(Input("ok \xff\xfe\xc3", "twitter")).rendered->length, 9);
  EXPECT_EQ(result.rendered->text, "ok \xff\xfe\xc3");
}

TEST(Render, RejectsAnUnknownPlatform) {
  EXPECT_THAT(ErrorsOf(Input("x", "myspace")), ElementsAre(Pair("platform_type", ::testing::HasSubstr("twitter"))));
}

TEST(Render, ReportsEveryProblemAtOnce) {
  auto input = Input("{{nope}}", "myspace");
  input.personalization_rules = json::parse(R"({"prefix": 5})");
  input.hashtag_strategy = json::parse(R"({"twitter": {"max": 99}})");
  auto errors = ErrorsOf(input);
  EXPECT_THAT(errors, Contains(Pair("platform_type", ::testing::_)));
  EXPECT_THAT(errors, Contains(Pair("personalization_rules.prefix", ::testing::_)));
  EXPECT_THAT(errors, Contains(Pair("hashtag_strategy.twitter.max", ::testing::_)));
  EXPECT_THAT(errors, Contains(Pair("template_text", ::testing::HasSubstr("{{nope}}"))));
}

std::vector<std::string> Paths(const Problems& problems) {
  std::vector<std::string> paths;
  for (const auto& problem : problems) paths.push_back(problem.first);
  return paths;
}

TEST(ValidatePersonalizationRules, AcceptsTheDocumentedShapeNullAndEmpty) {
  EXPECT_THAT(ValidatePersonalizationRules(json()), IsEmpty());
  EXPECT_THAT(ValidatePersonalizationRules(json::object()), IsEmpty());
  EXPECT_THAT(ValidatePersonalizationRules(json::parse(R"({
    "replace": {"coffee": "kape", "delete me": ""},
    "prefix": "Magandang umaga!", "suffix": "",
    "platforms": {"twitter": {"prefix": "", "suffix": "#ad", "replace": {"kape": "barako"}}, "tiktok": {}}
  })")),
              IsEmpty());
}

TEST(ValidatePersonalizationRules, LimitsPrefixAndSuffixTo500Characters) {
  std::string five_hundred_enye;
  for (int i = 0; i < 500; ++i) five_hundred_enye += "ñ";
  EXPECT_THAT(ValidatePersonalizationRules({{"prefix", five_hundred_enye}}), IsEmpty());
  EXPECT_THAT(Paths(ValidatePersonalizationRules({{"prefix", five_hundred_enye + "x"}})),
              ElementsAre("personalization_rules.prefix"));
  EXPECT_THAT(Paths(ValidatePersonalizationRules({{"suffix", std::string(501, 's')}})),
              ElementsAre("personalization_rules.suffix"));
}

TEST(ValidatePersonalizationRules, ReportsEachBadMemberWithItsPath) {
  auto problems = ValidatePersonalizationRules(json::parse(R"({
    "prefx": "typo",
    "prefix": ["not", "text"],
    "replace": {"": "empty word", "ok": 3},
    "platforms": {"myspace": {}, "twitter": {"platforms": {}, "suffix": null}, "tiktok": []}
  })"));
  EXPECT_THAT(Paths(problems),
              ::testing::UnorderedElementsAre(
                  "personalization_rules.prefx", "personalization_rules.prefix", "personalization_rules.replace.",
                  "personalization_rules.replace.ok", "personalization_rules.platforms.myspace",
                  "personalization_rules.platforms.twitter.platforms", "personalization_rules.platforms.twitter.suffix",
                  "personalization_rules.platforms.tiktok"));
}

TEST(ValidatePersonalizationRules, RejectsWrongContainerTypes) {
  EXPECT_THAT(Paths(ValidatePersonalizationRules(json::array())), ElementsAre("personalization_rules"));
  EXPECT_THAT(Paths(ValidatePersonalizationRules("text")), ElementsAre("personalization_rules"));
  EXPECT_THAT(Paths(ValidatePersonalizationRules({{"replace", json::array()}})),
              ElementsAre("personalization_rules.replace"));
  EXPECT_THAT(Paths(ValidatePersonalizationRules({{"platforms", "twitter"}})),
              ElementsAre("personalization_rules.platforms"));
}

TEST(ValidatePersonalizationRules, LimitsReplacementCountAndLengths) {
  json many = json::object();
  for (int i = 0; i < 51; ++i) many["w" + std::to_string(i)] = "x";
  EXPECT_THAT(Paths(ValidatePersonalizationRules({{"replace", many}})), ElementsAre("personalization_rules.replace"));
  std::string long_word(101, 'w');
  EXPECT_THAT(Paths(ValidatePersonalizationRules({{"replace", {{long_word, "x"}}}})),
              ElementsAre("personalization_rules.replace." + long_word));
  EXPECT_THAT(Paths(ValidatePersonalizationRules({{"replace", {{"w", std::string(501, 'x')}}}})),
              ElementsAre("personalization_rules.replace.w"));
  EXPECT_THAT(ValidatePersonalizationRules({{"replace", {{std::string(100, 'w'), std::string(500, 'x')}}}}), IsEmpty());
}

TEST(ValidateHashtagStrategy, AcceptsTheDocumentedShapeNullAndEmpty) {
  EXPECT_THAT(ValidateHashtagStrategy(json()), IsEmpty());
  EXPECT_THAT(ValidateHashtagStrategy(json::object()), IsEmpty());
  EXPECT_THAT(ValidateHashtagStrategy(json::parse(R"({
    "default": {"fixed": ["#a", "b"], "include_persona_hashtags": true, "max": 30},
    "twitter": {"max": 0}, "instagram": {}, "tiktok": {"include_persona_hashtags": false}, "linkedin": {"fixed": []}
  })")),
              IsEmpty());
}

TEST(ValidateHashtagStrategy, ReportsEachBadMemberWithItsPath) {
  auto problems = ValidateHashtagStrategy(json::parse(R"({
    "facebook": {},
    "default": {"fixed": "#a", "maximum": 3},
    "twitter": {"max": 31, "include_persona_hashtags": "yes"},
    "instagram": {"max": -1, "fixed": ["", "#ok", 7, "#", "  "]},
    "tiktok": {"max": 2.5},
    "linkedin": "none"
  })"));
  EXPECT_THAT(Paths(problems),
              ::testing::UnorderedElementsAre(
                  "hashtag_strategy.facebook", "hashtag_strategy.default.fixed", "hashtag_strategy.default.maximum",
                  "hashtag_strategy.twitter.max", "hashtag_strategy.twitter.include_persona_hashtags",
                  "hashtag_strategy.instagram.max", "hashtag_strategy.instagram.fixed[0]",
                  "hashtag_strategy.instagram.fixed[2]", "hashtag_strategy.instagram.fixed[3]",
                  "hashtag_strategy.instagram.fixed[4]", "hashtag_strategy.tiktok.max", "hashtag_strategy.linkedin"));
}

TEST(ValidateHashtagStrategy, LimitsHashtagsTo100CharactersAndListsTo30) {
  EXPECT_THAT(ValidateHashtagStrategy({{"default", {{"fixed", {std::string(100, 'h')}}}}}), IsEmpty());
  EXPECT_THAT(Paths(ValidateHashtagStrategy({{"default", {{"fixed", {std::string(101, 'h')}}}}})),
              ElementsAre("hashtag_strategy.default.fixed[0]"));
  json thirty_one = json::array();
  for (int i = 0; i < 31; ++i) thirty_one.push_back("#t" + std::to_string(i));
  EXPECT_THAT(Paths(ValidateHashtagStrategy({{"default", {{"fixed", thirty_one}}}})),
              ElementsAre("hashtag_strategy.default.fixed"));
}

TEST(ValidateHashtagStrategy, RejectsAHugeUnsignedMax) {
  json strategy = {{"default", {{"max", 18446744073709551615ULL}}}};
  EXPECT_THAT(Paths(ValidateHashtagStrategy(strategy)), ElementsAre("hashtag_strategy.default.max"));
  EXPECT_THAT(Paths(ValidateHashtagStrategy("x")), ElementsAre("hashtag_strategy"));
}

}  // namespace
}  // namespace persona::domain
