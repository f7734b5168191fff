#include "storage/pg/security_event_store.h"

#include <pqxx/pqxx>

#include "core/time_format.h"
#include "storage/pg/activity_writer.h"
#include "storage/pg/page_query.h"
#include "storage/pg/row_json.h"
#include "storage/pg/sql_params.h"
#include "storage/pg/transaction.h"

namespace persona::storage {

app::Page PgSecurityEventStore::List(const std::string& user_id, const app::SecurityEventFilter& f,
                                     const app::PageRequest& page) {
  std::optional<std::string> resolved;
  if (f.resolved) resolved = *f.resolved ? "true" : "false";
  app::Page out;
  RunStatement(pool_, [&](pqxx::nontransaction& tx) {
    out = FetchPage(tx, "security_events_list", page, user_id, OrNull(f.severity), OrNull(f.event_type),
                    OrNull(resolved), OrNull(f.persona_id), OrNull(f.from), OrNull(f.to));
  });
  return out;
}

std::optional<nlohmann::json> PgSecurityEventStore::Find(const std::string& user_id, const std::string& id) {
  std::optional<nlohmann::json> out;
  RunStatement(pool_, [&](pqxx::nontransaction& tx) {
    auto r = tx.exec_prepared("security_events_get", id, user_id);
    if (!r.empty()) out = RowToJson(r[0]);
  });
  return out;
}

std::optional<bool> PgSecurityEventStore::Resolve(const std::string& user_id, const std::string& id,
                                                  const nlohmann::json& actions_taken, Clock::TimePoint now,
                                                  const app::ClientInfo& client) {
  std::optional<bool> out;
  RunTransaction(pool_, [&](pqxx::work& tx) {
    out.reset();
    auto r = tx.exec_prepared("security_events_resolve", id, user_id, FormatTimestamp(now), actions_taken.dump());
    if (r.empty()) {
      auto existing = tx.exec_prepared("security_events_exists", id, user_id);
      if (!existing.empty()) out = false;
      return;
    }
    out = true;
    std::optional<std::string> persona;
    if (!r[0][0].is_null()) persona = r[0][0].as<std::string>();
    RecordActivity(tx,
                   ActivityOf(user_id, "security_event_resolve",
                              {{"security_event_id", id}, {"actions_taken", actions_taken}}, client, persona),
                   now);
  });
  return out;
}

}  // namespace persona::storage
