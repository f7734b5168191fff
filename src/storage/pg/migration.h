#pragma once

#include <string>
#include <vector>

namespace persona::storage {

// One numbered schema change with its way back, from db/migrations/NNNN_name.{up,down}.sql.
struct Migration {
  int version = 0;
  std::string name;
  std::string up;
  std::string down;

  // "0001_initial_schema": how messages name a migration.
  std::string Label() const;
  // SHA-256 (hex) of the up part, what a database had applied: editing it afterwards is
  // detected. The down part may still be corrected when a bug is found in it.
  std::string Checksum() const;
  // Over both parts, as persona 0.1.0 recorded it before down parts could be corrected;
  // still accepted in schema_migrations.
  std::string LegacyChecksum() const;
};

// The migrations compiled into this binary, in version order.
const std::vector<Migration>& EmbeddedMigrations();

}  // namespace persona::storage
