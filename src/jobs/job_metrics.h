#pragma once

#include <map>
#include <mutex>
#include <string>

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/gauge.h>
#include <prometheus/registry.h>

#include "core/clock.h"
#include "jobs/periodic_job.h"

namespace persona::jobs {

// The background jobs in /metrics: persona_job_runs_total, persona_job_failures_total,
// persona_job_last_success_timestamp_seconds and persona_job_last_duration_seconds, each
// labelled {job_name} (not {job}: Prometheus gives that label the scrape job's name). The
// last success is `clock`'s time, so tests need not sleep for it.
class JobMetrics : public JobObserver {
 public:
  JobMetrics(prometheus::Registry& registry, const Clock& clock);

  void OnScheduled(std::string_view job) override;
  void OnRound(std::string_view job, bool failed, std::chrono::duration<double> took) override;

 private:
  struct Series {
    prometheus::Counter* runs;
    prometheus::Counter* failures;
    prometheus::Gauge* last_duration;
    prometheus::Gauge* last_success = nullptr;  // added at the first success
  };
  Series& SeriesOf(std::string_view job);  // with mutex_ held

  const Clock& clock_;
  prometheus::Family<prometheus::Counter>& runs_;
  prometheus::Family<prometheus::Counter>& failures_;
  prometheus::Family<prometheus::Gauge>& last_success_;
  prometheus::Family<prometheus::Gauge>& last_duration_;
  std::mutex mutex_;
  std::map<std::string, Series, std::less<>> series_;
};

}  // namespace persona::jobs
