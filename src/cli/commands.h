#pragma once

#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "config/config.h"
#include "core/log.h"
#include "storage/pg/migration.h"

namespace persona::cli {

// Each command returns the process exit code; expected failures are thrown as the
// errors of core/errors.h and mapped to messages and exit codes in one place (cli.cpp).

int Serve(const Config& config, Logger& log, std::ostream& out);

enum class MigrateAction { kStatus, kUp, kDown, kVerify };
// `up` and `down` take a backup first when `backup` is set and there is something to
// change; a failure changes nothing and its message names the backup.
int Migrate(const Config& config, Logger& log, MigrateAction action, std::optional<int> to, bool backup,
            std::ostream& out);
// The same with other migrations than the embedded ones (tests inject a failing one).
int Migrate(const Config& config, Logger& log, const std::vector<storage::Migration>& migrations, MigrateAction action,
            std::optional<int> to, bool backup, std::ostream& out);

// pg_dump -Fc of the database into `file` (default DATA_DIR/backups/persona-TIME-vN.dump)
// with FILE.json beside it (docs/backup.md); returns the dump's path.
std::filesystem::path TakeBackup(const Config& config, const std::string& conninfo, Logger& log,
                                 const std::optional<std::filesystem::path>& file);
int Backup(const Config& config, Logger& log, const std::optional<std::string>& output, std::ostream& out);
// Restores a backup into an empty database; refuses a newer schema, a dump that does not
// match its metadata, and keys the key file lacks.
int Restore(const Config& config, Logger& log, const std::string& file, std::ostream& out);

int UserAdd(const Config& config, Logger& log, const std::string& email, const std::string& tier, std::istream& in,
            std::ostream& out);
int UserList(const Config& config, Logger& log, std::ostream& out);
int UserPasswd(const Config& config, Logger& log, const std::string& email, std::istream& in, std::ostream& out);
// Erases the user and everything they own; their security events stay de-identified.
int UserDelete(const Config& config, Logger& log, const std::string& email, std::ostream& out);

enum class KeysAction { kStatus, kRotate, kRewrap };
int Keys(const Config& config, Logger& log, KeysAction action, int batch_size, std::ostream& out);

// Checks every proxy in the inventory now and prints one line per proxy and a summary.
int ProxiesCheck(const Config& config, Logger& log, std::ostream& out);

// Removes what has outlived its retention (docs/retention.md) and prints what per table;
// with `dry_run`, only counts.
int RetentionRun(const Config& config, Logger& log, bool dry_run, std::ostream& out);

// Writes everything the user with `email` owns as one JSON document (docs/export.md), to
// `output` or else to `out`; with `include_secrets`, decrypted, after the user's password
// read from `in`.
int Export(const Config& config, Logger& log, const std::string& email, const std::optional<std::string>& output,
           bool include_secrets, std::istream& in, std::ostream& out);

// Reads a password from standard input: all of it, less one trailing newline.
std::string ReadPassword(std::istream& in);

}  // namespace persona::cli
