#include <algorithm>
#include <ostream>
#include <set>

#include <pqxx/except>

#include "cli/commands.h"
#include "core/clock.h"
#include "core/errors.h"
#include "core/time_format.h"
#include "core/version.h"
#include "crypto/key_store.h"
#include "storage/pg/backup.h"
#include "storage/pg/database.h"
#include "storage/pg/key_rewrap.h"
#include "storage/pg/migrator.h"
#include "storage/pg/pool.h"
#include "storage/pg/schema_version.h"

namespace persona::cli {
namespace fs = std::filesystem;
namespace {

// DATA_DIR/backups/persona-20261127T080000Z-v9.dump, never an existing name.
fs::path DefaultBackupPath(const Config& config, Clock::TimePoint now, int schema_version) {
  std::string stamp = FormatTimestamp(now).substr(0, 19);  // 2026-11-27T08:00:00
  std::erase_if(stamp, [](char c) { return c == '-' || c == ':'; });
  auto dir = config.data_dir / "backups";
  std::string base = "persona-" + stamp + "Z-v" + std::to_string(schema_version);
  fs::path path = dir / (base + ".dump");
  for (int i = 2; fs::exists(path); ++i) path = dir / (base + "-" + std::to_string(i) + ".dump");
  return path;
}

// The keys the database's encrypted values are under; all the key file's keys when the
// schema is too old for the count (a backup before an early migration).
std::vector<std::string> KeyIdsInUse(const Config& config, const std::string& conninfo) {
  try {
    storage::ConnectionPool pool(conninfo, 1);
    std::set<std::string> kids;
    for (const auto& usage : storage::CountKeyUsage(pool)) {
      for (const auto& [kid, count] : usage.values_per_kid) {
        if (!kid.empty() && count > 0) kids.insert(kid);
      }
    }
    return {kids.begin(), kids.end()};
  } catch (const pqxx::sql_error&) {
    return crypto::KeyStore(config.KeyFile(), config.master_key).Kids();
  }
}

}  // namespace

fs::path TakeBackup(const Config& config, const std::string& conninfo, Logger& log,
                    const std::optional<fs::path>& file) {
  SystemClock clock;
  auto now = clock.Now();
  storage::BackupInfo info;
  {
    storage::Migrator migrator(conninfo, storage::EmbeddedMigrations(), log);
    info.schema_version = migrator.CurrentVersion();
  }
  info.schema_semver = storage::SchemaVersionAfter(info.schema_version);
  info.app_version = std::string(kAppVersion);
  info.created_at = FormatTimestamp(now);
  info.key_ids = KeyIdsInUse(config, conninfo);
  auto path = file.value_or(DefaultBackupPath(config, now, info.schema_version));
  storage::WriteBackup(conninfo, path, info);
  return path;
}

int Backup(const Config& config, Logger& log, const std::optional<std::string>& output, std::ostream& out) {
  storage::Database db(config, storage::Database::Role::kCommand, "backup", log);
  auto path = TakeBackup(config, db.ConnectionString(), log, output ? std::optional<fs::path>(*output) : std::nullopt);
  auto info = storage::ReadBackupInfo(path);
  out << "backup written to " << path.string() << " (" << fs::file_size(path) << " bytes, schema version "
      << info.schema_version << " / " << info.schema_semver << ")\n"
      << "metadata beside it: " << storage::BackupInfoPath(path).string() << "\n"
      << "keys needed to read its secrets: " << (info.key_ids.empty() ? "none" : "");
  for (std::size_t i = 0; i < info.key_ids.size(); ++i) out << (i ? ", " : "") << info.key_ids[i];
  out << " (key material is never in a backup: keep the key file safe separately)\n";
  return kExitOk;
}

int Restore(const Config& config, Logger& log, const std::string& file, std::ostream& out) {
  auto info = storage::ReadBackupInfo(file);
  const int latest = storage::EmbeddedMigrations().back().version;
  if (info.schema_version > latest) {
    throw UsageError("the backup is of schema version " + std::to_string(info.schema_version) + " (" +
                     info.schema_semver + "), newer than this persona (" + std::string(kAppVersion) +
                     ") knows (version " + std::to_string(latest) + "): restore it with a newer persona");
  }
  // The keys come first, before anything is created: a backup without secrets needs
  // none, and a missing key file is named, never created empty (which would hide the
  // mistake until the first secret fails to decrypt).
  if (!info.key_ids.empty()) {
    const auto key_file = fs::absolute(config.KeyFile()).lexically_normal();
    std::string needed;
    for (const auto& kid : info.key_ids) needed += (needed.empty() ? "" : ", ") + kid;
    if (!config.master_key && !fs::exists(key_file)) {
      throw UsageError("the backup's secrets are encrypted under key(s) " + needed + ", and there is no key file at " +
                       key_file.string() +
                       ": copy master.key from the installation the backup comes from there first (or set "
                       "PERSONA_MASTER_KEY)");
    }
    crypto::KeyStore keys(config.KeyFile(), config.master_key);
    auto known = keys.Kids();
    std::string missing;
    for (const auto& kid : info.key_ids) {
      if (std::find(known.begin(), known.end(), kid) == known.end()) missing += (missing.empty() ? "" : ", ") + kid;
    }
    if (!missing.empty()) {
      throw UsageError("the backup's secrets are encrypted under key(s) " + missing + ", which " +
                       (config.master_key ? std::string("PERSONA_MASTER_KEY") : key_file.string()) +
                       " lacks: bring the key file of the installation the backup comes from first");
    }
  }

  storage::Database db(config, storage::Database::Role::kCommand, "restore", log);
  if (auto relations = storage::CountRelations(db.ConnectionString()); relations > 0) {
    throw ConflictError("the database " + db.Description() + " is not empty (" + std::to_string(relations) +
                        " relations): restore only writes into an empty database; use a new --data-dir, or a new "
                        "database for PERSONA_DATABASE_URL");
  }
  out << "restoring " << file << " (schema version " << info.schema_version << ", taken " << info.created_at << ") …"
      << std::endl;
  storage::RestoreBackup(db.ConnectionString(), file);
  storage::Migrator migrator(db.ConnectionString(), storage::EmbeddedMigrations(), log);
  auto report = migrator.Verify();
  for (const auto& p : report.problems) out << "verify: " << p << "\n";
  if (!report.ok) throw storage::MigrationError("the restored schema differs from what its migrations build");
  out << "restored; schema at version " << info.schema_version << " (" << info.schema_semver << "), verified\n";
  if (info.schema_version < latest)
    out << "run `persona migrate up` (or start `persona serve`) to bring it to " << latest << "\n";
  return kExitOk;
}

}  // namespace persona::cli
