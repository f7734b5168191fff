#pragma once

#include "app/dashboard_service.h"
#include "storage/pg/pool.h"

namespace persona::storage {

class PgDashboardStore : public app::DashboardStore {
 public:
  explicit PgDashboardStore(ConnectionPool& pool) : pool_(pool) {}

  std::vector<nlohmann::json> Personas(const std::string& user_id, Clock::TimePoint now) override;
  nlohmann::json Totals(const std::string& user_id, Clock::TimePoint now) override;

 private:
  ConnectionPool& pool_;
};

}  // namespace persona::storage
