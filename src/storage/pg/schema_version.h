#pragma once

#include <string>

namespace persona::storage {

// The semantic version of the schema after migration `migration` (0: empty): the major
// part moves when a migration removes or changes something an older server or export
// relies on, the minor part when it only adds. Reported by /readyz, `migrate status` and
// exports. Empty for a migration this build does not know (a newer database).
std::string SchemaVersionAfter(int migration);

}  // namespace persona::storage
