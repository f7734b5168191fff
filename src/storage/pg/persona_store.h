#pragma once

#include "app/persona_service.h"
#include "app/session_cache.h"
#include "storage/pg/pool.h"

namespace persona::storage {

class PgPersonaStore : public app::PersonaStore {
 public:
  PgPersonaStore(ConnectionPool& pool, app::SessionCache& sessions) : pool_(pool), sessions_(sessions) {}

  std::string Insert(const std::string& user_id, const nlohmann::json& body, Clock::TimePoint now,
                     const app::ClientInfo& client) override;
  std::optional<app::JsonText> Find(const std::string& user_id, const std::string& persona_id) override;
  app::Page List(const std::string& user_id, const app::PageRequest& page) override;
  bool Update(const std::string& user_id, const std::string& persona_id, const nlohmann::json& patch,
              Clock::TimePoint now, const app::ClientInfo& client) override;
  bool Delete(const std::string& user_id, const std::string& persona_id, Clock::TimePoint now,
              const app::ClientInfo& client) override;
  std::optional<nlohmann::json> Risk(const std::string& user_id, const std::string& persona_id) override;

 private:
  ConnectionPool& pool_;
  app::SessionCache& sessions_;
};

}  // namespace persona::storage
