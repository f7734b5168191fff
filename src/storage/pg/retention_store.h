#pragma once

#include "app/retention_service.h"
#include "storage/pg/pool.h"

namespace persona::storage {

class PgRetentionStore : public app::RetentionStore {
 public:
  explicit PgRetentionStore(ConnectionPool& pool) : pool_(pool) {}

  void EnsurePartitions(Clock::TimePoint now, int months_ahead) override;
  app::RetentionRun Run(const app::RetentionCutoffs& cutoffs, bool dry_run) override;

 private:
  ConnectionPool& pool_;
};

}  // namespace persona::storage
