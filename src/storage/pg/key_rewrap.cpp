#include "storage/pg/key_rewrap.h"

#include <algorithm>

#include <pqxx/pqxx>

#include "storage/pg/encrypted_columns.h"
#include "storage/pg/transaction.h"

namespace persona::storage {
namespace {

// Table and column names come from kEncryptedColumns, never from input; quote_name
// keeps them identifiers all the same. The kid is read without failing on values that
// are not JSON (reported as kid "").
std::string KidExpression(pqxx::transaction_base& tx, std::string_view column) {
  auto c = tx.quote_name(std::string(column));
  return "CASE WHEN " + c + " ~ '^\\s*\\{' THEN coalesce(" + c + "::jsonb->>'kid', '') ELSE '' END";
}

}  // namespace

std::vector<KeyUsage> CountKeyUsage(ConnectionPool& pool) {
  std::vector<KeyUsage> usage;
  RunTransaction(pool, [&](pqxx::work& tx) {
    usage.clear();
    for (const auto& col : kEncryptedColumns) {
      KeyUsage u{std::string(col.table), std::string(col.column), {}};
      auto sql = "SELECT " + KidExpression(tx, col.column) + ", count(*) FROM " +
                 tx.quote_name(std::string(col.table)) + " WHERE " + tx.quote_name(std::string(col.column)) +
                 " IS NOT NULL GROUP BY 1";
      for (const auto& row : tx.exec(sql)) u.values_per_kid[row[0].as<std::string>()] = row[1].as<long long>();
      usage.push_back(std::move(u));
    }
  });
  return usage;
}

std::map<std::string, long long> PgKeyUsageStore::ValuesPerKid() {
  std::map<std::string, long long> total;
  for (const auto& usage : CountKeyUsage(pool_)) {
    for (const auto& [kid, count] : usage.values_per_kid) total[kid] += count;
  }
  return total;
}

RewrapReport RewrapAll(ConnectionPool& pool, const crypto::FieldCipher& cipher, int batch_size,
                       const std::function<void(const std::string&)>& progress) {
  RewrapReport report;
  for (const auto& col : kEncryptedColumns) {
    const std::string label = std::string(col.table) + "." + std::string(col.column);
    long long done = 0;
    for (;;) {
      // The current kid is asked per batch: a rotation during the run is followed.
      const std::string current = cipher.CurrentKid();
      int picked = 0;
      RunTransaction(pool, [&](pqxx::work& tx) {
        picked = 0;
        const auto table = tx.quote_name(std::string(col.table));
        const auto column = tx.quote_name(std::string(col.column));
        // Unreadable values are skipped (id > the last one) so they cannot stall the run.
        auto rows =
            tx.exec_params("SELECT id::text, " + column + " FROM " + table + " WHERE " + column + " IS NOT NULL AND " +
                               KidExpression(tx, col.column) + " <> $1 ORDER BY id LIMIT $2 FOR UPDATE",
                           current, batch_size + static_cast<int>(report.unreadable.size()));
        for (const auto& row : rows) {
          auto id = row[0].as<std::string>();
          auto plain = cipher.Decrypt(row[1].as<std::string>(), col.table, col.column, id);
          if (!plain) {
            auto where = label + " id=" + id;
            if (std::find(report.unreadable.begin(), report.unreadable.end(), where) == report.unreadable.end()) {
              report.unreadable.push_back(where);
            }
            continue;
          }
          tx.exec_params("UPDATE " + table + " SET " + column + " = $1 WHERE id = $2::uuid",
                         cipher.Encrypt(*plain, col.table, col.column, id), id);
          ++picked;
        }
      });
      if (picked == 0) break;
      done += picked;
      report.rewrapped += picked;
      if (progress) progress("rewrap " + label + ": " + std::to_string(done) + " value(s) under key " + current);
    }
  }
  return report;
}

}  // namespace persona::storage
