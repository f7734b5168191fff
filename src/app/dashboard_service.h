#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "core/clock.h"

namespace persona::app {

class DashboardStore {
 public:
  virtual ~DashboardStore() = default;
  // One entry per persona (see DashboardService) and the counts over all of the user's data.
  virtual std::vector<nlohmann::json> Personas(const std::string& user_id, Clock::TimePoint now) = 0;
  virtual nlohmann::json Totals(const std::string& user_id, Clock::TimePoint now) = 0;
};

// GET /dashboard: per persona its status, proxy health, live session, accounts with
// today's posts against their limits, next scheduled post and risk with its factors;
// then totals over all of them (docs/dashboard.md).
class DashboardService {
 public:
  DashboardService(DashboardStore& store, const Clock& clock) : store_(store), clock_(clock) {}

  nlohmann::json Build(const std::string& user_id);

 private:
  DashboardStore& store_;
  const Clock& clock_;
};

}  // namespace persona::app
