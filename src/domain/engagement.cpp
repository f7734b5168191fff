#include "domain/engagement.h"

#include <algorithm>
#include <cmath>

namespace persona::domain {

const EngagementWindow* FindEngagementWindow(std::string_view name) {
  for (const auto& window : kEngagementWindows) {
    if (window.name == name) return &window;
  }
  return nullptr;
}

std::vector<std::pair<std::string, std::string>> ValidateEngagementMetrics(const nlohmann::json& metrics) {
  if (!metrics.is_object()) return {{"", "the request body must be a JSON object of counts"}};
  std::vector<std::pair<std::string, std::string>> errors;
  if (metrics.empty()) errors.emplace_back("", "give at least one count, such as likes or views");
  for (const auto& [key, value] : metrics.items()) {
    if (std::find(std::begin(kEngagementMetrics), std::end(kEngagementMetrics), key) == std::end(kEngagementMetrics)) {
      errors.emplace_back(key,
                          "is not a metric (likes, comments, shares, views, saves, clicks, followers_gained, reach)");
    } else if (!value.is_number_integer() || value.get<long long>() < 0 ||
               value.get<long long>() > 2'000'000'000'000LL) {
      errors.emplace_back(key, "must be a whole number of at least 0");
    }
  }
  return errors;
}

std::optional<double> EngagementRate(const nlohmann::json& metrics) {
  auto count = [&metrics](const char* name) { return static_cast<double>(metrics.value(name, 0ULL)); };
  double views = count("views");
  if (views <= 0) return std::nullopt;
  double weighted = count("likes") + 2 * count("comments") + 3 * count("shares") + 2 * count("saves");
  double rate = std::round(100.0 * weighted / views * 100.0) / 100.0;
  return std::min(rate, 999.99);
}

}  // namespace persona::domain
