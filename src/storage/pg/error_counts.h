#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace persona::storage {

// The database errors storage has met, by kind, for /metrics (docs/metrics.md).
enum class DatabaseError {
  kUnavailable,           // no connection could be made, or it was lost
  kTimeout,               // no free connection, a connect or a statement past its deadline
  kSerializationFailure,  // retried; the last of a run of them is also kRetriesExhausted
  kDeadlock,              // retried like a serialization failure
  kRetriesExhausted,      // every attempt conflicted: the caller got a conflict (409)
  kCommitInDoubt,         // the connection went during COMMIT
};

// Process-wide on purpose, unlike everything else: the errors are met where
// RunTransaction and RunStatement translate them, which ~80 call sites reach with a pool
// alone, and a sink threaded through every store would count the same thing. Relaxed
// atomics: a count is only ever read for /metrics.
void CountDatabaseError(DatabaseError kind) noexcept;

struct DatabaseErrorCount {
  std::string_view kind;  // "unavailable", "timeout", "serialization_failure", …
  std::uint64_t count = 0;
};
// Every kind, also those never met (a series that is always there can be rated).
std::vector<DatabaseErrorCount> DatabaseErrorCounts();

}  // namespace persona::storage
