#pragma once

#include <iosfwd>
#include <optional>
#include <string>

#include "config/config.h"
#include "core/log.h"

namespace persona::cli {

// Each command returns the process exit code; expected failures are thrown as the
// errors of core/errors.h and mapped to messages and exit codes in one place (cli.cpp).

int Serve(const Config& config, Logger& log, std::ostream& out);

enum class MigrateAction { kStatus, kUp, kDown, kVerify };
int Migrate(const Config& config, Logger& log, MigrateAction action, std::optional<int> to, std::ostream& out);

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

// Reads a password from standard input: all of it, less one trailing newline.
std::string ReadPassword(std::istream& in);

}  // namespace persona::cli
