#pragma once

#include "app/account_service.h"
#include "storage/pg/pool.h"

namespace persona::storage {

class PgAccountStore : public app::AccountStore {
 public:
  explicit PgAccountStore(ConnectionPool& pool) : pool_(pool) {}

  bool Insert(const std::string& user_id, const std::string& account_id, const app::NewAccount& account,
              const std::string& credentials_encrypted, const std::optional<std::string>& auth_tokens_encrypted,
              app::TimePoint now, const app::ClientInfo& client) override;
  std::optional<nlohmann::json> Find(const std::string& user_id, const std::string& account_id,
                                     Clock::TimePoint now) override;
  std::optional<app::Page> List(const std::string& user_id, const std::string& persona_id, const app::PageRequest& page,
                                Clock::TimePoint now) override;
  bool Update(const std::string& user_id, const std::string& account_id, const nlohmann::json& patch,
              const std::optional<std::string>& credentials_encrypted,
              const std::optional<std::string>& auth_tokens_encrypted, app::TimePoint now,
              const app::ClientInfo& client) override;
  bool Delete(const std::string& user_id, const std::string& account_id, app::TimePoint now,
              const app::ClientInfo& client) override;
  std::optional<app::AccountSecrets> FindSecrets(const std::string& user_id, const std::string& account_id) override;
  std::optional<std::string> PasswordHash(const std::string& user_id) override;
  void RecordReveal(const std::string& user_id, const app::AccountSecrets& account, bool allowed, app::TimePoint now,
                    const app::ClientInfo& client) override;

 private:
  ConnectionPool& pool_;
};

}  // namespace persona::storage
