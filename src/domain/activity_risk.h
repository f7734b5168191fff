#pragma once

#include <string>

namespace persona::domain {

struct BurstAssessment {
  double anomaly_score = 0;        // 0..1, 4 decimals
  std::string risk_level = "low";  // low, medium, high, critical
};

// How far a persona's manual actions in the last hour (this one included) run above its
// own usual rate, the hourly average of the 7 days before (docs/activity.md):
// ratio = last_hour / max(usual per hour, kHumanHourlyFloor); score = (ratio - 1) / 9
// clamped to 0..1, so the usual rate scores 0 and ten times it scores 1. Levels: low
// below 0.3, medium below 0.6, high below 0.9, else critical.
BurstAssessment AssessBurst(long long actions_last_hour, long long actions_previous_week);

// Below this many actions an hour nothing is a burst: a person liking a few posts in a
// row is ordinary even for a persona with no history.
inline constexpr double kHumanHourlyFloor = 5.0;

}  // namespace persona::domain
