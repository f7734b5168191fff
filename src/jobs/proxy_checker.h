#pragma once

#include <chrono>

#include "app/proxy_service.h"
#include "core/log.h"
#include "jobs/periodic_job.h"

namespace persona::jobs {

// Checks the proxies that are due, every `interval`, on its own thread, until destroyed.
// Each round checks `concurrency` proxies at a time.
class ProxyChecker {
 public:
  ProxyChecker(app::ProxyService& proxies, std::chrono::seconds interval, int concurrency, Logger& log,
               JobObserver* observer = nullptr);

 private:
  PeriodicJob job_;
};

}  // namespace persona::jobs
