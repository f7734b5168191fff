#include "app/retention_service.h"

#include "core/time_format.h"

namespace persona::app {

RetentionRun RetentionService::Run(bool dry_run) {
  const auto now = clock_.Now();
  if (!dry_run) store_.EnsurePartitions(now, kMonthsAhead);
  RetentionCutoffs cutoffs{.activity = now - kActivity,
                           .today = FormatTimestamp(now).substr(0, 10),
                           .security_events = now - kSecurityEvents,
                           .sessions = now - kSessions,
                           .login_attempts = now - kLoginAttempts,
                           .health_checks = now - kHealthChecks};
  return store_.Run(cutoffs, dry_run);
}

}  // namespace persona::app
