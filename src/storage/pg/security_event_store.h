#pragma once

#include "app/security_event_service.h"
#include "storage/pg/pool.h"

namespace persona::storage {

class PgSecurityEventStore : public app::SecurityEventStore {
 public:
  explicit PgSecurityEventStore(ConnectionPool& pool) : pool_(pool) {}

  app::Page List(const std::string& user_id, const app::SecurityEventFilter& filter,
                 const app::PageRequest& page) override;
  std::optional<nlohmann::json> Find(const std::string& user_id, const std::string& id) override;
  std::optional<bool> Resolve(const std::string& user_id, const std::string& id, const nlohmann::json& actions_taken,
                              Clock::TimePoint now, const app::ClientInfo& client) override;

 private:
  ConnectionPool& pool_;
};

}  // namespace persona::storage
