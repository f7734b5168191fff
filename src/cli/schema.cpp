#include "cli/schema.h"

#include "cli/commands.h"
#include "storage/pg/migrator.h"

namespace persona::cli {

void PrepareSchema(const Config& config, const std::string& conninfo, Logger& log) {
  storage::Migrator migrator(conninfo, storage::EmbeddedMigrations(), log);
  int current = migrator.CurrentVersion();
  if (current == migrator.LatestVersion()) return;
  // A new persona on an existing database: the same safety as `migrate up`.
  std::optional<std::filesystem::path> backup;
  if (current > 0) {
    backup = TakeBackup(config, conninfo, log, std::nullopt);
    log.Info("backed up the database before migrating it", {{"backup", backup->string()}});
  }
  try {
    migrator.Up(std::nullopt, [&](const std::string& line) { log.Info(line); });
  } catch (const storage::MigrationError& e) {
    if (!backup) throw;
    throw storage::MigrationError(std::string(e.what()) + "; the backup taken before is " + backup->string());
  }
}

}  // namespace persona::cli
