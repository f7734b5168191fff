#pragma once

#include <string>

#include "core/log.h"

namespace persona::cli {

// Brings the schema up to date before a command that needs it (serve, user …): applies
// pending migrations under the migration lock, so concurrent starts are safe. Refuses a
// database migrated by a newer persona.
void PrepareSchema(const std::string& conninfo, Logger& log);

}  // namespace persona::cli
