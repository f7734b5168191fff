#pragma once

#include <string_view>

namespace persona::domain {

// What a proxy check concluded; stored in proxy_assignments.health_status as the
// ToString text.
enum class HealthStatus { kHealthy, kDegraded, kFailed };

// "healthy", "degraded" or "failed".
std::string_view ToString(HealthStatus status);

struct HealthThresholds {
  // A proxy that answers but slower than this is degraded: usable, but posting through it
  // feels broken and platforms notice slow, flaky clients.
  int degraded_after_ms = 1000;
};

// `reachable` is whether the TCP connect and the HTTP CONNECT through the proxy both
// succeeded in time; `response_time_ms` is how long that took.
HealthStatus Classify(bool reachable, int response_time_ms, const HealthThresholds& thresholds);

// Percentage of checks that did not fail, rounded to 2 decimals (the column is
// DECIMAL(5,2)). A proxy never checked has had no downtime: 100. `failed` is clamped to
// 0..checks so a miscount cannot give a percentage outside 0..100.
double UptimePercentage(long long checks, long long failed);

}  // namespace persona::domain
