#include "storage/pg/template_store.h"

#include <set>

#include <pqxx/pqxx>

#include "core/time_format.h"
#include "storage/pg/activity_writer.h"
#include "storage/pg/page_query.h"
#include "storage/pg/row_json.h"
#include "storage/pg/transaction.h"

namespace persona::storage {
std::string PgTemplateStore::Insert(const std::string& user_id, const nlohmann::json& body, Clock::TimePoint now,
                                    const app::ClientInfo& client) {
  std::string id;
  RunTransaction(pool_, [&](pqxx::work& tx) {
    id = tx.exec_prepared1("templates_insert", user_id, body.dump(), FormatTimestamp(now))[0].as<std::string>();
    RecordActivity(tx, ActivityOf(user_id, "template_create", {{"template_id", id}}, client), now);
  });
  return id;
}

std::optional<nlohmann::json> PgTemplateStore::Find(const std::string& user_id, const std::string& id) {
  std::optional<nlohmann::json> out;
  RunStatement(pool_, [&](pqxx::nontransaction& tx) {
    auto r = tx.exec_prepared("templates_get", id, user_id);
    if (!r.empty()) out = RowToJson(r[0]);
  });
  return out;
}

app::Page PgTemplateStore::List(const std::string& user_id, const app::PageRequest& page) {
  app::Page out;
  RunStatement(pool_, [&](pqxx::nontransaction& tx) { out = FetchPage(tx, "templates_list", page, user_id); });
  return out;
}

bool PgTemplateStore::Update(const std::string& user_id, const std::string& id, const nlohmann::json& patch,
                             Clock::TimePoint now, const app::ClientInfo& client) {
  bool found = false;
  RunTransaction(pool_, [&](pqxx::work& tx) {
    found = !tx.exec_prepared("templates_update", id, user_id, patch.dump(), FormatTimestamp(now)).empty();
    if (!found) return;
    nlohmann::json fields = nlohmann::json::array();
    for (const auto& [key, value] : patch.items()) fields.push_back(key);
    RecordActivity(tx, ActivityOf(user_id, "template_update", {{"template_id", id}, {"fields", fields}}, client), now);
  });
  return found;
}

bool PgTemplateStore::Delete(const std::string& user_id, const std::string& id, Clock::TimePoint now,
                             const app::ClientInfo& client) {
  bool found = false;
  RunTransaction(pool_, [&](pqxx::work& tx) {
    found = !tx.exec_prepared("templates_delete", id, user_id).empty();
    if (found) RecordActivity(tx, ActivityOf(user_id, "template_delete", {{"template_id", id}}, client), now);
  });
  return found;
}

bool PgTemplateStore::OwnsPersonas(const std::string& user_id, const std::vector<std::string>& persona_ids) {
  // The ids are validated UUIDs, so the array literal needs no quoting.
  std::set<std::string> distinct(persona_ids.begin(), persona_ids.end());
  std::string array = "{";
  for (const auto& id : distinct) array += (array.size() > 1 ? "," : "") + id;
  array += "}";
  long long owned = 0;
  RunStatement(pool_, [&](pqxx::nontransaction& tx) {
    owned = tx.exec_prepared1("templates_owned_personas", user_id, array)[0].as<long long>();
  });
  return owned == static_cast<long long>(distinct.size());
}

}  // namespace persona::storage
