// The template renderer (domain/template_render) on its own, with every part of its input
// fuzzed. The input is NUL-separated parts:
//   template_text \0 personalization_rules (JSON) \0 hashtag_strategy (JSON) \0 platform
//   \0 theme \0 persona (JSON)
// Missing parts: no rules, no strategy, twitter, no theme, the seed persona; a part that
// is not JSON counts as null. Checked beyond the sanitizers: a rendering reports its own
// length and limit correctly, keeps to the hashtag rules, and stays valid UTF-8 when its
// input is (it is stored as text and sent as JSON).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "domain/template_render.h"
#include "domain/text_length.h"
#include "utf8.h"

namespace {

using nlohmann::json;
using persona::fuzz::IsValidUtf8;

[[noreturn]] void Fail(const std::string& what) {
  std::fprintf(stderr, "template_render: %s\n", what.c_str());
  std::abort();
}

json Parse(std::string_view text) {
  auto parsed = json::parse(text, nullptr, false);
  return parsed.is_discarded() ? json(nullptr) : parsed;
}

const json& SeedPersona() {
  static const json kPersona = {
      {"id", "22222222-2222-4222-8222-222222222222"},
      {"name", "Maria"},
      {"primary_location", "Manila"},
      {"demographics", {{"age", 27}, {"occupation", "nurse"}}},
      {"personality", {{"interests", {"food", "travel"}}, {"communication_style", "warm"}}},
      {"content_themes", {{"topics", {"street food"}}, {"hashtags", {"#Manila", "pinoyfood", "#Manila"}}}}};
  return kPersona;
}

bool AllStringsValid(const json& v) {
  if (v.is_string()) return IsValidUtf8(v.get_ref<const std::string&>());
  if (v.is_object()) {
    for (const auto& [key, member] : v.items()) {
      if (!IsValidUtf8(key) || !AllStringsValid(member)) return false;
    }
  }
  if (v.is_array()) {
    for (const auto& item : v) {
      if (!AllStringsValid(item)) return false;
    }
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::vector<std::string_view> parts;
  std::string_view rest(reinterpret_cast<const char*>(data), size);
  while (parts.size() < 5) {
    auto nul = rest.find('\0');
    if (nul == std::string_view::npos) break;
    parts.push_back(rest.substr(0, nul));
    rest.remove_prefix(nul + 1);
  }
  parts.push_back(rest);
  auto part = [&](std::size_t i) { return i < parts.size() ? std::optional(parts[i]) : std::nullopt; };

  persona::domain::RenderInput input;
  input.template_text = std::string(parts[0]);
  input.personalization_rules = part(1) ? Parse(*part(1)) : json(nullptr);
  input.hashtag_strategy = part(2) ? Parse(*part(2)) : json(nullptr);
  input.platform = part(3) ? std::string(*part(3)) : "twitter";
  if (part(4)) input.theme = std::string(*part(4));
  input.persona = part(5) ? Parse(*part(5)) : SeedPersona();

  bool valid_input = IsValidUtf8(input.template_text) && IsValidUtf8(input.platform) &&
                     (!input.theme || IsValidUtf8(*input.theme)) && AllStringsValid(input.persona) &&
                     AllStringsValid(input.personalization_rules) && AllStringsValid(input.hashtag_strategy);
  auto result = persona::domain::Render(input);
  for (const auto& [field, message] : result.errors) {
    if (valid_input && (!IsValidUtf8(field) || !IsValidUtf8(message))) Fail("an error that is not UTF-8: " + field);
  }
  if (!result.rendered) {
    if (result.errors.empty()) Fail("no rendering and no error");
    return 0;
  }
  const auto& r = *result.rendered;
  auto limit = persona::domain::PlatformTextLimit(input.platform);
  if (!limit || r.platform_limit != *limit) Fail("platform_limit is not the platform's");
  if (r.length != persona::domain::PostLength(r.text, input.platform)) Fail("length is not PostLength of the text");
  if ((r.length > r.platform_limit) != !result.errors.empty()) Fail("errors do not match the length check");
  for (const auto& tag : r.hashtags) {
    if (tag.size() < 2 || tag[0] != '#') Fail("a hashtag without its #: " + tag);
    if (r.text.find(tag) == std::string::npos) Fail("a hashtag missing from the text: " + tag);
  }
  if (valid_input) {
    if (!IsValidUtf8(r.text)) Fail("valid UTF-8 in, invalid UTF-8 out");
    for (const auto& tag : r.hashtags) {
      if (!IsValidUtf8(tag)) Fail("a hashtag that is not valid UTF-8");
    }
  }
  return 0;
}
