#include "storage/pg/transaction.h"

#include "core/errors.h"
#include "storage/pg/error_counts.h"

namespace persona::storage {
namespace {

// statement_timeout (libpqxx 6 has no class of its own for it).
constexpr std::string_view kQueryCanceled = "57014";

// Counts what pool.Acquire throws (no free connection in time, no connection at all).
ConnectionPool::Lease Acquire(ConnectionPool& pool) {
  try {
    return pool.Acquire();
  } catch (const DatabaseTimeout&) {
    CountDatabaseError(DatabaseError::kTimeout);
    throw;
  } catch (const DatabaseUnavailable&) {
    CountDatabaseError(DatabaseError::kUnavailable);
    throw;
  }
}

// A serialization failure or deadlock: counted, and retried until the last attempt.
void Retry(DatabaseError kind, int attempt, int attempts) {
  CountDatabaseError(kind);
  if (attempt < attempts) return;
  CountDatabaseError(DatabaseError::kRetriesExhausted);
  throw ConflictError("the change conflicted with another one; try again");
}

template <typename Tx, typename Work>
void Run(ConnectionPool& pool, const Work& work) {
  constexpr int kAttempts = 4;
  for (int attempt = 1;; ++attempt) {
    // Outside the try: the handlers below ask the lease whether its deadline cut it.
    auto conn = Acquire(pool);
    try {
      Tx tx(*conn);
      work(tx);
      tx.commit();
      return;
    } catch (const pqxx::serialization_failure&) {
      Retry(DatabaseError::kSerializationFailure, attempt, kAttempts);
    } catch (const pqxx::deadlock_detected&) {
      Retry(DatabaseError::kDeadlock, attempt, kAttempts);
    } catch (const pqxx::in_doubt_error&) {
      // The connection went during COMMIT: whether it took is unknown, so no retry.
      CountDatabaseError(DatabaseError::kCommitInDoubt);
      throw DatabaseUnavailable("lost the database connection while committing; the change may not have been saved");
    } catch (const pqxx::broken_connection& e) {
      if (conn.TimedOut()) {
        CountDatabaseError(DatabaseError::kTimeout);
        throw DatabaseTimeout("the database did not answer in time");
      }
      CountDatabaseError(DatabaseError::kUnavailable);
      throw DatabaseUnavailable(std::string("lost the database connection: ") + e.what());
    } catch (const pqxx::sql_error& e) {
      if (e.sqlstate() != kQueryCanceled) throw;
      CountDatabaseError(DatabaseError::kTimeout);
      throw DatabaseTimeout("the database did not answer in time");
    }
  }
}

}  // namespace

void RunTransaction(ConnectionPool& pool, const std::function<void(pqxx::work&)>& work) { Run<pqxx::work>(pool, work); }

void RunStatement(ConnectionPool& pool, const std::function<void(pqxx::nontransaction&)>& work) {
  Run<pqxx::nontransaction>(pool, work);
}

}  // namespace persona::storage
