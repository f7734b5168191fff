#include "domain/platform.h"

#include <array>

namespace persona::domain {

std::optional<std::string> CanonicalPlatform(std::string_view name) {
  constexpr std::array<std::string_view, 4> kCanonical = {"twitter", "instagram", "tiktok", "linkedin"};
  if (name == "x") return "twitter";
  for (auto platform : kCanonical) {
    if (platform == name) return std::string(platform);
  }
  return std::nullopt;
}

}  // namespace persona::domain
