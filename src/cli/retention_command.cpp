#include <iomanip>
#include <ostream>

#include "app/retention_service.h"
#include "cli/commands.h"
#include "cli/schema.h"
#include "core/clock.h"
#include "core/errors.h"
#include "storage/pg/database.h"
#include "storage/pg/pool.h"
#include "storage/pg/retention_store.h"

namespace persona::cli {

int RetentionRun(const Config& config, Logger& log, bool dry_run, std::ostream& out) {
  storage::Database db(config, storage::Database::Role::kCommand, "retention run", log);
  PrepareSchema(config, db.ConnectionString(), log);
  storage::ConnectionPool pool(db.ConnectionString(), 1);
  SystemClock clock;
  storage::PgRetentionStore store(pool);
  app::RetentionService retention(store, clock);

  auto run = retention.Run(dry_run);
  if (!run.ran) throw ConflictError("another retention run is in progress on this database; try again later");
  out << std::left << std::setw(22) << "table" << (dry_run ? "would remove" : "removed") << "\n";
  for (const auto& r : run.results) {
    out << std::setw(22) << r.table << r.rows;
    if (!r.partitions_dropped.empty()) {
      out << " (" << (dry_run ? "would drop " : "dropped ");
      for (std::size_t i = 0; i < r.partitions_dropped.size(); ++i) out << (i ? ", " : "") << r.partitions_dropped[i];
      out << ")";
    }
    out << "\n";
  }
  if (dry_run) out << "dry run: nothing was removed\n";
  return kExitOk;
}

}  // namespace persona::cli
