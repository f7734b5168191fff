#include "storage/pg/user_repository.h"

#include <pqxx/pqxx>

#include "core/errors.h"
#include "storage/pg/transaction.h"

namespace persona::storage {

std::string PgUserRepository::Add(const app::NewUser& user) {
  std::string id;
  try {
    RunTransaction(pool_, [&](pqxx::work& tx) {
      id = tx.exec_prepared1("users_insert", user.email, user.password_hash, user.subscription_tier,
                             user.max_personas)[0]
               .as<std::string>();
    });
  } catch (const pqxx::unique_violation&) {
    throw ConflictError("a user with email " + user.email + " already exists");
  }
  return id;
}

std::vector<app::UserSummary> PgUserRepository::List() {
  std::vector<app::UserSummary> users;
  RunTransaction(pool_, [&](pqxx::work& tx) {
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
  RunTransaction(pool_, [&](pqxx::work& tx) {
    changed = tx.exec_prepared("users_set_password", email, password_hash).affected_rows() == 1;
  });
  return changed;
}

long long PgUserRepository::Count() {
  long long n = 0;
  RunTransaction(pool_, [&](pqxx::work& tx) { n = tx.exec_prepared1("users_count")[0].as<long long>(); });
  return n;
}

}  // namespace persona::storage
