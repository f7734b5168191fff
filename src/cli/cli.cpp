#include "cli/cli.h"

#include <iostream>

#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "core/errors.h"
#include "core/version.h"
#include "storage/pg/migrator.h"

namespace persona::cli {

int Run(int argc, char** argv, std::istream& in, std::ostream& out, std::ostream& err) {
  CLI::App app{"Persona: records and organises the personas you run by hand", "persona"};
  app.set_version_flag("--version", std::string(kAppVersion));
  app.require_subcommand(1);

  Config config;
  std::string data_dir = config.data_dir.string();
  std::string listen = "127.0.0.1:8080";
  auto add_data_dir = [&](CLI::App* cmd) {
    cmd->add_option("--data-dir", data_dir, "data directory (default ./persona-data)");
  };

  auto* serve = app.add_subcommand(
      "serve", "run the HTTP server (starts the embedded PostgreSQL unless PERSONA_DATABASE_URL is set)");
  add_data_dir(serve);
  serve->add_option("--listen", listen, "HOST:PORT to listen on (default 127.0.0.1:8080)");

  auto* migrate = app.add_subcommand("migrate", "show, apply, revert or verify schema migrations");
  migrate->require_subcommand(1);
  std::optional<int> to;
  auto* m_status = migrate->add_subcommand("status", "list migrations and whether each is applied");
  auto* m_up = migrate->add_subcommand("up", "apply pending migrations");
  auto* m_down = migrate->add_subcommand("down", "revert the last migration (or down to --to N)");
  auto* m_verify = migrate->add_subcommand("verify", "compare the live schema with what the migrations build");
  for (auto* cmd : {m_status, m_up, m_down, m_verify}) add_data_dir(cmd);
  bool no_backup = false;
  for (auto* cmd : {m_up, m_down}) {
    cmd->add_option("--to", to, "target version")->check(CLI::NonNegativeNumber);
    cmd->add_flag("--no-backup", no_backup, "do not take a backup (pg_dump) first");
  }

  auto* user = app.add_subcommand("user", "manage operator accounts");
  user->require_subcommand(1);
  std::string email;
  std::string tier = "basic";
  bool password_stdin = false;
  auto* u_add = user->add_subcommand("add", "create a user; prints its id");
  u_add->add_option("--email", email, "email address")->required();
  u_add->add_flag("--password-stdin", password_stdin, "read the password from standard input")->required();
  u_add->add_option("--tier", tier, "basic, pro or enterprise (default basic)");
  auto* u_list = user->add_subcommand("list", "list users");
  auto* u_passwd = user->add_subcommand("passwd", "change a user's password");
  u_passwd->add_option("--email", email, "email address")->required();
  u_passwd->add_flag("--password-stdin", password_stdin, "read the new password from standard input")->required();
  auto* u_delete = user->add_subcommand("delete", "erase a user and everything they own (GDPR erasure)");
  u_delete->add_option("--email", email, "email address")->required();
  for (auto* cmd : {u_add, u_list, u_passwd, u_delete}) add_data_dir(cmd);

  auto* keys = app.add_subcommand("keys", "field-encryption keys: status, rotate, rewrap");
  keys->require_subcommand(1);
  int batch_size = 500;
  auto* k_status = keys->add_subcommand("status", "list keys and how many values each protects");
  auto* k_rotate = keys->add_subcommand("rotate", "add a new key that new values are encrypted with");
  auto* k_rewrap = keys->add_subcommand("rewrap", "re-encrypt every value under the newest key (resumable)");
  k_rewrap->add_option("--batch", batch_size, "rows per transaction (default 500)");
  for (auto* cmd : {k_status, k_rotate, k_rewrap}) add_data_dir(cmd);

  auto* proxies = app.add_subcommand("proxies", "the proxy inventory");
  proxies->require_subcommand(1);
  auto* p_check = proxies->add_subcommand("check", "health-check every proxy now and print the results");
  add_data_dir(p_check);

  auto* retention = app.add_subcommand("retention", "remove data past its retention period");
  retention->require_subcommand(1);
  bool dry_run = false;
  auto* r_run = retention->add_subcommand("run", "remove expired rows now and print what per table");
  r_run->add_flag("--dry-run", dry_run, "count what would be removed, remove nothing");
  add_data_dir(r_run);

  auto* export_cmd = app.add_subcommand("export", "write everything a user owns as one JSON document (GDPR access)");
  std::optional<std::string> output;
  bool include_secrets = false;
  export_cmd->add_option("--user", email, "the user's email address")->required();
  export_cmd->add_option("-o,--output", output, "file to write (default: standard output)");
  export_cmd->add_flag("--include-secrets", include_secrets,
                       "decrypt credentials and secrets; reads the user's password from standard input");
  add_data_dir(export_cmd);

  auto* backup = app.add_subcommand("backup", "write a pg_dump backup with its schema version and key ids beside it");
  std::optional<std::string> backup_file;
  backup->add_option("-o,--output", backup_file, "file to write (default DATA_DIR/backups/persona-TIME-vN.dump)");
  add_data_dir(backup);
  auto* restore = app.add_subcommand("restore", "restore a backup into an empty database");
  std::string restore_file;
  restore->add_option("file", restore_file, "the backup (its FILE.json must be beside it)")->required();
  add_data_dir(restore);

  // CLI11 reports a mistyped command as "a subcommand is required"; name it instead.
  if (argc > 1 && argv[1][0] != '-') {
    try {
      app.get_subcommand(argv[1]);
    } catch (const CLI::OptionNotFound&) {
      err << "persona: error: unknown command '" << argv[1]
          << "' (commands: serve, migrate, user, keys, proxies, retention, export, backup, restore)\n"
          << "(run `persona --help` for usage)\n";
      return kExitUsage;
    }
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    out << app.help();
    return kExitOk;
  } catch (const CLI::CallForVersion& e) {
    out << kAppVersion << "\n";
    return kExitOk;
  } catch (const CLI::ParseError& e) {
    err << "persona: error: " << e.what() << "\n(run `persona --help` for usage)\n";
    return kExitUsage;
  }

  try {
    config.data_dir = data_dir;
    config.listen = ParseListenAddress(listen);
    config.LoadEnvironment();
    Logger log(config.log_level);

    if (serve->parsed()) return Serve(config, log, out);
    if (m_status->parsed()) return Migrate(config, log, MigrateAction::kStatus, to, !no_backup, out);
    if (m_up->parsed()) return Migrate(config, log, MigrateAction::kUp, to, !no_backup, out);
    if (m_down->parsed()) return Migrate(config, log, MigrateAction::kDown, to, !no_backup, out);
    if (m_verify->parsed()) return Migrate(config, log, MigrateAction::kVerify, to, !no_backup, out);
    if (u_add->parsed()) return UserAdd(config, log, email, tier, in, out);
    if (u_list->parsed()) return UserList(config, log, out);
    if (u_passwd->parsed()) return UserPasswd(config, log, email, in, out);
    if (u_delete->parsed()) return UserDelete(config, log, email, out);
    if (k_status->parsed()) return Keys(config, log, KeysAction::kStatus, batch_size, out);
    if (k_rotate->parsed()) return Keys(config, log, KeysAction::kRotate, batch_size, out);
    if (k_rewrap->parsed()) return Keys(config, log, KeysAction::kRewrap, batch_size, out);
    if (p_check->parsed()) return ProxiesCheck(config, log, out);
    if (r_run->parsed()) return RetentionRun(config, log, dry_run, out);
    if (backup->parsed()) return Backup(config, log, backup_file, out);
    if (restore->parsed()) return Restore(config, log, restore_file, out);
    if (export_cmd->parsed()) return Export(config, log, email, output, include_secrets, in, out);
  } catch (const UsageError& e) {
    err << "persona: error: " << e.what() << "\n";
    return kExitUsage;
  } catch (const std::exception& e) {
    // ConflictError, NotFoundError, DatabaseUnavailable, MigrationError and the rest:
    // the input was fine, the command could not do its work.
    err << "persona: error: " << e.what() << "\n";
    return kExitFailure;
  }
  err << "persona: error: no command given\n";
  return kExitUsage;
}

}  // namespace persona::cli
