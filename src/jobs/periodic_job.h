#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

#include "core/log.h"

namespace persona::jobs {

// Told how a PeriodicJob's rounds go (the job metrics of /metrics). Thread-safe: every
// job calls it from its own thread.
class JobObserver {
 public:
  virtual ~JobObserver() = default;
  // Once, when the job is set up, before any round.
  virtual void OnScheduled(std::string_view job) = 0;
  // After each round; `failed` when it threw.
  virtual void OnRound(std::string_view job, bool failed, std::chrono::duration<double> took) = 0;
};

// Runs `round` on its own thread after `first_wait`, then every `interval`, until
// stopped or destroyed. A round that throws is logged; the next one tries again.
// `job` names it in logs and metrics: snake_case ("retention").
class PeriodicJob {
 public:
  PeriodicJob(std::string job, std::chrono::milliseconds first_wait, std::chrono::milliseconds interval,
              std::function<void()> round, Logger& log, JobObserver* observer = nullptr);
  ~PeriodicJob();
  PeriodicJob(const PeriodicJob&) = delete;
  PeriodicJob& operator=(const PeriodicJob&) = delete;

  // Returns at once; a round in progress finishes first.
  void Stop();

 private:
  void Run();

  std::string job_;
  std::chrono::milliseconds first_wait_;
  std::chrono::milliseconds interval_;
  std::function<void()> round_;
  Logger& log_;
  JobObserver* observer_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace persona::jobs
