#include "storage/pg/server_figures.h"

#include "storage/pg/transaction.h"

namespace persona::storage {

std::int64_t CountLiveSessions(ConnectionPool& pool) {
  std::int64_t count = 0;
  RunStatement(
      pool, [&](pqxx::nontransaction& tx) { count = tx.exec_prepared1("health_live_sessions")[0].as<std::int64_t>(); });
  return count;
}

}  // namespace persona::storage
