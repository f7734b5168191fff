#include "storage/pg/activity_store.h"

#include <pqxx/pqxx>

#include "core/time_format.h"
#include "storage/pg/page_query.h"
#include "storage/pg/row_json.h"
#include "storage/pg/sql_params.h"
#include "storage/pg/transaction.h"

namespace persona::storage {

app::Page PgActivityStore::List(const std::string& user_id, const app::ActivityFilter& f,
                                const app::PageRequest& page) {
  app::Page out;
  RunTransaction(pool_, [&](pqxx::work& tx) {
    out = FetchPage(tx, "activity_list", page, user_id, OrNull(f.persona_id), OrNull(f.activity_type),
                    OrNull(f.platform_type), OrNull(f.from), OrNull(f.to));
  });
  return out;
}

std::optional<nlohmann::json> PgActivityStore::Find(const std::string& user_id, const std::string& id) {
  std::optional<nlohmann::json> out;
  RunTransaction(pool_, [&](pqxx::work& tx) {
    auto rows = tx.exec_prepared("activity_get", id, user_id, static_cast<const char*>(nullptr));
    out = rows.empty() ? std::nullopt : std::optional(RowToJson(rows[0]));
  });
  return out;
}

std::optional<nlohmann::json> PgActivityStore::RecordManual(
    const std::string& user_id, const app::ManualAction& action,
    const std::function<domain::BurstAssessment(long long, long long)>& assess, Clock::TimePoint now,
    const app::ClientInfo& client) {
  std::optional<nlohmann::json> out;
  std::optional<std::pair<std::string, long long>> session;  // (id, version) after the count
  const auto at = FormatTimestamp(now);
  RunTransaction(pool_, [&](pqxx::work& tx) {
    out.reset();
    session.reset();
    if (tx.exec_prepared("activity_persona_lock", action.persona_id, user_id).empty()) return;
    auto rates = tx.exec_prepared1("activity_rates", action.persona_id, at);
    // This action is part of the last hour.
    auto risk = assess(rates[0].as<long long>() + 1, rates[1].as<long long>());
    auto row = tx.exec_prepared1("activity_insert_manual", user_id, action.persona_id, action.activity_type,
                                 action.platform_type, action.activity_data.dump(), NullIfEmpty(client.ip),
                                 NullIfEmpty(client.user_agent), risk.risk_level, risk.anomaly_score, at);
    if (risk.risk_level == "high" || risk.risk_level == "critical") {
      const char* severity = risk.risk_level == "critical" ? "critical" : "warning";
      nlohmann::json event = {{"activity_id", row[0].as<std::string>()},
                              {"activity_type", action.activity_type},
                              {"platform_type", action.platform_type},
                              {"anomaly_score", risk.anomaly_score},
                              {"actions_last_hour", rates[0].as<long long>() + 1},
                              {"actions_previous_week", rates[1].as<long long>()}};
      tx.exec_prepared("activity_burst_event", user_id, action.persona_id, severity,
                       "manual actions far above the persona's usual rate (" + risk.risk_level + ")", event.dump(),
                       NullIfEmpty(client.ip), NullIfEmpty(client.user_agent), at);
    }
    if (!row[1].is_null()) {
      auto counted = tx.exec_prepared("activity_count_on_session", row[1].as<std::string>(), at);
      if (!counted.empty()) session.emplace(row[1].as<std::string>(), counted[0][0].as<long long>());
    }
    out = RowToJson(tx.exec_prepared1("activity_get", row[0].as<std::string>(), user_id, at));
  });
  if (session) sessions_.Forget(session->first, session->second);
  return out;
}

}  // namespace persona::storage
