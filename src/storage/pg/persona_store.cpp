#include "storage/pg/persona_store.h"

#include <pqxx/pqxx>

#include "core/errors.h"
#include "core/time_format.h"
#include "storage/pg/activity_writer.h"
#include "storage/pg/page_query.h"
#include "storage/pg/row_json.h"
#include "storage/pg/sql_params.h"
#include "storage/pg/transaction.h"

namespace persona::storage {
namespace {

// Raised by the personas_max_personas trigger (migration 0004).
constexpr const char* kPersonaLimitReached = "PE001";

}  // namespace

std::string PgPersonaStore::Insert(const std::string& user_id, const nlohmann::json& body, Clock::TimePoint now,
                                   const app::ClientInfo& client) {
  std::string id;
  try {
    RunStatement(pool_, [&](pqxx::nontransaction& tx) {
      id = tx.exec_prepared1("personas_insert", user_id, body.dump(), FormatTimestamp(now), NullIfEmpty(client.ip),
                             NullIfEmpty(client.user_agent))[0]
               .as<std::string>();
    });
  } catch (const pqxx::sql_error& e) {
    if (e.sqlstate() != kPersonaLimitReached) throw;
    int allowed = 0;
    std::string tier;
    RunStatement(pool_, [&](pqxx::nontransaction& tx) {
      auto row = tx.exec_prepared1("personas_limit", user_id);
      allowed = row[0].as<int>(0);
      tier = row[1].as<std::string>("basic");
    });
    throw ConflictError("the " + tier + " tier allows " + std::to_string(allowed) +
                        " personas and they all exist; delete one first");
  }
  return id;
}

std::optional<app::JsonText> PgPersonaStore::Find(const std::string& user_id, const std::string& persona_id) {
  std::optional<app::JsonText> out;
  RunStatement(pool_, [&](pqxx::nontransaction& tx) {
    auto r = tx.exec_prepared("personas_get", persona_id, user_id);
    if (!r.empty()) out = RowJsonText(r[0]);
  });
  return out;
}

app::Page PgPersonaStore::List(const std::string& user_id, const app::PageRequest& page) {
  app::Page out;
  RunStatement(pool_, [&](pqxx::nontransaction& tx) { out = FetchPage(tx, "personas_list", page, user_id); });
  return out;
}

bool PgPersonaStore::Update(const std::string& user_id, const std::string& persona_id, const nlohmann::json& patch,
                            Clock::TimePoint now, const app::ClientInfo& client) {
  bool found = false;
  RunTransaction(pool_, [&](pqxx::work& tx) {
    found = !tx.exec_prepared("personas_update", persona_id, user_id, patch.dump(), FormatTimestamp(now)).empty();
    if (!found) return;
    nlohmann::json fields = nlohmann::json::array();
    for (const auto& [key, value] : patch.items()) fields.push_back(key);
    RecordActivity(tx, ActivityOf(user_id, "persona_update", {{"fields", fields}}, client, persona_id), now);
  });
  return found;
}

bool PgPersonaStore::Delete(const std::string& user_id, const std::string& persona_id, Clock::TimePoint now,
                            const app::ClientInfo& client) {
  bool found = false;
  std::optional<std::string> live_session;
  RunTransaction(pool_, [&](pqxx::work& tx) {
    live_session.reset();
    found = !tx.exec_prepared("personas_lock", persona_id, user_id).empty();
    if (!found) return;
    if (auto live = tx.exec_prepared("sessions_live_of_persona", persona_id); !live.empty()) {
      live_session = live[0][0].as<std::string>();
    }
    tx.exec_prepared("proxies_release_persona", persona_id);
    tx.exec_prepared("personas_delete", persona_id, user_id);
    // Written after the delete, so the row keeps no link to the persona that is gone.
    auto activity = ActivityOf(user_id, "persona_delete", {{"persona_id", persona_id}}, client, persona_id);
    activity.persona_id.reset();
    RecordActivity(tx, activity, now);
  });
  // Its sessions went with it (ON DELETE CASCADE).
  if (live_session) sessions_.Forget(*live_session, app::SessionCache::kGone);
  return found;
}

std::optional<nlohmann::json> PgPersonaStore::Risk(const std::string& user_id, const std::string& persona_id) {
  std::optional<nlohmann::json> out;
  RunStatement(pool_, [&](pqxx::nontransaction& tx) {
    out.reset();
    auto rows = tx.exec_prepared("personas_risk", persona_id, user_id);
    if (rows.empty()) return;
    nlohmann::json factors = nlohmann::json::array();
    for (const auto& row : rows) factors.push_back(RowToJson(row));
    out = nlohmann::json{{"persona_id", persona_id},
                         {"risk_score", rows[0]["_risk_score"].as<double>()},
                         {"factors", std::move(factors)}};
  });
  return out;
}

}  // namespace persona::storage
