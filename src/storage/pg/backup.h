#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace persona::storage {

// What `persona backup` records beside a dump, in FILE.json: enough to refuse a restore
// that cannot work, and to see what a file is without opening it. Never key material:
// only the ids of the keys the encrypted values need.
struct BackupInfo {
  int schema_version = 0;
  std::string schema_semver;
  std::string app_version;
  std::string created_at;            // RFC 3339
  std::vector<std::string> key_ids;  // keys the dump's encrypted values are under
  std::string sha256;                // of the dump, hex

  nlohmann::json ToJson() const;
  // UsageError naming `where` for anything missing or malformed.
  static BackupInfo FromJson(const nlohmann::json& j, const std::string& where);
};

// The metadata file of a dump: FILE.json.
std::filesystem::path BackupInfoPath(const std::filesystem::path& dump);

// pg_dump -Fc of the database `conninfo` names into `file` (0600, written under a
// temporary name and renamed when complete), then `info` (its sha256 filled in) into
// FILE.json. The password goes to pg_dump through its environment, never its command
// line. Throws std::runtime_error with pg_dump's own message when it fails.
BackupInfo WriteBackup(const std::string& conninfo, const std::filesystem::path& file, BackupInfo info);

// FILE.json, checked against the dump's sha256. UsageError when missing, malformed or
// not matching.
BackupInfo ReadBackupInfo(const std::filesystem::path& file);

// Number of relations in the database's schema (0: empty, a restore may go there).
long long CountRelations(const std::string& conninfo);

// pg_restore of `file` into `conninfo`'s database in one transaction: all or nothing.
// Objects are owned by the restoring role (--no-owner).
void RestoreBackup(const std::string& conninfo, const std::filesystem::path& file);

}  // namespace persona::storage
