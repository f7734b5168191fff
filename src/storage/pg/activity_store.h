#pragma once

#include "app/activity_service.h"
#include "storage/pg/pool.h"

namespace persona::storage {

class PgActivityStore : public app::ActivityStore {
 public:
  explicit PgActivityStore(ConnectionPool& pool) : pool_(pool) {}

  app::Page List(const std::string& user_id, const app::ActivityFilter& filter, const app::PageRequest& page) override;
  std::optional<nlohmann::json> RecordManual(const std::string& user_id, const app::ManualAction& action,
                                             const std::function<domain::BurstAssessment(long long, long long)>& assess,
                                             Clock::TimePoint now, const app::ClientInfo& client) override;

 private:
  ConnectionPool& pool_;
};

}  // namespace persona::storage
