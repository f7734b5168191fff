#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace persona::domain {

// The three engagement checkpoints of a published post (API.md): how long after
// publication each is due, and how long after that a capture counts as late and a
// missing one as missed (docs/engagement.md).
struct EngagementWindow {
  std::string_view name;    // immediate, daily, weekly
  std::string_view column;  // manual_posts column holding its snapshot
  std::chrono::seconds due_after;
  std::chrono::seconds late_after;    // after due_at
  std::chrono::seconds missed_after;  // after due_at
};

inline constexpr EngagementWindow kEngagementWindows[] = {
    {"immediate", "immediate_engagement", std::chrono::hours(1), std::chrono::minutes(30), std::chrono::hours(1)},
    {"daily", "daily_engagement", std::chrono::hours(24), std::chrono::hours(12), std::chrono::hours(24)},
    {"weekly", "weekly_engagement", std::chrono::hours(24 * 7), std::chrono::hours(24 * 3), std::chrono::hours(24 * 7)},
};

const EngagementWindow* FindEngagementWindow(std::string_view name);

// The metrics a snapshot may hold, all counts (integers >= 0); views is what rates are
// taken against.
inline constexpr std::string_view kEngagementMetrics[] = {"likes", "comments", "shares",           "views",
                                                          "saves", "clicks",   "followers_gained", "reach"};

// (field, message) for every problem of a metrics object; empty when valid. At least one
// metric is needed.
std::vector<std::pair<std::string, std::string>> ValidateEngagementMetrics(const nlohmann::json& metrics);

// Weighted engagement rate in percent: 100 × (likes + 2·comments + 3·shares + 2·saves) /
// views, rounded to 2 decimals and capped at 999.99 (the column's range); nullopt without
// views. Comments, shares and saves weigh more than likes because they cost the audience
// more effort.
std::optional<double> EngagementRate(const nlohmann::json& metrics);

// A post whose template_effectiveness reaches this counts as a success for its
// template's success_rate (the share of its measured posts that succeed, in percent).
inline constexpr double kSuccessfulEffectiveness = 2.0;

}  // namespace persona::domain
