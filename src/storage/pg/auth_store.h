#pragma once

#include "app/auth_store.h"
#include "storage/pg/pool.h"

namespace persona::storage {

class PgAuthStore : public app::AuthStore {
 public:
  explicit PgAuthStore(ConnectionPool& pool) : pool_(pool) {}

  void Transaction(const std::function<void(app::AuthTx&)>& work) override;
  std::optional<app::CallerIdentity> SessionCaller(const std::string& token_hash, app::TimePoint now,
                                                   std::chrono::seconds idle_timeout) override;
  std::optional<app::CallerIdentity> TokenCaller(const std::string& token_hash, app::TimePoint now) override;

 private:
  ConnectionPool& pool_;
};

}  // namespace persona::storage
