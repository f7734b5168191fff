#pragma once

#include "core/metrics.h"
#include "http/router.h"

namespace persona::http {

// GET /metrics: Prometheus text for loopback clients and API tokens (docs/metrics.md).
// Blocking: a scrape reads figures from the database.
void AddMetricsRoute(Router& router, const Metrics& metrics);

}  // namespace persona::http
