#include "domain/template_render.h"

#include <algorithm>
#include <cstddef>
#include <set>

#include "domain/platform.h"
#include "domain/text_length.h"

namespace persona::domain {
namespace {

using nlohmann::json;

struct Platform {
  std::string_view name;
  int text_limit;
  int default_hashtags;  // used when the hashtag strategy gives no "max"
};

constexpr Platform kPlatforms[] = {
    {"twitter", 280, 2}, {"instagram", 2200, 10}, {"tiktok", 4000, 5}, {"linkedin", 3000, 3}};

constexpr int kMaxAffix = 500;
constexpr std::size_t kMaxReplacements = 50;
constexpr int kMaxReplaceWord = 100;
constexpr int kMaxReplacement = 500;
constexpr std::size_t kMaxFixedHashtags = 30;
constexpr int kMaxHashtag = 100;
constexpr int kMaxHashtagsPerPost = 30;
// Replacements run one after another on each other's output, so words that expand into
// words replaced later could grow the text exponentially. Each one may add at most this.
constexpr std::size_t kMaxGrowthPerReplacement = std::size_t{64} * 1024;
// Placeholder names quoted in messages are cut to this many bytes: a "{{" followed by a
// whole paragraph should not come back as one message.
constexpr std::size_t kMaxQuotedName = 60;

const Platform* FindPlatform(std::string_view name) {
  auto canonical = CanonicalPlatform(name);
  for (const auto& platform : kPlatforms) {
    if (canonical && platform.name == *canonical) return &platform;
  }
  return nullptr;
}

// Length in bytes of the valid UTF-8 sequence at text[pos], with its code point; 0 if
// the bytes there are not valid UTF-8 (a stray continuation byte, a truncated sequence,
// an overlong form, a surrogate, or beyond U+10FFFF).
std::size_t DecodeUtf8(std::string_view text, std::size_t pos, char32_t& code_point) {
  auto lead = static_cast<unsigned char>(text[pos]);
  std::size_t length = 0;
  if (lead < 0x80) {
    code_point = lead;
    return 1;
  }
  if (lead >= 0xc2 && lead <= 0xdf) {
    length = 2;
    code_point = lead & 0x1f;
  } else if (lead >= 0xe0 && lead <= 0xef) {
    length = 3;
    code_point = lead & 0x0f;
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    length = 4;
    code_point = lead & 0x07;
  } else {
    return 0;
  }
  if (text.size() - pos < length) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    auto next = static_cast<unsigned char>(text[pos + k]);
    if ((next & 0xc0) != 0x80) return 0;
    code_point = (code_point << 6) | (next & 0x3f);
  }
  if (length == 3 && (code_point < 0x800 || (code_point >= 0xd800 && code_point <= 0xdfff))) return 0;
  if (length == 4 && (code_point < 0x10000 || code_point > 0x10ffff)) return 0;
  return length;
}

// Unicode White_Space: what a hashtag may not contain (platforms end the tag there).
bool IsWhiteSpace(char32_t c) {
  return (c >= 0x09 && c <= 0x0d) || c == 0x20 || c == 0x85 || c == 0xa0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 || c == 0x202f || c == 0x205f || c == 0x3000;
}

// Whether a character continues a word, for whole-word replacement. ASCII letters,
// digits and '_', and (roughly, without Unicode tables) the letters of alphabetic
// scripts below U+2000 apart from Latin-1's punctuation and symbols. Above that come
// punctuation, symbols, emoji and scripts written without spaces: not word characters.
bool IsWordCharacter(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  if (c <= 0xbf || c == 0xd7 || c == 0xf7) return false;
  return c < 0x2000;
}

// The word-ness of the character that starts at `pos`, and of the one that ends just
// before `pos`. Invalid bytes are not word characters.
bool WordCharacterAt(std::string_view text, std::size_t pos) {
  char32_t c = 0;
  return pos < text.size() && DecodeUtf8(text, pos, c) != 0 && IsWordCharacter(c);
}

bool WordCharacterBefore(std::string_view text, std::size_t pos) {
  for (std::size_t back = 1; back <= 4 && back <= pos; ++back) {
    auto byte = static_cast<unsigned char>(text[pos - back]);
    if ((byte & 0xc0) == 0x80) continue;  // a continuation byte: keep looking for the lead
    char32_t c = 0;
    return DecodeUtf8(text, pos - back, c) == back && IsWordCharacter(c);
  }
  return false;
}

std::string_view TrimSpace(std::string_view text) {
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; };
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

// A member of `object`, or nullptr when `object` is null, not an object, or lacks it.
const json* Member(const json* object, const std::string& key) {
  if (object == nullptr || !object->is_object()) return nullptr;
  auto it = object->find(key);
  return it == object->end() ? nullptr : &*it;
}

bool IsTextUpTo(const json& value, int max_characters) {
  return value.is_string() && CountCharacters(value.get_ref<const std::string&>()) <= max_characters;
}

std::string AsciiLower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lower;
}

// "#tag" from "tag", "#Summer Vibes" -> "#SummerVibes"; "" when nothing but '#' and
// white space is left.
std::string NormalizeHashtag(std::string_view raw) {
  std::string tag;
  for (std::size_t i = 0; i < raw.size();) {
    char32_t c = 0;
    std::size_t length = DecodeUtf8(raw, i, c);
    bool white_space = length != 0 && IsWhiteSpace(c);
    if (length == 0) length = 1;  // an invalid byte is kept, like any other character
    if (!white_space) tag.append(raw.substr(i, length));
    i += length;
  }
  if (tag.empty() || tag == "#") return "";
  if (tag.front() != '#') tag.insert(tag.begin(), '#');
  return tag;
}

// --- validation -----------------------------------------------------------------------

void CheckAffix(const json& value, const std::string& path, Problems& problems) {
  if (!IsTextUpTo(value, kMaxAffix)) {
    problems.push_back({path, "must be text of at most " + std::to_string(kMaxAffix) + " characters"});
  }
}

void CheckReplace(const json& value, const std::string& path, Problems& problems) {
  if (!value.is_object() || value.size() > kMaxReplacements) {
    problems.push_back({path, "must be an object of at most " + std::to_string(kMaxReplacements) +
                                  " \"word\": \"replacement\" pairs"});
    return;
  }
  for (const auto& [word, replacement] : value.items()) {
    int length = CountCharacters(word);
    if (length < 1 || length > kMaxReplaceWord) {
      problems.push_back(
          {path + "." + word, "the word to replace must be 1 to " + std::to_string(kMaxReplaceWord) + " characters"});
    } else if (!IsTextUpTo(replacement, kMaxReplacement)) {
      problems.push_back(
          {path + "." + word, "must be text of at most " + std::to_string(kMaxReplacement) + " characters"});
    }
  }
}

// replace/prefix/suffix, and at the top level also platforms.
void CheckRuleSet(const json& rules, const std::string& path, bool top_level, Problems& problems) {
  if (!rules.is_object()) {
    problems.push_back({path, "must be an object"});
    return;
  }
  for (const auto& [key, value] : rules.items()) {
    std::string member = path + "." + key;
    if (key == "replace") {
      CheckReplace(value, member, problems);
    } else if (key == "prefix" || key == "suffix") {
      CheckAffix(value, member, problems);
    } else if (key == "platforms" && top_level) {
      if (!value.is_object()) {
        problems.push_back({member, "must be an object keyed by platform"});
        continue;
      }
      std::set<std::string_view> seen;
      for (const auto& [platform, platform_rules] : value.items()) {
        const Platform* found = FindPlatform(platform);
        if (found == nullptr) {
          problems.push_back({member + "." + platform, std::string("is not a platform; use ") + kPlatformChoices});
        } else if (!seen.insert(found->name).second) {
          problems.push_back({member + "." + platform, "names the same platform as another member (x is twitter)"});
        } else {
          CheckRuleSet(platform_rules, member + "." + platform, false, problems);
        }
      }
    } else {
      problems.push_back({member, top_level ? "is not a known member (replace, prefix, suffix, platforms)"
                                            : "is not a known member (replace, prefix, suffix)"});
    }
  }
}

void CheckHashtagRule(const json& rule, const std::string& path, Problems& problems) {
  if (!rule.is_object()) {
    problems.push_back({path, "must be an object"});
    return;
  }
  for (const auto& [key, value] : rule.items()) {
    std::string member = path + "." + key;
    if (key == "fixed") {
      if (!value.is_array() || value.size() > kMaxFixedHashtags) {
        problems.push_back({member, "must be a list of at most " + std::to_string(kMaxFixedHashtags) + " hashtags"});
        continue;
      }
      for (std::size_t i = 0; i < value.size(); ++i) {
        std::string item = member + "[" + std::to_string(i) + "]";
        const json& tag = value[i];
        if (!tag.is_string() || tag.get_ref<const std::string&>().empty() || !IsTextUpTo(tag, kMaxHashtag)) {
          problems.push_back({item, "must be a hashtag of 1 to " + std::to_string(kMaxHashtag) + " characters"});
        } else if (NormalizeHashtag(tag.get_ref<const std::string&>()).empty()) {
          problems.push_back({item, "must have more in it than '#' and spaces"});
        }
      }
    } else if (key == "include_persona_hashtags") {
      if (!value.is_boolean()) problems.push_back({member, "must be true or false"});
    } else if (key == "max") {
      bool ok =
          value.is_number_integer() &&
          (value.is_number_unsigned() ? value.get<unsigned long long>() <= kMaxHashtagsPerPost
                                      : value.get<long long>() >= 0 && value.get<long long>() <= kMaxHashtagsPerPost);
      if (!ok) {
        problems.push_back({member, "must be a whole number from 0 to " + std::to_string(kMaxHashtagsPerPost)});
      }
    } else {
      problems.push_back({member, "is not a known member (fixed, include_persona_hashtags, max)"});
    }
  }
}

// --- rendering ------------------------------------------------------------------------

void AddOnce(Problems& problems, Problem problem) {
  if (std::find(problems.begin(), problems.end(), problem) == problems.end()) problems.push_back(std::move(problem));
}

std::string Quoted(std::string_view name) {
  if (name.size() > kMaxQuotedName) {
    std::size_t cut = kMaxQuotedName;
    while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xc0) == 0x80) --cut;  // not inside a character
    return "{{" + std::string(name.substr(0, cut)) + "…}}";
  }
  return "{{" + std::string(name) + "}}";
}

// The text a persona value renders as: strings as they are, numbers and booleans as JSON
// writes them, lists of those joined with ", ". nullopt for null, objects, and lists
// holding anything else.
std::optional<std::string> ValueText(const json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number() || value.is_boolean()) return value.dump();
  if (!value.is_array()) return std::nullopt;
  std::string joined;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const json& item = value[i];
    if (!(item.is_string() || item.is_number() || item.is_boolean())) return std::nullopt;
    if (i > 0) joined += ", ";
    joined += item.is_string() ? item.get<std::string>() : item.dump();
  }
  return joined;
}

std::optional<std::string> Theme(const RenderInput& input, Problems& problems) {
  if (input.theme) return *input.theme;
  const json* topics = Member(Member(&input.persona, "content_themes"), "topics");
  if (topics != nullptr && topics->is_array() && !topics->empty() && topics->front().is_string()) {
    return topics->front().get<std::string>();
  }
  AddOnce(problems, {"template_text", "the persona has no content_themes.topics to fill {{theme}}"});
  return std::nullopt;
}

std::optional<std::string> PlaceholderValue(const RenderInput& input, std::string_view name, Problems& problems) {
  if (name == "theme") return Theme(input, problems);
  const json* value = nullptr;
  bool known = true;
  constexpr std::string_view kDemographics = "persona.demographics.";
  constexpr std::string_view kPersonality = "persona.personality.";
  if (name == "persona.name" || name == "persona.primary_location") {
    value = Member(&input.persona, std::string(name.substr(std::string_view("persona.").size())));
  } else if (name.size() > kDemographics.size() && name.substr(0, kDemographics.size()) == kDemographics) {
    value = Member(Member(&input.persona, "demographics"), std::string(name.substr(kDemographics.size())));
  } else if (name.size() > kPersonality.size() && name.substr(0, kPersonality.size()) == kPersonality) {
    value = Member(Member(&input.persona, "personality"), std::string(name.substr(kPersonality.size())));
  } else {
    known = false;
  }
  if (!known) {
    AddOnce(problems, {"template_text", "unknown placeholder " + Quoted(name) +
                                            "; use persona.name, persona.primary_location, persona.demographics.KEY, "
                                            "persona.personality.KEY or theme"});
    return std::nullopt;
  }
  if (value == nullptr || value->is_null()) {
    AddOnce(problems, {"template_text", Quoted(name) + " has no value for this persona"});
    return std::nullopt;
  }
  auto text = ValueText(*value);
  if (!text) AddOnce(problems, {"template_text", Quoted(name) + " is not text, a number or a list of them"});
  return text;
}

// template_text with every {{placeholder}} filled in. Values are inserted as they are and
// never scanned again, so a persona's name holding "{{" stays literal text.
std::string FillPlaceholders(const RenderInput& input, Problems& problems) {
  std::string_view text = input.template_text;
  std::string out;
  std::size_t pos = 0;
  while (true) {
    auto open = text.find("{{", pos);
    if (open == std::string_view::npos) {
      out.append(text.substr(pos));
      break;
    }
    out.append(text.substr(pos, open - pos));
    auto close = text.find("}}", open + 2);
    if (close == std::string_view::npos) {
      AddOnce(problems, {"template_text", "has a \"{{\" without a closing \"}}\""});
      break;
    }
    if (auto value = PlaceholderValue(input, TrimSpace(text.substr(open + 2, close - open - 2)), problems)) {
      out += *value;
    }
    pos = close + 2;
  }
  return out;
}

// Every whole occurrence of `word` in `text` replaced, left to right; nullopt if that
// would add more than kMaxGrowthPerReplacement bytes. "Whole" means not part of a larger
// word: "cat" is replaced in "a cat." but not in "category" or "bobcat".
std::optional<std::string> ReplaceWhole(std::string_view text, std::string_view word, std::string_view replacement) {
  if (word.empty()) return std::string(text);  // validation refuses it; finding "" would never advance
  bool word_starts_with_word_character = WordCharacterAt(word, 0);
  bool word_ends_with_word_character = WordCharacterBefore(word, word.size());
  std::string out;
  std::size_t copied = 0;
  std::size_t search = 0;
  while (true) {
    auto hit = text.find(word, search);
    if (hit == std::string_view::npos) break;
    std::size_t end = hit + word.size();
    bool whole = !(word_starts_with_word_character && WordCharacterBefore(text, hit)) &&
                 !(word_ends_with_word_character && WordCharacterAt(text, end));
    if (!whole) {
      search = hit + 1;
      continue;
    }
    out.append(text.substr(copied, hit - copied));
    out.append(replacement);
    copied = search = end;
    if (out.size() > text.size() + kMaxGrowthPerReplacement) return std::nullopt;
  }
  out.append(text.substr(copied));
  return out;
}

std::string JoinWithSpace(const std::vector<std::string>& parts) {
  std::string joined;
  for (const auto& part : parts) {
    if (part.empty()) continue;
    if (!joined.empty()) joined += ' ';
    joined += part;
  }
  return joined;
}

// Applies one validated rule set's replacements, then its prefix and suffix.
bool ApplyRules(const json* rules, const std::string& path, std::string& body, Problems& problems) {
  if (const json* replace = Member(rules, "replace")) {
    for (const auto& [word, replacement] : replace->items()) {
      auto replaced = ReplaceWhole(body, word, replacement.get_ref<const std::string&>());
      if (!replaced) {
        problems.push_back({path + ".replace." + word,
                            "makes the text grow by more than " + std::to_string(kMaxGrowthPerReplacement) + " bytes"});
        return false;
      }
      body = std::move(*replaced);
    }
  }
  const json* prefix = Member(rules, "prefix");
  const json* suffix = Member(rules, "suffix");
  body = JoinWithSpace(
      {prefix != nullptr ? prefix->get<std::string>() : "", body, suffix != nullptr ? suffix->get<std::string>() : ""});
  return true;
}

std::vector<std::string> ChooseHashtags(const RenderInput& input, const Platform& platform) {
  const json* rule = Member(&input.hashtag_strategy, std::string(platform.name));
  if (rule == nullptr) rule = Member(&input.hashtag_strategy, "default");
  bool include_persona = true;
  if (const json* include = Member(rule, "include_persona_hashtags")) include_persona = include->get<bool>();
  int max = platform.default_hashtags;
  if (const json* value = Member(rule, "max")) max = value->get<int>();

  std::vector<std::string_view> candidates;
  auto add_strings = [&](const json* list) {
    if (list == nullptr || !list->is_array()) return;
    for (const auto& item : *list) {
      if (item.is_string()) candidates.push_back(item.get_ref<const std::string&>());
    }
  };
  add_strings(Member(rule, "fixed"));
  if (include_persona) add_strings(Member(Member(&input.persona, "content_themes"), "hashtags"));

  std::vector<std::string> hashtags;
  std::set<std::string> seen;  // ASCII-lowercased: #Manila and #manila are one tag
  for (std::string_view candidate : candidates) {
    if (static_cast<int>(hashtags.size()) >= max) break;
    std::string tag = NormalizeHashtag(candidate);
    if (tag.empty() || !seen.insert(AsciiLower(tag)).second) continue;
    hashtags.push_back(std::move(tag));
  }
  return hashtags;
}

}  // namespace

std::optional<int> PlatformTextLimit(std::string_view platform) {
  const Platform* found = FindPlatform(platform);
  if (found == nullptr) return std::nullopt;
  return found->text_limit;
}

int CountCharacters(std::string_view text) {
  int count = 0;
  for (std::size_t i = 0; i < text.size(); ++count) {
    char32_t c = 0;
    std::size_t length = DecodeUtf8(text, i, c);
    i += length == 0 ? 1 : length;
  }
  return count;
}

Problems ValidatePersonalizationRules(const json& rules) {
  Problems problems;
  if (!rules.is_null()) CheckRuleSet(rules, "personalization_rules", true, problems);
  return problems;
}

Problems ValidateHashtagStrategy(const json& strategy) {
  Problems problems;
  if (strategy.is_null()) return problems;
  if (!strategy.is_object()) return {{"hashtag_strategy", "must be an object"}};
  std::set<std::string_view> seen;
  for (const auto& [key, rule] : strategy.items()) {
    const Platform* found = FindPlatform(key);
    if (found != nullptr && !seen.insert(found->name).second) {
      problems.push_back({"hashtag_strategy." + key, "names the same platform as another member (x is twitter)"});
    } else if (key == "default" || found != nullptr) {
      CheckHashtagRule(rule, "hashtag_strategy." + key, problems);
    } else {
      problems.push_back(
          {"hashtag_strategy." + key, std::string("is not a known member; use default, ") + kPlatformChoices});
    }
  }
  return problems;
}

RenderResult Render(const RenderInput& input) {
  Problems problems;
  const Platform* platform = FindPlatform(input.platform);
  if (platform == nullptr) problems.push_back({"platform_type", std::string("must be one of ") + kPlatformChoices});
  for (auto& problem : ValidatePersonalizationRules(input.personalization_rules)) problems.push_back(problem);
  for (auto& problem : ValidateHashtagStrategy(input.hashtag_strategy)) problems.push_back(problem);
  std::string body = FillPlaceholders(input, problems);
  if (!problems.empty()) return {std::nullopt, std::move(problems)};

  // The general rules first, then the platform's, which so wrap the general ones.
  const json* general = &input.personalization_rules;
  const json* specific = Member(Member(general, "platforms"), std::string(platform->name));
  if (!ApplyRules(general, "personalization_rules", body, problems) ||
      !ApplyRules(specific, "personalization_rules.platforms." + std::string(platform->name), body, problems)) {
    return {std::nullopt, std::move(problems)};
  }

  Rendered rendered;
  rendered.hashtags = ChooseHashtags(input, *platform);
  rendered.text = std::move(body);
  if (!rendered.hashtags.empty()) {
    if (!rendered.text.empty()) rendered.text += "\n\n";
    for (std::size_t i = 0; i < rendered.hashtags.size(); ++i) {
      rendered.text += (i == 0 ? "" : " ") + rendered.hashtags[i];
    }
  }
  rendered.length = PostLength(rendered.text, platform->name);
  rendered.platform_limit = platform->text_limit;
  Problems over;
  if (rendered.length > platform->text_limit) {
    over.push_back({"template_text", "renders to " + std::to_string(rendered.length) + " characters; " +
                                         std::string(platform->name) + " allows " +
                                         std::to_string(platform->text_limit)});
  }
  return {std::move(rendered), std::move(over)};
}

}  // namespace persona::domain
