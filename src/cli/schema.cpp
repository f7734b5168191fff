#include "cli/schema.h"

#include "cli/commands.h"
#include "storage/pg/migrator.h"

namespace persona::cli {

void PrepareSchema(const Config& config, const std::string& conninfo, Logger& log) {
  storage::Migrator migrator(conninfo, storage::EmbeddedMigrations(), log);
  int current = migrator.CurrentVersion();
  if (current == migrator.LatestVersion()) return;
  // A new persona on an existing database: the same safety as `migrate up`.
  MigrateAfterBackup(
      config, conninfo, log, current > 0,
      [&](const std::filesystem::path& backup) {
        log.Info("backed up the database before migrating it", {{"backup", backup.string()}});
      },
      [&] { return migrator.Up(std::nullopt, [&](const std::string& line) { log.Info(line); }); });
}

std::vector<int> MigrateAfterBackup(const Config& config, const std::string& conninfo, Logger& log, bool back_up,
                                    const std::function<void(const std::filesystem::path&)>& backed_up,
                                    const std::function<std::vector<int>()>& migrate) {
  std::optional<std::filesystem::path> backup;
  if (back_up) {
    backup = TakeBackup(config, conninfo, log, std::nullopt);
    backed_up(*backup);
  }
  try {
    return migrate();
  } catch (const storage::MigrationError& e) {
    if (!backup) throw;
    throw storage::MigrationError(std::string(e.what()) + "; the backup taken before is " + backup->string());
  }
}

}  // namespace persona::cli
