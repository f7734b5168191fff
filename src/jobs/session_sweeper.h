#pragma once

#include <chrono>

#include "app/session_service.h"
#include "core/log.h"
#include "jobs/periodic_job.h"

namespace persona::jobs {

// Turns quiet live sessions idle and ends those quiet past the limit, every `interval`.
class SessionSweeper {
 public:
  SessionSweeper(app::SessionService& sessions, std::chrono::milliseconds interval, Logger& log,
                 JobObserver* observer = nullptr);

 private:
  PeriodicJob job_;
};

}  // namespace persona::jobs
