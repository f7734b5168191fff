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
  RunStatement(pool_, [&](pqxx::nontransaction& tx) {
    out = FetchPage(tx, "activity_list", page, user_id, OrNull(f.persona_id), OrNull(f.activity_type),
                    OrNull(f.platform_type), OrNull(f.from), OrNull(f.to));
  });
  return out;
}

std::optional<app::JsonText> PgActivityStore::Find(const std::string& user_id, const std::string& id) {
  std::optional<app::JsonText> out;
  RunStatement(pool_, [&](pqxx::nontransaction& tx) {
    auto rows = tx.exec_prepared("activity_get", id, user_id, static_cast<const char*>(nullptr));
    if (!rows.empty()) out = RowJsonText(rows[0]);
  });
  return out;
}

std::optional<nlohmann::json> PgActivityStore::RecordManual(const std::string& user_id, const app::ManualAction& action,
                                                            Clock::TimePoint now, const app::ClientInfo& client) {
  std::optional<nlohmann::json> out;
  std::optional<long long> session_version;
  RunStatement(pool_, [&](pqxx::nontransaction& tx) {
    auto rows = tx.exec_prepared("activity_insert_manual", user_id, action.persona_id, action.activity_type,
                                 action.platform_type, action.activity_data.dump(), NullIfEmpty(client.ip),
                                 NullIfEmpty(client.user_agent), FormatTimestamp(now));
    if (rows.empty()) return;
    out = RowToJson(rows[0]);
    if (!rows[0]["_session_version"].is_null()) session_version = rows[0]["_session_version"].as<long long>();
  });
  if (out && session_version) sessions_.Forget((*out)["session_id"].get<std::string>(), *session_version);
  return out;
}

}  // namespace persona::storage
