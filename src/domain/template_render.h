#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace persona::domain {

// One problem with the input: the JSON path of the field it is about
// ("personalization_rules.platforms.twitter.prefix", "template_text") and a short
// user-facing message. Same shape as ValidationError::Field, which callers map it to.
using Problem = std::pair<std::string, std::string>;
using Problems = std::vector<Problem>;

// The most characters a post may have on each platform we support (twitter 280,
// instagram 2200, tiktok 4000, linkedin 3000); nullopt for any other platform.
std::optional<int> PlatformTextLimit(std::string_view platform);

// Characters as the limits count them: Unicode code points of UTF-8 text. A byte that is
// not part of valid UTF-8 counts as one character, so bad input is measured, not fatal.
int CountCharacters(std::string_view text);

// Checks content_templates.personalization_rules against its documented shape
// (docs/templates-and-proxies.md). Paths start with "personalization_rules". null and {}
// mean no rules. Empty means valid.
Problems ValidatePersonalizationRules(const nlohmann::json& rules);

// Checks content_templates.hashtag_strategy; paths start with "hashtag_strategy". null and
// {} mean the platform defaults. Empty means valid.
Problems ValidateHashtagStrategy(const nlohmann::json& strategy);

struct RenderInput {
  // A persona object as stored: name, primary_location, demographics, personality,
  // content_themes (docs/persona-shapes.md).
  nlohmann::json persona;
  std::string template_text;
  nlohmann::json personalization_rules;
  nlohmann::json hashtag_strategy;
  std::string platform;  // twitter, instagram, tiktok, linkedin
  // Fills {{theme}}; without it the persona's first content_themes.topics entry does.
  std::optional<std::string> theme;
};

struct Rendered {
  std::string text;  // body, then "\n\n" and the hashtags joined by " " if there are any
  std::vector<std::string> hashtags;
  int length;  // PostLength(text, platform): as the platform counts it
  int platform_limit;
};

// `rendered` is set when the text could be rendered; `errors` lists every problem, a
// rendering over the platform's limit included (then both are set).
struct RenderResult {
  std::optional<Rendered> rendered;
  Problems errors;
};

// Renders a content template for one persona on one platform: placeholders filled,
// personalization rules applied, hashtags appended, length checked against the
// platform's limit. Every problem found is reported, not just the first: an unknown
// platform ("platform_type"), invalid rules or strategy, unknown or unfillable
// placeholders ("template_text"), and a text over the limit ("template_text", with the
// rendering kept, for a preview to show).
RenderResult Render(const RenderInput& input);

}  // namespace persona::domain
