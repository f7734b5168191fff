#pragma once

#include <string>

#include "config/config.h"
#include "core/log.h"

namespace persona::cli {

// Brings the schema up to date before a command that needs it (serve, user …): applies
// pending migrations under the migration lock, so concurrent starts are safe, after a
// backup when the database already holds a schema (docs/backup.md). Refuses a database
// migrated by a newer persona.
void PrepareSchema(const Config& config, const std::string& conninfo, Logger& log);

}  // namespace persona::cli
