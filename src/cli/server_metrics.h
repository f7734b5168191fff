#pragma once

#include "core/clock.h"
#include "core/metrics.h"
#include "http/request_metrics.h"
#include "jobs/job_metrics.h"
#include "storage/pg/pool.h"

namespace persona::cli {

// Everything GET /metrics shows for a running server (docs/metrics.md), built once by
// `serve` (and by the tests, the same way): the instruments the server and the jobs
// record into, and the figures read at each scrape — the pool, database errors, live
// sessions, this process and the build.
struct ServerMetrics {
  ServerMetrics(storage::ConnectionPool& pool, const Clock& clock);

  Metrics metrics;
  http::RequestMetrics requests;
  jobs::JobMetrics jobs;
};

}  // namespace persona::cli
