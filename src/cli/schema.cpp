#include "cli/schema.h"

#include "storage/pg/migrator.h"

namespace persona::cli {

void PrepareSchema(const std::string& conninfo, Logger& log) {
  storage::Migrator migrator(conninfo, storage::EmbeddedMigrations(), log);
  if (migrator.CurrentVersion() == migrator.LatestVersion()) return;
  migrator.Up(std::nullopt, [&](const std::string& line) { log.Info(line); });
}

}  // namespace persona::cli
