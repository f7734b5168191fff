#include "jobs/proxy_checker.h"

namespace persona::jobs {

ProxyChecker::ProxyChecker(app::ProxyService& proxies, std::chrono::seconds interval, int concurrency, Logger& log,
                           JobObserver* observer)
    // A short first wait lets the server finish starting before the first round.
    : job_(
          "proxy_checks", std::min<std::chrono::seconds>(interval, std::chrono::seconds(5)), interval,
          [&proxies, interval, concurrency, &log] {
            // A little slack so a proxy checked one round ago is due again this round.
            auto checked = proxies.CheckDue(interval - interval / 10, concurrency);
            if (!checked.empty()) log.Info("proxy health checks done", {{"checked", checked.size()}});
          },
          log, observer) {}

}  // namespace persona::jobs
