#include "jobs/job_metrics.h"

namespace persona::jobs {

JobMetrics::JobMetrics(prometheus::Registry& registry, const Clock& clock)
    : clock_(clock),
      runs_(prometheus::BuildCounter()
                .Name("persona_job_runs_total")
                .Help("Rounds of each background job, finished or failed.")
                .Register(registry)),
      failures_(prometheus::BuildCounter()
                    .Name("persona_job_failures_total")
                    .Help("Rounds of each background job that failed (the log says why).")
                    .Register(registry)),
      last_success_(prometheus::BuildGauge()
                        .Name("persona_job_last_success_timestamp_seconds")
                        .Help("When a round of each background job last finished without error (Unix time); "
                              "absent until one has.")
                        .Register(registry)),
      last_duration_(prometheus::BuildGauge()
                         .Name("persona_job_last_duration_seconds")
                         .Help("How long the last round of each background job took.")
                         .Register(registry)) {}

JobMetrics::Series& JobMetrics::SeriesOf(std::string_view job) {
  auto it = series_.find(job);
  if (it != series_.end()) return it->second;
  const prometheus::Labels labels = {{"job_name", std::string(job)}};
  Series series{&runs_.Add(labels), &failures_.Add(labels), &last_duration_.Add(labels)};
  return series_.emplace(std::string(job), series).first->second;
}

void JobMetrics::OnScheduled(std::string_view job) {
  std::lock_guard lock(mutex_);
  SeriesOf(job);
}

void JobMetrics::OnRound(std::string_view job, bool failed, std::chrono::duration<double> took) {
  std::lock_guard lock(mutex_);
  auto& series = SeriesOf(job);
  series.runs->Increment();
  series.last_duration->Set(took.count());
  if (failed) {
    series.failures->Increment();
    return;
  }
  if (!series.last_success) series.last_success = &last_success_.Add({{"job_name", std::string(job)}});
  auto now = std::chrono::duration<double>(clock_.Now().time_since_epoch());
  series.last_success->Set(now.count());
}

}  // namespace persona::jobs
