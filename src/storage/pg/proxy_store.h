#pragma once

#include "app/proxy_service.h"
#include "storage/pg/pool.h"

namespace persona::storage {

class PgProxyStore : public app::ProxyStore {
 public:
  explicit PgProxyStore(ConnectionPool& pool) : pool_(pool) {}

  void Insert(const std::string& user_id, const std::string& id, const nlohmann::json& body,
              const std::string& password_encrypted, Clock::TimePoint now, const app::ClientInfo& client) override;
  std::optional<nlohmann::json> Find(const std::string& user_id, const std::string& id) override;
  app::Page List(const std::string& user_id, const app::PageRequest& page) override;
  bool Update(const std::string& user_id, const std::string& id, const nlohmann::json& patch,
              const std::optional<std::string>& password_encrypted, Clock::TimePoint now,
              const app::ClientInfo& client) override;
  bool Delete(const std::string& user_id, const std::string& id, Clock::TimePoint now,
              const app::ClientInfo& client) override;
  std::optional<app::StoredProxyEndpoint> Endpoint(const std::string& user_id, const std::string& id) override;
  std::vector<app::StoredProxyEndpoint> DueForCheck(Clock::TimePoint now, std::chrono::seconds interval,
                                                    int limit) override;
  void RecordCheck(const app::HealthRecord& record, Clock::TimePoint now,
                   const std::optional<app::Activity>& requested) override;
  std::optional<app::Page> Checks(const std::string& user_id, const std::string& id,
                                  const app::PageRequest& page) override;
  nlohmann::json MonthlyCosts(const std::string& user_id, int months, Clock::TimePoint now) override;
  app::AssignResult Assign(const std::string& user_id, const std::string& persona_id, const std::string& proxy_uuid,
                           Clock::TimePoint now, const app::ClientInfo& client) override;
  bool Release(const std::string& user_id, const std::string& persona_id, Clock::TimePoint now,
               const app::ClientInfo& client) override;

 private:
  ConnectionPool& pool_;
};

}  // namespace persona::storage
