#pragma once

#include <optional>
#include <string_view>

namespace persona::domain {

// Subscription tiers and how many personas each may hold (API.md: basic 5, pro 20,
// enterprise 100). nullopt for an unknown tier.
std::optional<int> MaxPersonasForTier(std::string_view tier);

}  // namespace persona::domain
