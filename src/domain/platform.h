#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace persona::domain {

// The platforms Persona knows, by canonical name: twitter, instagram, tiktok, linkedin.
// "x" is what people call Twitter now: accepted wherever a platform is named and stored
// as "twitter", so old and new rows compare equal. Anything else is nullopt.
std::optional<std::string> CanonicalPlatform(std::string_view name);

// For messages: the names CanonicalPlatform accepts.
inline constexpr char kPlatformChoices[] = "twitter (or x), instagram, tiktok, linkedin";

}  // namespace persona::domain
