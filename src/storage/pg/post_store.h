#pragma once

#include "app/post_service.h"
#include "app/session_cache.h"
#include "storage/pg/pool.h"

namespace persona::storage {

class PgPostStore : public app::PostStore {
 public:
  PgPostStore(ConnectionPool& pool, app::SessionCache& sessions) : pool_(pool), sessions_(sessions) {}

  std::optional<app::PostAccount> Account(const std::string& user_id, const std::string& account_id) override;
  std::pair<int, int> LocalTime(Clock::TimePoint at, const std::string& timezone) override;
  std::string Insert(const std::string& user_id, const app::PostAccount& account, const nlohmann::json& body,
                     Clock::TimePoint now, const app::ClientInfo& client) override;
  std::optional<nlohmann::json> Find(const std::string& user_id, const std::string& id) override;
  app::Page List(const std::string& user_id, const app::PostFilter& filter, const app::PageRequest& page) override;
  bool Update(const std::string& user_id, const std::string& id, const nlohmann::json& patch, Clock::TimePoint now,
              const app::ClientInfo& client) override;
  bool Delete(const std::string& user_id, const std::string& id, Clock::TimePoint now,
              const app::ClientInfo& client) override;
  app::PublishOutcome Publish(const std::string& user_id, const std::string& id, const std::string& platform_post_id,
                              Clock::TimePoint published_at, Clock::TimePoint now,
                              const app::ClientInfo& client) override;
  app::EngagementOutcome RecordEngagement(const std::string& user_id, const std::string& id, const std::string& window,
                                          const nlohmann::json& metrics, Clock::TimePoint now,
                                          const app::ClientInfo& client) override;
  std::vector<nlohmann::json> Due(const std::string& user_id, Clock::TimePoint now) override;
  std::vector<std::string> MatchAccounts(const std::string& user_id, const std::string& persona,
                                         const std::string& account) override;
  std::string LocalToUtc(const std::string& local, const std::string& timezone) override;
  std::vector<nlohmann::json> Warnings(const std::string& user_id, const app::WarningsQuery& query) override;
  std::vector<nlohmann::json> Export(const std::string& user_id, const app::PostFilter& filter) override;

 private:
  ConnectionPool& pool_;
  app::SessionCache& sessions_;
};

}  // namespace persona::storage
