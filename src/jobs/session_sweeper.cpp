#include "jobs/session_sweeper.h"

namespace persona::jobs {

SessionSweeper::SessionSweeper(app::SessionService& sessions, std::chrono::milliseconds interval, Logger& log,
                               JobObserver* observer)
    : job_(
          "session_sweeper", interval, interval,
          [&sessions, &log] {
            auto swept = sessions.Sweep();
            if (!swept.idled.empty() || !swept.ended.empty()) {
              log.Info("sessions swept", {{"idle", swept.idled.size()}, {"ended", swept.ended.size()}});
            }
          },
          log, observer) {}

}  // namespace persona::jobs
