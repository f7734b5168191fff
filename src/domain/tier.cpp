#include "domain/tier.h"

namespace persona::domain {

std::optional<int> MaxPersonasForTier(std::string_view tier) {
  if (tier == "basic") return 5;
  if (tier == "pro") return 20;
  if (tier == "enterprise") return 100;
  return std::nullopt;
}

}  // namespace persona::domain
