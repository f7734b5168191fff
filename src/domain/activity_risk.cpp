#include "domain/activity_risk.h"

#include <algorithm>
#include <cmath>

namespace persona::domain {

BurstAssessment AssessBurst(long long actions_last_hour, long long actions_previous_week) {
  double usual = std::max(static_cast<double>(actions_previous_week) / (7 * 24), kHumanHourlyFloor);
  double ratio = static_cast<double>(actions_last_hour) / usual;
  double score = std::clamp((ratio - 1) / 9, 0.0, 1.0);
  score = std::round(score * 10000) / 10000;
  BurstAssessment out;
  out.anomaly_score = score;
  out.risk_level = score < 0.3 ? "low" : score < 0.6 ? "medium" : score < 0.9 ? "high" : "critical";
  return out;
}

}  // namespace persona::domain
