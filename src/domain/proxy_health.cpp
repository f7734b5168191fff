#include "domain/proxy_health.h"

#include <algorithm>
#include <cmath>

namespace persona::domain {

std::string_view ToString(HealthStatus status) {
  switch (status) {
    case HealthStatus::kHealthy:
      return "healthy";
    case HealthStatus::kDegraded:
      return "degraded";
    case HealthStatus::kFailed:
      return "failed";
  }
  return "failed";  // unreachable for a valid enumerator; keeps -Wreturn-type quiet
}

HealthStatus Classify(bool reachable, int response_time_ms, const HealthThresholds& thresholds) {
  if (!reachable) return HealthStatus::kFailed;
  if (response_time_ms > thresholds.degraded_after_ms) return HealthStatus::kDegraded;
  return HealthStatus::kHealthy;
}

double UptimePercentage(long long checks, long long failed) {
  if (checks <= 0) return 100.0;
  failed = std::clamp(failed, 0LL, checks);
  double percentage = static_cast<double>(checks - failed) * 100.0 / static_cast<double>(checks);
  return std::round(percentage * 100.0) / 100.0;
}

}  // namespace persona::domain
