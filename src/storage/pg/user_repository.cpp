#include "storage/pg/user_repository.h"

#include <pqxx/pqxx>

#include "core/errors.h"

namespace persona::storage {

std::string PgUserRepository::Add(const app::NewUser& user) {
  auto conn = pool_.Acquire();
  try {
    pqxx::work tx(*conn);
    auto row =
        tx.exec_prepared1("users_insert", user.email, user.password_hash, user.subscription_tier, user.max_personas);
    tx.commit();
    return row[0].as<std::string>();
  } catch (const pqxx::unique_violation&) {
    throw ConflictError("a user with email " + user.email + " already exists");
  } catch (const pqxx::broken_connection& e) {
    throw DatabaseUnavailable(std::string("lost the database connection: ") + e.what());
  }
}

std::vector<app::UserSummary> PgUserRepository::List() {
  auto conn = pool_.Acquire();
  try {
    pqxx::read_transaction tx(*conn);
    std::vector<app::UserSummary> users;
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
    return users;
  } catch (const pqxx::broken_connection& e) {
    throw DatabaseUnavailable(std::string("lost the database connection: ") + e.what());
  }
}

bool PgUserRepository::SetPasswordHash(const std::string& email, const std::string& password_hash) {
  auto conn = pool_.Acquire();
  try {
    pqxx::work tx(*conn);
    auto result = tx.exec_prepared("users_set_password", email, password_hash);
    tx.commit();
    return result.affected_rows() == 1;
  } catch (const pqxx::broken_connection& e) {
    throw DatabaseUnavailable(std::string("lost the database connection: ") + e.what());
  }
}

long long PgUserRepository::Count() {
  auto conn = pool_.Acquire();
  try {
    pqxx::read_transaction tx(*conn);
    return tx.exec_prepared1("users_count")[0].as<long long>();
  } catch (const pqxx::broken_connection& e) {
    throw DatabaseUnavailable(std::string("lost the database connection: ") + e.what());
  }
}

}  // namespace persona::storage
