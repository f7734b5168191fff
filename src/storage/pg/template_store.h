#pragma once

#include "app/template_service.h"
#include "storage/pg/pool.h"

namespace persona::storage {

class PgTemplateStore : public app::TemplateStore {
 public:
  explicit PgTemplateStore(ConnectionPool& pool) : pool_(pool) {}

  std::string Insert(const std::string& user_id, const nlohmann::json& body, Clock::TimePoint now,
                     const app::ClientInfo& client) override;
  std::optional<nlohmann::json> Find(const std::string& user_id, const std::string& id) override;
  app::Page List(const std::string& user_id, const app::PageRequest& page) override;
  bool Update(const std::string& user_id, const std::string& id, const nlohmann::json& patch, Clock::TimePoint now,
              const app::ClientInfo& client) override;
  bool Delete(const std::string& user_id, const std::string& id, Clock::TimePoint now,
              const app::ClientInfo& client) override;
  bool OwnsPersonas(const std::string& user_id, const std::vector<std::string>& persona_ids) override;

 private:
  ConnectionPool& pool_;
};

}  // namespace persona::storage
