#include <filesystem>
#include <functional>
#include <iomanip>
#include <ostream>

#include "cli/commands.h"
#include "cli/schema.h"
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
  auto safely = [&](bool changes, const std::function<std::vector<int>()>& run) {
    return MigrateAfterBackup(
        config, db.ConnectionString(), log, backup && changes && migrator.CurrentVersion() > 0,
        [&](const std::filesystem::path& path) { out << "backup: " << path.string() << std::endl; }, run);
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
      auto done = safely(migrator.CurrentVersion() < to.value_or(migrator.LatestVersion()),
                         [&] { return migrator.Up(to, progress); });
      out << (done.empty() ? "already up to date"
                           : "applied and verified " + std::to_string(done.size()) + " migration(s)")
          << "; schema at version " << migrator.CurrentVersion() << "\n";
      return kExitOk;
    }
    case MigrateAction::kDown: {
      int current = migrator.CurrentVersion();
      auto done = safely(to.value_or(current - 1) < current, [&] { return migrator.Down(to, progress); });
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
