#pragma once

#include "app/retention_service.h"
#include "core/log.h"
#include "jobs/periodic_job.h"

namespace persona::jobs {

// The daily retention run of `serve` (a minute after start, then every 24 hours): keeps
// the coming activity partitions ready and removes what has expired. Several servers may
// run it; the advisory lock lets one do the work.
class RetentionJob {
 public:
  RetentionJob(app::RetentionService& retention, Logger& log, JobObserver* observer = nullptr);

 private:
  PeriodicJob job_;
};

}  // namespace persona::jobs
