#include "storage/pg/proxy_store.h"

#include <pqxx/pqxx>

#include "core/time_format.h"
#include "storage/pg/activity_writer.h"
#include "storage/pg/page_query.h"
#include "storage/pg/row_json.h"
#include "storage/pg/transaction.h"

namespace persona::storage {
namespace {

app::StoredProxyEndpoint EndpointOf(const pqxx::row& row) {
  return {row[0].as<std::string>(), row[1].as<std::string>(), row[2].as<int>(), row[3].as<std::string>(),
          row[4].as<std::string>()};
}

ConflictError ProxyIdTaken(const nlohmann::json& body) {
  return ConflictError("the proxy_id " + body.value("proxy_id", std::string()) + " is already in your inventory");
}

}  // namespace

void PgProxyStore::Insert(const std::string& user_id, const std::string& id, const nlohmann::json& body,
                          const std::string& password_encrypted, Clock::TimePoint now, const app::ClientInfo& client) {
  try {
    RunTransaction(pool_, [&](pqxx::work& tx) {
      tx.exec_prepared("proxies_insert", id, user_id, body.dump(), password_encrypted, FormatTimestamp(now));
      RecordActivity(tx, ActivityOf(user_id, "proxy_create", {{"proxy", id}, {"proxy_id", body["proxy_id"]}}, client),
                     now);
    });
  } catch (const pqxx::unique_violation&) {
    throw ProxyIdTaken(body);
  }
}

std::optional<nlohmann::json> PgProxyStore::Find(const std::string& user_id, const std::string& id) {
  std::optional<nlohmann::json> out;
  RunStatement(pool_, [&](pqxx::nontransaction& tx) {
    auto r = tx.exec_prepared("proxies_get", id, user_id);
    if (!r.empty()) out = RowToJson(r[0]);
  });
  return out;
}

app::Page PgProxyStore::List(const std::string& user_id, const app::PageRequest& page) {
  app::Page out;
  RunStatement(pool_, [&](pqxx::nontransaction& tx) { out = FetchPage(tx, "proxies_list", page, user_id); });
  return out;
}

bool PgProxyStore::Update(const std::string& user_id, const std::string& id, const nlohmann::json& patch,
                          const std::optional<std::string>& password_encrypted, Clock::TimePoint now,
                          const app::ClientInfo& client) {
  bool found = false;
  try {
    RunTransaction(pool_, [&](pqxx::work& tx) {
      auto locked = tx.exec_prepared("proxies_lock", id, user_id);
      found = !locked.empty();
      if (!found) return;
      bool assigned = !locked[0][1].is_null();
      if (assigned && patch.contains("assignment_status")) {
        throw ConflictError("the proxy is assigned to a persona; release it before changing its status");
      }
      auto row = tx.exec_prepared1("proxies_update", id, user_id, patch.dump(),
                                   password_encrypted ? password_encrypted->c_str() : nullptr, FormatTimestamp(now));
      std::optional<std::string> persona;
      if (assigned) {
        // Keep the persona's copy of the proxy's identity in step, in the same transaction.
        persona = row[0].as<std::string>();
        tx.exec_prepared("personas_set_proxy_identity", *persona, row[1].as<std::string>(), row[2].as<std::string>(),
                         row[3].as<std::string>(), FormatTimestamp(now));
      }
      nlohmann::json fields = nlohmann::json::array();
      for (const auto& [key, value] : patch.items()) fields.push_back(key);
      if (password_encrypted) fields.push_back("proxy_password");
      RecordActivity(tx, ActivityOf(user_id, "proxy_update", {{"proxy", id}, {"fields", fields}}, client, persona),
                     now);
    });
  } catch (const pqxx::unique_violation&) {
    throw ProxyIdTaken(patch);
  }
  return found;
}

bool PgProxyStore::Delete(const std::string& user_id, const std::string& id, Clock::TimePoint now,
                          const app::ClientInfo& client) {
  bool found = false;
  RunTransaction(pool_, [&](pqxx::work& tx) {
    auto locked = tx.exec_prepared("proxies_lock", id, user_id);
    found = !locked.empty();
    if (!found) return;
    if (!locked[0][1].is_null()) throw ConflictError("the proxy is assigned to a persona; release it first");
    tx.exec_prepared("proxies_delete", id, user_id);
    RecordActivity(tx, ActivityOf(user_id, "proxy_delete", {{"proxy", id}, {"proxy_id", locked[0][3].c_str()}}, client),
                   now);
  });
  return found;
}

std::optional<app::StoredProxyEndpoint> PgProxyStore::Endpoint(const std::string& user_id, const std::string& id) {
  std::optional<app::StoredProxyEndpoint> out;
  RunStatement(pool_, [&](pqxx::nontransaction& tx) {
    auto r = tx.exec_prepared("proxies_endpoint", id, user_id);
    if (!r.empty()) out = EndpointOf(r[0]);
  });
  return out;
}

std::vector<app::StoredProxyEndpoint> PgProxyStore::DueForCheck(Clock::TimePoint now, std::chrono::seconds interval,
                                                                int limit) {
  std::vector<app::StoredProxyEndpoint> out;
  RunStatement(pool_, [&](pqxx::nontransaction& tx) {
    for (const auto& row : tx.exec_prepared("proxies_due", FormatTimestamp(now - interval), limit)) {
      out.push_back(EndpointOf(row));
    }
  });
  return out;
}

void PgProxyStore::RecordCheck(const app::HealthRecord& record, Clock::TimePoint now,
                               const std::optional<app::Activity>& requested) {
  const std::string status(domain::ToString(record.status));
  const std::optional<std::string> error = record.error.empty() ? std::nullopt : std::optional(record.error);
  RunTransaction(pool_, [&](pqxx::work& tx) {
    // The proxy may have been deleted while it was being checked: then nothing to record.
    if (tx.exec_prepared("proxies_exists_any", record.proxy_uuid).empty()) return;
    tx.exec_prepared("proxies_add_check", record.proxy_uuid, FormatTimestamp(now), status, record.response_time_ms,
                     error);
    tx.exec_prepared("proxies_trim_checks", record.proxy_uuid, FormatTimestamp(now));
    auto row = tx.exec_prepared1("proxies_record_health", record.proxy_uuid, status, record.response_time_ms,
                                 FormatTimestamp(now));
    std::optional<std::string> persona;
    if (!row[0].is_null()) {
      persona = row[0].as<std::string>();
      const char* persona_status = record.status == domain::HealthStatus::kFailed ? "error" : "active";
      tx.exec_prepared("personas_set_proxy_status", *persona, persona_status);
    }
    // A proxy that starts failing is a security event (once, not at every failed check):
    // the persona behind it may be exposed or cut off.
    if (record.status == domain::HealthStatus::kFailed && row[1].as<std::string>("") != "failed" && !row[2].is_null()) {
      tx.exec_prepared("proxies_failure_event", row[2].as<std::string>(), persona,
                       "proxy " + row[4].as<std::string>() + " started failing its health checks",
                       nlohmann::json{{"proxy", record.proxy_uuid}, {"error", record.error}}.dump(),
                       row[3].as<std::string>(), FormatTimestamp(now));
    }
    if (requested) {
      auto activity = *requested;
      activity.persona_id = persona;
      activity.data["health_status"] = status;
      RecordActivity(tx, activity, now);
    }
  });
}

std::optional<app::Page> PgProxyStore::Checks(const std::string& user_id, const std::string& id,
                                              const app::PageRequest& page) {
  std::optional<app::Page> out;
  RunTransaction(pool_, [&](pqxx::work& tx) {
    if (tx.exec_prepared("proxies_exists", id, user_id).empty()) return;
    out = FetchPage(tx, "proxies_checks", page, id);
  });
  return out;
}

nlohmann::json PgProxyStore::MonthlyCosts(const std::string& user_id, int months, Clock::TimePoint now) {
  nlohmann::json items = nlohmann::json::array();
  RunStatement(pool_, [&](pqxx::nontransaction& tx) {
    for (const auto& row : tx.exec_prepared("proxies_monthly_costs", user_id, FormatTimestamp(now), months)) {
      items.push_back(RowToJson(row));
    }
  });
  return {{"items", items}};
}

app::AssignResult PgProxyStore::Assign(const std::string& user_id, const std::string& persona_id,
                                       const std::string& proxy_uuid, Clock::TimePoint now,
                                       const app::ClientInfo& client) {
  auto result = app::AssignResult::kAssigned;
  RunTransaction(pool_, [&](pqxx::work& tx) {
    // Lock order everywhere: persona, then proxy.
    if (tx.exec_prepared("personas_lock", persona_id, user_id).empty()) {
      result = app::AssignResult::kNoPersona;
      return;
    }
    auto proxy = tx.exec_prepared("proxies_lock", proxy_uuid, user_id);
    if (proxy.empty()) {
      result = app::AssignResult::kNoProxy;
      return;
    }
    const auto& row = proxy[0];
    if (!row[1].is_null()) {
      // Assigning the proxy a persona already has changes nothing (PUT is idempotent).
      result = row[1].as<std::string>() == persona_id ? app::AssignResult::kAssigned : app::AssignResult::kProxyTaken;
      return;
    }
    if (!tx.exec_prepared("proxies_of_persona", persona_id).empty()) {
      result = app::AssignResult::kPersonaHasProxy;
      return;
    }
    if (row[2].as<std::string>() == "maintenance") {
      result = app::AssignResult::kProxyInMaintenance;
      return;
    }
    tx.exec_prepared("proxies_assign", proxy_uuid, persona_id, FormatTimestamp(now));
    tx.exec_prepared("personas_set_proxy", persona_id, row[3].as<std::string>(), row[4].as<std::string>(),
                     row[5].as<std::string>(), "assigned", FormatTimestamp(now));
    RecordActivity(
        tx,
        ActivityOf(user_id, "proxy_assign", {{"proxy", proxy_uuid}, {"proxy_id", row[3].c_str()}}, client, persona_id),
        now);
  });
  return result;
}

bool PgProxyStore::Release(const std::string& user_id, const std::string& persona_id, Clock::TimePoint now,
                           const app::ClientInfo& client) {
  bool found = false;
  RunTransaction(pool_, [&](pqxx::work& tx) {
    found = !tx.exec_prepared("personas_lock", persona_id, user_id).empty();
    if (!found) return;
    auto released = tx.exec_prepared("proxies_release_persona", persona_id);
    if (released.empty()) throw ConflictError("the persona has no proxy to release");
    tx.exec_prepared("personas_set_proxy", persona_id, nullptr, nullptr, nullptr, "unassigned", FormatTimestamp(now));
    RecordActivity(
        tx,
        ActivityOf(user_id, "proxy_release", {{"proxy", released[0][0].c_str()}, {"proxy_id", released[0][1].c_str()}},
                   client, persona_id),
        now);
  });
  return found;
}

}  // namespace persona::storage
