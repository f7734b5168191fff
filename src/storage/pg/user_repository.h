#pragma once

#include "app/session_cache.h"
#include "app/user_repository.h"
#include "storage/pg/pool.h"

namespace persona::storage {

class PgUserRepository : public app::UserRepository {
 public:
  PgUserRepository(ConnectionPool& pool, app::SessionCache& sessions) : pool_(pool), sessions_(sessions) {}

  std::string Add(const app::NewUser& user) override;
  std::vector<app::UserSummary> List() override;
  bool SetPasswordHash(const std::string& email, const std::string& password_hash) override;
  long long Count() override;
  std::optional<std::string> IdOf(const std::string& email) override;
  std::optional<app::ErasureReport> Erase(const std::string& user_id,
                                          const std::function<void(const std::string&)>& check) override;

 private:
  ConnectionPool& pool_;
  app::SessionCache& sessions_;
};

}  // namespace persona::storage
