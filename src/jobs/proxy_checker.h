#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "app/proxy_service.h"
#include "core/log.h"

namespace persona::jobs {

// Checks the proxies that are due, every `interval`, on its own thread, until stopped.
// Each round checks `concurrency` proxies at a time; a failed round is logged and the
// next one tries again.
class ProxyChecker {
 public:
  ProxyChecker(app::ProxyService& proxies, std::chrono::seconds interval, int concurrency, Logger& log);
  ~ProxyChecker();
  ProxyChecker(const ProxyChecker&) = delete;
  ProxyChecker& operator=(const ProxyChecker&) = delete;

  // Returns at once; a round in progress finishes its current checks first.
  void Stop();

 private:
  void Run();

  app::ProxyService& proxies_;
  std::chrono::seconds interval_;
  int concurrency_;
  Logger& log_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace persona::jobs
