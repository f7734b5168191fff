#include "storage/pg/transaction.h"

#include "core/errors.h"

namespace persona::storage {
namespace {

// statement_timeout (libpqxx 6 has no class of its own for it).
constexpr std::string_view kQueryCanceled = "57014";

template <typename Tx, typename Work>
void Run(ConnectionPool& pool, const Work& work) {
  constexpr int kAttempts = 4;
  for (int attempt = 1;; ++attempt) {
    auto conn = pool.Acquire();
    try {
      Tx tx(*conn);
      work(tx);
      tx.commit();
      return;
    } catch (const pqxx::serialization_failure&) {
      if (attempt == kAttempts) throw ConflictError("the change conflicted with another one; try again");
    } catch (const pqxx::deadlock_detected&) {
      if (attempt == kAttempts) throw ConflictError("the change conflicted with another one; try again");
    } catch (const pqxx::in_doubt_error&) {
      // The connection went during COMMIT: whether it took is unknown, so no retry.
      throw DatabaseUnavailable("lost the database connection while committing; the change may not have been saved");
    } catch (const pqxx::broken_connection& e) {
      if (conn.TimedOut()) throw DatabaseTimeout("the database did not answer in time");
      throw DatabaseUnavailable(std::string("lost the database connection: ") + e.what());
    } catch (const pqxx::sql_error& e) {
      if (e.sqlstate() == kQueryCanceled) throw DatabaseTimeout("the database did not answer in time");
      throw;
    }
  }
}

}  // namespace

void RunTransaction(ConnectionPool& pool, const std::function<void(pqxx::work&)>& work) { Run<pqxx::work>(pool, work); }

void RunStatement(ConnectionPool& pool, const std::function<void(pqxx::nontransaction&)>& work) {
  Run<pqxx::nontransaction>(pool, work);
}

}  // namespace persona::storage
