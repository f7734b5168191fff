#include "jobs/periodic_job.h"

namespace persona::jobs {

PeriodicJob::PeriodicJob(std::string job, std::chrono::milliseconds first_wait, std::chrono::milliseconds interval,
                         std::function<void()> round, Logger& log, JobObserver* observer)
    : job_(std::move(job)),
      first_wait_(first_wait),
      interval_(interval),
      round_(std::move(round)),
      log_(log),
      observer_(observer) {
  // Before the thread starts, so that no round can be reported first.
  if (observer_) observer_->OnScheduled(job_);
  thread_ = std::thread([this] { Run(); });
}

PeriodicJob::~PeriodicJob() {
  Stop();
  if (thread_.joinable()) thread_.join();
}

void PeriodicJob::Stop() {
  std::lock_guard lock(mutex_);
  stopping_ = true;
  wake_.notify_all();
}

void PeriodicJob::Run() {
  auto wait = first_wait_;
  for (;;) {
    {
      std::unique_lock lock(mutex_);
      if (wake_.wait_for(lock, wait, [this] { return stopping_; })) return;
    }
    wait = interval_;
    auto started = std::chrono::steady_clock::now();
    bool failed = false;
    try {
      round_();
    } catch (const std::exception& e) {
      failed = true;
      log_.Warn("job round failed", {{"job", job_}, {"error", e.what()}});
    }
    if (observer_) observer_->OnRound(job_, failed, std::chrono::steady_clock::now() - started);
  }
}

}  // namespace persona::jobs
