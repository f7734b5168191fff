#include "storage/pg/account_store.h"

#include <pqxx/pqxx>

#include "core/errors.h"
#include "core/time_format.h"
#include "storage/pg/activity_writer.h"
#include "storage/pg/page_query.h"
#include "storage/pg/row_json.h"
#include "storage/pg/sql_params.h"
#include "storage/pg/transaction.h"

namespace persona::storage {
bool PgAccountStore::Insert(const std::string& user_id, const std::string& account_id, const app::NewAccount& a,
                            const std::string& credentials_encrypted,
                            const std::optional<std::string>& auth_tokens_encrypted, app::TimePoint now,
                            const app::ClientInfo& client) {
  bool inserted = false;
  try {
    RunTransaction(pool_, [&](pqxx::work& tx) {
      auto r = tx.exec_prepared("accounts_insert", account_id, a.persona_id, user_id, a.platform_type, a.username,
                                OrNull(a.display_name), OrNull(a.bio), OrNull(a.profile_image_url),
                                credentials_encrypted, OrNull(auth_tokens_encrypted), a.platform_settings.dump(),
                                a.posting_schedule.dump(), a.daily_post_limit, FormatTimestamp(now));
      inserted = !r.empty();
      if (!inserted) return;
      RecordActivity(tx,
                     ActivityOf(user_id, "account_create", {{"account_id", account_id}, {"username", a.username}},
                                client, a.persona_id, a.platform_type),
                     now);
    });
  } catch (const pqxx::unique_violation&) {
    throw ConflictError("the username " + a.username + " is already used on " + a.platform_type);
  }
  return inserted;
}

std::optional<nlohmann::json> PgAccountStore::Find(const std::string& user_id, const std::string& account_id,
                                                   Clock::TimePoint now) {
  std::optional<nlohmann::json> out;
  RunStatement(pool_, [&](pqxx::nontransaction& tx) {
    auto r = tx.exec_prepared("accounts_get", account_id, user_id, FormatTimestamp(now));
    if (!r.empty()) out = RowToJson(r[0]);
  });
  return out;
}

std::optional<app::Page> PgAccountStore::List(const std::string& user_id, const std::string& persona_id,
                                              const app::PageRequest& page, Clock::TimePoint now) {
  std::optional<app::Page> out;
  RunTransaction(pool_, [&](pqxx::work& tx) {
    if (tx.exec_prepared("accounts_persona_exists", persona_id, user_id).empty()) return;
    out = FetchPage(tx, "accounts_list", page, persona_id, user_id, FormatTimestamp(now));
  });
  return out;
}

bool PgAccountStore::Update(const std::string& user_id, const std::string& account_id, const nlohmann::json& patch,
                            const std::optional<std::string>& credentials_encrypted,
                            const std::optional<std::string>& auth_tokens_encrypted, app::TimePoint now,
                            const app::ClientInfo& client) {
  bool found = false;
  try {
    RunTransaction(pool_, [&](pqxx::work& tx) {
      auto r = tx.exec_prepared("accounts_update", account_id, user_id, patch.dump(), OrNull(credentials_encrypted),
                                OrNull(auth_tokens_encrypted), FormatTimestamp(now));
      found = !r.empty();
      if (!found) return;
      nlohmann::json fields = nlohmann::json::array();
      for (const auto& [key, value] : patch.items()) fields.push_back(key);
      if (credentials_encrypted) fields.push_back("credentials");
      if (auth_tokens_encrypted) fields.push_back("auth_tokens");
      RecordActivity(tx,
                     ActivityOf(user_id, "account_update", {{"account_id", account_id}, {"fields", fields}}, client,
                                r[0][0].as<std::string>(), r[0][1].as<std::string>()),
                     now);
    });
  } catch (const pqxx::unique_violation&) {
    throw ConflictError("that username is already used on this platform");
  }
  return found;
}

bool PgAccountStore::Delete(const std::string& user_id, const std::string& account_id, app::TimePoint now,
                            const app::ClientInfo& client) {
  bool found = false;
  RunTransaction(pool_, [&](pqxx::work& tx) {
    auto r = tx.exec_prepared("accounts_delete", account_id, user_id);
    found = !r.empty();
    if (!found) return;
    RecordActivity(tx,
                   ActivityOf(user_id, "account_delete", {{"account_id", account_id}}, client,
                              r[0][0].as<std::string>(), r[0][1].as<std::string>()),
                   now);
  });
  return found;
}

std::optional<app::AccountSecrets> PgAccountStore::FindSecrets(const std::string& user_id,
                                                               const std::string& account_id) {
  std::optional<app::AccountSecrets> out;
  RunStatement(pool_, [&](pqxx::nontransaction& tx) {
    auto r = tx.exec_prepared("accounts_secrets", account_id, user_id);
    if (r.empty()) return;
    app::AccountSecrets s;
    s.id = r[0][0].as<std::string>();
    s.persona_id = r[0][1].as<std::string>();
    s.platform_type = r[0][2].as<std::string>();
    if (!r[0][3].is_null()) s.credentials_encrypted = r[0][3].as<std::string>();
    if (!r[0][4].is_null()) s.auth_tokens_encrypted = r[0][4].as<std::string>();
    out = s;
  });
  return out;
}

std::optional<std::string> PgAccountStore::PasswordHash(const std::string& user_id) {
  std::optional<std::string> out;
  RunStatement(pool_, [&](pqxx::nontransaction& tx) {
    auto r = tx.exec_prepared("accounts_password_hash", user_id);
    if (!r.empty()) out = r[0][0].as<std::string>();
  });
  return out;
}

void PgAccountStore::RecordReveal(const std::string& user_id, const app::AccountSecrets& account, bool allowed,
                                  app::TimePoint now, const app::ClientInfo& client) {
  RunTransaction(pool_, [&](pqxx::work& tx) {
    const char* type = allowed ? "secret_revealed" : "reauth_failure";
    std::string description = allowed ? "platform account credentials revealed"
                                      : "wrong password when revealing platform account credentials";
    tx.exec_prepared("accounts_security_event", type, "warning", user_id, account.persona_id, account.id, description,
                     nlohmann::json{{"platform_type", account.platform_type}}.dump(), NullIfEmpty(client.ip),
                     NullIfEmpty(client.user_agent), FormatTimestamp(now));
    if (allowed) {
      RecordActivity(tx,
                     ActivityOf(user_id, "account_reveal", {{"account_id", account.id}}, client, account.persona_id,
                                account.platform_type),
                     now);
    }
  });
}

}  // namespace persona::storage
