#include "storage/pg/user_repository.h"

#include <pqxx/pqxx>

#include "core/errors.h"
#include "storage/pg/transaction.h"

namespace persona::storage {

std::string PgUserRepository::Add(const app::NewUser& user) {
  std::string id;
  try {
    RunStatement(pool_, [&](pqxx::nontransaction& tx) {
      id = tx.exec_prepared1("users_insert", user.email, user.password_hash, user.subscription_tier, user.max_personas,
                             user.password_change_required)[0]
               .as<std::string>();
    });
  } catch (const pqxx::unique_violation&) {
    throw ConflictError("a user with email " + user.email + " already exists");
  }
  return id;
}

std::vector<app::UserSummary> PgUserRepository::List() {
  std::vector<app::UserSummary> users;
  RunStatement(pool_, [&](pqxx::nontransaction& tx) {
    users.clear();
    for (const auto& row : tx.exec_prepared("users_list")) {
      app::UserSummary u;
      u.id = row[0].as<std::string>();
      u.email = row[1].as<std::string>();
      u.subscription_tier = row[2].as<std::string>("");
      u.max_personas = row[3].as<int>(0);
      u.is_active = row[4].as<bool>(true);
      u.two_factor_enabled = row[5].as<bool>(false);
      u.created_at = row[6].as<std::string>("");
      if (!row[7].is_null()) u.last_login = row[7].as<std::string>();
      users.push_back(std::move(u));
    }
  });
  return users;
}

bool PgUserRepository::SetPasswordHash(const std::string& email, const std::string& password_hash) {
  bool changed = false;
  RunStatement(pool_, [&](pqxx::nontransaction& tx) {
    changed = tx.exec_prepared("users_set_password", email, password_hash).affected_rows() == 1;
  });
  return changed;
}

long long PgUserRepository::Count() {
  long long n = 0;
  RunStatement(pool_, [&](pqxx::nontransaction& tx) { n = tx.exec_prepared1("users_count")[0].as<long long>(); });
  return n;
}

std::optional<std::string> PgUserRepository::IdOf(const std::string& email) {
  std::optional<std::string> out;
  RunStatement(pool_, [&](pqxx::nontransaction& tx) {
    auto rows = tx.exec_prepared("users_id_of", email);
    out = rows.empty() ? std::nullopt : std::optional(rows[0][0].as<std::string>());
  });
  return out;
}

std::optional<app::ErasureReport> PgUserRepository::Erase(const std::string& user_id,
                                                          const std::function<void(const std::string&)>& check) {
  std::optional<app::ErasureReport> out;
  std::vector<std::string> live_sessions;
  RunTransaction(pool_, [&](pqxx::work& tx) {
    out.reset();
    live_sessions.clear();
    auto user = tx.exec_prepared("users_erase_lock", user_id);
    if (user.empty()) return;
    check(user[0][1].as<std::string>());
    for (const auto& row : tx.exec_prepared("users_erase_live_sessions", user_id)) {
      live_sessions.push_back(row[0].as<std::string>());
    }
    app::ErasureReport report;
    auto counts = tx.exec_prepared1("users_erase_counts", user_id);
    for (const auto& field : counts) report.removed.emplace_back(field.name(), field.as<long long>());
    report.security_events_deidentified =
        tx.exec_prepared1("users_erase_deidentify_events", user_id)[0].as<long long>();
    // activity_logs.user_id has no ON DELETE (the seed's), nor login_attempts a key.
    report.removed.emplace_back("activity_logs", tx.exec_prepared1("users_erase_activity", user_id)[0].as<long long>());
    report.removed.emplace_back(
        "login_attempts",
        tx.exec_prepared1("users_erase_login_attempts", user[0][0].as<std::string>())[0].as<long long>());
    tx.exec_prepared("users_erase_user", user_id);
    out = std::move(report);
  });
  for (const auto& id : live_sessions) sessions_.Forget(id, app::SessionCache::kGone);
  return out;
}

}  // namespace persona::storage
