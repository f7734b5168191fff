#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "core/log.h"

namespace persona::jobs {

// Runs `round` on its own thread after `first_wait`, then every `interval`, until
// stopped or destroyed. A round that throws is logged; the next one tries again.
class PeriodicJob {
 public:
  PeriodicJob(std::string name, std::chrono::milliseconds first_wait, std::chrono::milliseconds interval,
              std::function<void()> round, Logger& log);
  ~PeriodicJob();
  PeriodicJob(const PeriodicJob&) = delete;
  PeriodicJob& operator=(const PeriodicJob&) = delete;

  // Returns at once; a round in progress finishes first.
  void Stop();

 private:
  void Run();

  std::string name_;
  std::chrono::milliseconds first_wait_;
  std::chrono::milliseconds interval_;
  std::function<void()> round_;
  Logger& log_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace persona::jobs
