#include "storage/pg/transaction.h"

#include "core/errors.h"

namespace persona::storage {
namespace {

template <typename Tx, typename Work>
void Run(ConnectionPool& pool, const Work& work) {
  constexpr int kAttempts = 4;
  for (int attempt = 1;; ++attempt) {
    try {
      auto conn = pool.Acquire();
      Tx tx(*conn);
      work(tx);
      tx.commit();
      return;
    } catch (const pqxx::serialization_failure&) {
      if (attempt == kAttempts) throw ConflictError("the change conflicted with another one; try again");
    } catch (const pqxx::deadlock_detected&) {
      if (attempt == kAttempts) throw ConflictError("the change conflicted with another one; try again");
    } catch (const pqxx::broken_connection& e) {
      throw DatabaseUnavailable(std::string("lost the database connection: ") + e.what());
    }
  }
}

}  // namespace

void RunTransaction(ConnectionPool& pool, const std::function<void(pqxx::work&)>& work) { Run<pqxx::work>(pool, work); }

void RunStatement(ConnectionPool& pool, const std::function<void(pqxx::nontransaction&)>& work) {
  Run<pqxx::nontransaction>(pool, work);
}

}  // namespace persona::storage
