#include <filesystem>
#include <functional>
#include <iomanip>
#include <ostream>

#include "cli/commands.h"
#include "core/errors.h"
#include "storage/pg/database.h"
#include "storage/pg/migrator.h"
#include "storage/pg/schema_version.h"

namespace persona::cli {

int Migrate(const Config& config, Logger& log, MigrateAction action, std::optional<int> to, bool backup,
            std::ostream& out) {
  return Migrate(config, log, storage::EmbeddedMigrations(), action, to, backup, out);
}

int Migrate(const Config& config, Logger& log, const std::vector<storage::Migration>& migrations, MigrateAction action,
            std::optional<int> to, bool backup, std::ostream& out) {
  storage::Database db(config, storage::Database::Role::kCommand, "migrate", log);
  storage::Migrator migrator(db.ConnectionString(), migrations, log);
  auto progress = [&](const std::string& line) { out << line << std::endl; };

  // Before up or down changes anything: a backup, unless there is nothing to change or
  // nothing to lose (an empty database), or the operator said --no-backup.
  std::optional<std::filesystem::path> backup_file;
  auto back_up_if_needed = [&](bool changes) {
    if (!backup || !changes || migrator.CurrentVersion() == 0) return;
    out << "taking a backup first …" << std::endl;
    backup_file = TakeBackup(config, db.ConnectionString(), log, std::nullopt);
    out << "backup: " << backup_file->string() << std::endl;
  };
  // A failed run changed nothing (one transaction); say where the backup is all the same.
  auto migrate = [&](const std::function<std::vector<int>()>& run) {
    try {
      return run();
    } catch (const storage::MigrationError& e) {
      if (!backup_file) throw;
      throw storage::MigrationError(std::string(e.what()) + "; the backup taken before is " + backup_file->string());
    }
  };

  switch (action) {
    case MigrateAction::kStatus: {
      auto states = migrator.Status();
      int current = 0;
      out << std::left << std::setw(8) << "version" << std::setw(28) << "name" << std::setw(10) << "state"
          << std::setw(22) << "applied_at"
          << "app_version\n";
      for (const auto& s : states) {
        std::string state = !s.known ? "unknown" : !s.applied ? "pending" : s.checksum_matches ? "applied" : "MODIFIED";
        if (s.applied) current = std::max(current, s.version);
        out << std::left << std::setw(8) << s.version << std::setw(28) << s.name << std::setw(10) << state
            << std::setw(22) << (s.applied_at.empty() ? "-" : s.applied_at)
            << (s.app_version.empty() ? "-" : s.app_version) << "\n";
      }
      out << "schema at version " << current << " of " << migrator.LatestVersion() << " (schema "
          << storage::SchemaVersionAfter(current) << ")\n";
      return kExitOk;
    }
    case MigrateAction::kUp: {
      back_up_if_needed(migrator.CurrentVersion() < to.value_or(migrator.LatestVersion()));
      auto done = migrate([&] { return migrator.Up(to, progress); });
      out << (done.empty() ? "already up to date"
                           : "applied and verified " + std::to_string(done.size()) + " migration(s)")
          << "; schema at version " << migrator.CurrentVersion() << "\n";
      return kExitOk;
    }
    case MigrateAction::kDown: {
      int current = migrator.CurrentVersion();
      back_up_if_needed(current > 0 && to.value_or(current - 1) < current);
      auto done = migrate([&] { return migrator.Down(to, progress); });
      out << (done.empty() ? "nothing to revert"
                           : "reverted and verified " + std::to_string(done.size()) + " migration(s)")
          << "; schema at version " << migrator.CurrentVersion() << "\n";
      return kExitOk;
    }
    case MigrateAction::kVerify: {
      auto report = migrator.Verify();
      if (report.ok) {
        out << "verify: the schema matches migrations 1.." << migrator.CurrentVersion() << "\n";
        return kExitOk;
      }
      for (const auto& p : report.problems) out << "verify: " << p << "\n";
      throw storage::MigrationError("verify found " + std::to_string(report.problems.size()) +
                                    " difference(s) between the database and its migrations");
    }
  }
  return kExitFailure;
}

}  // namespace persona::cli
