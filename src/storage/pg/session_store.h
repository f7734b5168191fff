#pragma once

#include "app/session_service.h"
#include "storage/pg/pool.h"

namespace persona::storage {

class PgSessionStore : public app::SessionStore {
 public:
  explicit PgSessionStore(ConnectionPool& pool) : pool_(pool) {}

  app::SessionOutcome Start(const std::string& user_id, const std::string& persona_id,
                            const nlohmann::json& active_platforms, const nlohmann::json& platform_sessions,
                            Clock::TimePoint now, const app::ClientInfo& client) override;
  std::optional<app::StoredSession> Find(const std::string& user_id, const std::string& id) override;
  app::Page List(const std::string& user_id, const app::SessionFilter& filter, const app::PageRequest& page) override;
  app::SessionOutcome Update(const std::string& user_id, const std::string& id, const app::SessionPatch& patch,
                             Clock::TimePoint now, const app::ClientInfo& client) override;
  app::SessionOutcome End(const std::string& user_id, const std::string& id, Clock::TimePoint now,
                          const app::ClientInfo& client) override;
  app::SessionSweep Sweep(Clock::TimePoint now, Clock::TimePoint idle_before, Clock::TimePoint end_before) override;

 private:
  ConnectionPool& pool_;
};

}  // namespace persona::storage
