#pragma once

#include "app/activity_service.h"
#include "app/session_cache.h"
#include "storage/pg/pool.h"

namespace persona::storage {

class PgActivityStore : public app::ActivityStore {
 public:
  PgActivityStore(ConnectionPool& pool, app::SessionCache& sessions) : pool_(pool), sessions_(sessions) {}

  app::Page List(const std::string& user_id, const app::ActivityFilter& filter, const app::PageRequest& page) override;
  std::optional<app::JsonText> Find(const std::string& user_id, const std::string& id) override;
  std::optional<nlohmann::json> RecordManual(const std::string& user_id, const app::ManualAction& action,
                                             Clock::TimePoint now, const app::ClientInfo& client) override;

 private:
  ConnectionPool& pool_;
  app::SessionCache& sessions_;
};

}  // namespace persona::storage
