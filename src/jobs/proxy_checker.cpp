#include "jobs/proxy_checker.h"

namespace persona::jobs {

ProxyChecker::ProxyChecker(app::ProxyService& proxies, std::chrono::seconds interval, int concurrency, Logger& log)
    : proxies_(proxies), interval_(interval), concurrency_(concurrency), log_(log), thread_([this] { Run(); }) {}

ProxyChecker::~ProxyChecker() {
  Stop();
  if (thread_.joinable()) thread_.join();
}

void ProxyChecker::Stop() {
  std::lock_guard lock(mutex_);
  stopping_ = true;
  wake_.notify_all();
}

void ProxyChecker::Run() {
  // A short first wait lets the server finish starting before the first round.
  auto wait = std::min<std::chrono::seconds>(interval_, std::chrono::seconds(5));
  for (;;) {
    {
      std::unique_lock lock(mutex_);
      if (wake_.wait_for(lock, wait, [this] { return stopping_; })) return;
    }
    wait = interval_;
    try {
      // A little slack so a proxy checked one round ago is due again this round.
      auto checked = proxies_.CheckDue(interval_ - interval_ / 10, concurrency_);
      if (!checked.empty()) log_.Info("proxy health checks done", {{"checked", checked.size()}});
    } catch (const std::exception& e) {
      log_.Warn("proxy health check round failed", {{"error", e.what()}});
    }
  }
}

}  // namespace persona::jobs
