#include "jobs/periodic_job.h"

namespace persona::jobs {

PeriodicJob::PeriodicJob(std::string name, std::chrono::milliseconds first_wait, std::chrono::milliseconds interval,
                         std::function<void()> round, Logger& log)
    : name_(std::move(name)),
      first_wait_(first_wait),
      interval_(interval),
      round_(std::move(round)),
      log_(log),
      thread_([this] { Run(); }) {}

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
    try {
      round_();
    } catch (const std::exception& e) {
      log_.Warn(name_ + " failed", {{"error", e.what()}});
    }
  }
}

}  // namespace persona::jobs
