#include "storage/pg/dashboard_store.h"

#include "core/time_format.h"
#include "storage/pg/row_json.h"
#include "storage/pg/transaction.h"

namespace persona::storage {

std::vector<nlohmann::json> PgDashboardStore::Personas(const std::string& user_id, Clock::TimePoint now) {
  std::vector<nlohmann::json> out;
  RunStatement(pool_, [&](pqxx::nontransaction& tx) {
    out.clear();
    for (const auto& row : tx.exec_prepared("dashboard_personas", user_id, FormatTimestamp(now))) {
      auto persona = RowToJson(row);
      persona["risk"] = {{"score", persona["risk_score"]}, {"factors", persona["risk_factors"]}};
      persona.erase("risk_score");
      persona.erase("risk_factors");
      out.push_back(std::move(persona));
    }
  });
  return out;
}

nlohmann::json PgDashboardStore::Totals(const std::string& user_id, Clock::TimePoint now) {
  nlohmann::json out;
  RunStatement(pool_, [&](pqxx::nontransaction& tx) {
    out = RowToJson(tx.exec_prepared1("dashboard_totals", user_id, FormatTimestamp(now)));
  });
  return out;
}

}  // namespace persona::storage
