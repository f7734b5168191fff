#include "storage/pg/account_store.h"

#include <pqxx/pqxx>

#include "core/errors.h"
#include "core/time_format.h"
#include "storage/pg/transaction.h"

namespace persona::storage {
namespace {

const char* OrNull(const std::optional<std::string>& s) { return s ? s->c_str() : nullptr; }
const char* NullIfEmpty(const std::string& s) { return s.empty() ? nullptr : s.c_str(); }

nlohmann::json TextOrNull(const pqxx::field& f) {
  return f.is_null() ? nlohmann::json(nullptr) : nlohmann::json(f.as<std::string>());
}

}  // namespace

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
      tx.exec_prepared("accounts_activity", user_id, a.persona_id, "account_create", a.platform_type,
                       nlohmann::json{{"account_id", account_id}, {"username", a.username}}.dump(),
                       NullIfEmpty(client.ip), NullIfEmpty(client.user_agent), FormatTimestamp(now));
    });
  } catch (const pqxx::unique_violation&) {
    throw ConflictError("the username " + a.username + " is already used on " + a.platform_type);
  }
  return inserted;
}

std::optional<nlohmann::json> PgAccountStore::Find(const std::string& user_id, const std::string& account_id) {
  std::optional<nlohmann::json> out;
  RunTransaction(pool_, [&](pqxx::work& tx) {
    auto r = tx.exec_prepared("accounts_get", account_id, user_id);
    if (r.empty()) return;
    const auto& row = r[0];
    out = nlohmann::json{{"id", row[0].as<std::string>()},
                         {"persona_id", row[1].as<std::string>()},
                         {"platform_type", row[2].as<std::string>()},
                         {"username", row[3].as<std::string>()},
                         {"display_name", TextOrNull(row[4])},
                         {"bio", TextOrNull(row[5])},
                         {"profile_image_url", TextOrNull(row[6])},
                         {"account_status", TextOrNull(row[7])},
                         {"verification_level", TextOrNull(row[8])},
                         {"follower_count", row[9].as<int>(0)},
                         {"following_count", row[10].as<int>(0)},
                         {"platform_settings", nlohmann::json::parse(row[11].as<std::string>())},
                         {"posting_schedule", nlohmann::json::parse(row[12].as<std::string>())},
                         {"daily_post_limit", row[13].as<int>(10)},
                         {"daily_posts_count", row[14].as<int>(0)},
                         {"last_post_at", TextOrNull(row[15])},
                         {"cooldown_until", TextOrNull(row[16])},
                         {"warning_count", row[17].as<int>(0)},
                         {"created_at", TextOrNull(row[18])},
                         {"updated_at", TextOrNull(row[19])},
                         {"last_login", TextOrNull(row[20])},
                         {"is_active", row[21].as<bool>(true)},
                         {"has_credentials", row[22].as<bool>()},
                         {"has_auth_tokens", row[23].as<bool>()}};
  });
  return out;
}

std::optional<app::AccountSecrets> PgAccountStore::FindSecrets(const std::string& user_id,
                                                               const std::string& account_id) {
  std::optional<app::AccountSecrets> out;
  RunTransaction(pool_, [&](pqxx::work& tx) {
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
  RunTransaction(pool_, [&](pqxx::work& tx) {
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
      tx.exec_prepared("accounts_activity", user_id, account.persona_id, "account_reveal", account.platform_type,
                       nlohmann::json{{"account_id", account.id}}.dump(), NullIfEmpty(client.ip),
                       NullIfEmpty(client.user_agent), FormatTimestamp(now));
    }
  });
}

}  // namespace persona::storage
