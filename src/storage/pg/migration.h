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
  // SHA-256 (hex) over both parts: editing either after it was applied is detected.
  std::string Checksum() const;
};

// The migrations compiled into this binary, in version order.
const std::vector<Migration>& EmbeddedMigrations();

}  // namespace persona::storage
