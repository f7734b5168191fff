#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/log.h"
#include "storage/pg/migration.h"

#include <pqxx/connection>
#include <pqxx/transaction>

namespace persona::storage {

// A migration could not be applied or reverted, or the recorded history does not match
// this binary's migrations. The message names the migration; nothing was half-applied.
class MigrationError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct MigrationState {
  int version = 0;
  std::string name;
  bool applied = false;
  std::string applied_at;   // RFC 3339, empty when pending
  std::string app_version;  // persona version that applied it
  bool checksum_matches = true;
  bool known = true;  // false: recorded in the database, unknown to this binary
};

struct VerifyReport {
  bool ok = true;
  std::vector<std::string> problems;  // one line each, naming the object or migration
};

// Applies and reverts the numbered migrations against one database. One run (`up` or
// `down`, however many steps) is one transaction that ends with `verify`: it commits
// whole or not at all. Each migration is recorded in schema_migrations (version, name,
// checksum, applied_at, app_version); a session advisory lock serialises concurrent
// runs, so two processes never apply the same migration.
class Migrator {
 public:
  using Progress = std::function<void(const std::string& line)>;

  Migrator(const std::string& conninfo, const std::vector<Migration>& migrations, Logger& log);
  ~Migrator();

  int LatestVersion() const;
  // Highest applied version, 0 for an empty database.
  int CurrentVersion();
  std::vector<MigrationState> Status();

  // Applies pending migrations up to `target` (default: the latest). Returns the
  // versions applied. Throws MigrationError (nothing changed then; the message says what
  // failed) or UsageError (bad target).
  std::vector<int> Up(std::optional<int> target = std::nullopt, const Progress& progress = {});
  // Reverts applied migrations down to `target` (default: one step). Returns the
  // versions reverted, newest first.
  std::vector<int> Down(std::optional<int> target = std::nullopt, const Progress& progress = {});
  // Checks recorded checksums and compares the live catalog with what the applied
  // migrations build when replayed into a scratch schema (rolled back afterwards).
  VerifyReport Verify();

 private:
  class Lock;
  struct Applied;
  std::vector<Applied> LoadApplied();
  void CheckHistory(const std::vector<Applied>& applied);
  const Migration* Find(int version) const;
  std::vector<int> Run(const std::vector<const Migration*>& steps, bool up, int current, const Progress& progress);
  VerifyReport VerifyIn(pqxx::work& tx);
  static std::vector<std::string> Catalog(pqxx::transaction_base& tx, const std::string& schema);

  std::unique_ptr<pqxx::connection> conn_;
  const std::vector<Migration>& migrations_;
  Logger& log_;
};

}  // namespace persona::storage
