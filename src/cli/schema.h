#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "config/config.h"
#include "core/log.h"

namespace persona::cli {

// Brings the schema up to date before a command that needs it (serve, user …): applies
// pending migrations under the migration lock, so concurrent starts are safe, after a
// backup when the database already holds a schema (docs/backup.md). Refuses a database
// migrated by a newer persona.
void PrepareSchema(const Config& config, const std::string& conninfo, Logger& log);

// Runs `migrate` (a Migrator::Up or Down) after a backup when `back_up`; `backed_up`
// hears where the backup went. A failed run changed nothing (one transaction), and its
// MigrationError then ends by naming the backup. Returns what `migrate` returns.
std::vector<int> MigrateAfterBackup(const Config& config, const std::string& conninfo, Logger& log, bool back_up,
                                    const std::function<void(const std::filesystem::path&)>& backed_up,
                                    const std::function<std::vector<int>()>& migrate);

}  // namespace persona::cli
