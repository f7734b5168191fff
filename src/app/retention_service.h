#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "core/clock.h"

namespace persona::app {

// What one run removed (or, dry, would remove) from one table.
struct RetentionResult {
  std::string table;
  long long rows = 0;
  std::vector<std::string> partitions_dropped;  // activity_logs only
};

struct RetentionRun {
  bool ran = false;  // false: another run held the lock; nothing was done
  bool dry_run = false;
  std::vector<RetentionResult> results;
};

// The instants before which each kind of data has expired.
struct RetentionCutoffs {
  Clock::TimePoint activity;
  std::string today;  // UTC date: retention_until on or before it has come
  Clock::TimePoint security_events;
  Clock::TimePoint sessions;
  Clock::TimePoint login_attempts;
  Clock::TimePoint health_checks;
};

class RetentionStore {
 public:
  virtual ~RetentionStore() = default;
  // Monthly activity partitions from the month of `now` to `months_ahead` after it,
  // moving rows out of the DEFAULT partition first.
  virtual void EnsurePartitions(Clock::TimePoint now, int months_ahead) = 0;
  // One transaction under an advisory lock; a dry run counts and rolls back.
  virtual RetentionRun Run(const RetentionCutoffs& cutoffs, bool dry_run) = 0;
};

// The retention policy (docs/retention.md, the seed's "Data Retention Policies"):
// activity logs 90 days (whole monthly partitions dropped, the boundary one trimmed;
// retention_until decides where set), security events 1 year, ended work sessions 30
// days, login attempts and proxy health checks 30 days. Templates and personas stay
// until their user is deleted.
class RetentionService {
 public:
  static constexpr std::chrono::days kActivity{90};
  static constexpr std::chrono::days kSecurityEvents{365};
  static constexpr std::chrono::days kSessions{30};
  static constexpr std::chrono::days kLoginAttempts{30};
  static constexpr std::chrono::days kHealthChecks{30};
  // Partitions kept ready ahead of time, so rows never land in DEFAULT.
  static constexpr int kMonthsAhead = 2;

  RetentionService(RetentionStore& store, const Clock& clock) : store_(store), clock_(clock) {}

  void EnsurePartitions() { store_.EnsurePartitions(clock_.Now(), kMonthsAhead); }
  // Creates the coming partitions, then removes what has expired.
  RetentionRun Run(bool dry_run);

 private:
  RetentionStore& store_;
  const Clock& clock_;
};

}  // namespace persona::app
