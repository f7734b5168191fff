#include "jobs/session_sweeper.h"

namespace persona::jobs {

SessionSweeper::SessionSweeper(app::SessionService& sessions, std::chrono::milliseconds interval, Logger& log)
    : job_(
          "session sweep", interval, interval,
          [&sessions, &log] {
            auto swept = sessions.Sweep();
            if (!swept.idled.empty() || !swept.ended.empty()) {
              log.Info("sessions swept", {{"idle", swept.idled.size()}, {"ended", swept.ended.size()}});
            }
          },
          log) {}

}  // namespace persona::jobs
