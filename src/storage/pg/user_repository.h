#pragma once

#include "app/user_repository.h"
#include "storage/pg/pool.h"

namespace persona::storage {

class PgUserRepository : public app::UserRepository {
 public:
  explicit PgUserRepository(ConnectionPool& pool) : pool_(pool) {}

  std::string Add(const app::NewUser& user) override;
  std::vector<app::UserSummary> List() override;
  bool SetPasswordHash(const std::string& email, const std::string& password_hash) override;
  long long Count() override;

 private:
  ConnectionPool& pool_;
};

}  // namespace persona::storage
