// `persona migrate …` as a user runs it, against a real PostgreSQL.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <future>
#include <sstream>

#include <pqxx/pqxx>

#include "cli/commands.h"
#include "storage/pg/backup.h"
#include "storage/pg/migration.h"
#include "storage/pg/migrator.h"
#include "support/persona_process.h"
#include "support/temp_dir.h"
#include "support/test_cluster.h"

namespace persona {
namespace {

using ::testing::HasSubstr;
using testing::RunPersona;

class MigrateCli : public ::testing::Test {
 protected:
  void SetUp() override {
    conninfo_ = persona::testing::TestCluster::Get().CreateDatabase();
    env_["PERSONA_DATABASE_URL"] = conninfo_;
  }
  testing::CommandResult Run(std::vector<std::string> args) {
    args.push_back("--data-dir");
    args.push_back(dir_.path().string());
    return RunPersona(args, "", env_);
  }
  long long Count(const std::string& sql) {
    pqxx::connection conn(conninfo_);
    pqxx::nontransaction tx(conn);
    return tx.exec1(sql)[0].as<long long>();
  }
  // Every row of every table and the catalog as text: what "unchanged" means.
  std::string Everything() {
    pqxx::connection conn(conninfo_);
    pqxx::nontransaction tx(conn);
    std::string out;
    for (const auto& row : tx.exec("SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                                   "WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY 1")) {
      auto table = row[0].as<std::string>();
      out += table + ":" +
             tx.exec1("SELECT COALESCE(string_agg(t::text, E'\\n' ORDER BY t::text), '') FROM " + tx.quote_name(table) +
                      " t")[0]
                 .as<std::string>() +
             "\n";
    }
    auto catalog = tx.exec(
        "SELECT string_agg(format('%s %s %s', c.relname, c.relkind, "
        "(SELECT string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod), ',' ORDER BY a.attnum) "
        " FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped)), E'\\n' "
        "ORDER BY c.relname) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'");
    out += catalog[0][0].as<std::string>("");
    out += tx.exec1(
                 "SELECT string_agg(p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')', ',' "
                 "ORDER BY 1) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = "
                 "'public'")[0]
               .as<std::string>("");
    return out;
  }
  testing::TempDir dir_;
  std::string conninfo_;
  std::map<std::string, std::string> env_;
};

TEST_F(MigrateCli, StatusUpVerifyDownRoundTrip) {
  const int latest = storage::EmbeddedMigrations().back().version;
  auto status = Run({"migrate", "status"});
  ASSERT_EQ(status.exit_code, 0) << status.err;
  EXPECT_THAT(status.out, HasSubstr("initial_schema"));
  EXPECT_THAT(status.out, HasSubstr("pending"));
  EXPECT_THAT(status.out, HasSubstr("schema at version 0 of " + std::to_string(latest)));

  auto up = Run({"migrate", "up"});
  ASSERT_EQ(up.exit_code, 0) << up.err;
  EXPECT_THAT(up.out, HasSubstr("applying 0001_initial_schema"));
  EXPECT_THAT(up.out, HasSubstr("schema at version " + std::to_string(latest)));

  auto verify = Run({"migrate", "verify"});
  EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;
  EXPECT_THAT(verify.out, HasSubstr("matches"));

  status = Run({"migrate", "status"});
  EXPECT_THAT(status.out, HasSubstr("applied"));

  auto down = Run({"migrate", "down", "--to", "0"});
  ASSERT_EQ(down.exit_code, 0) << down.err;
  EXPECT_THAT(down.out, HasSubstr("reverting 0001_initial_schema"));
  EXPECT_EQ(Count("SELECT count(*) FROM schema_migrations"), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename = 'users'"), 0);

  EXPECT_EQ(Run({"migrate", "up"}).exit_code, 0);
  EXPECT_EQ(Run({"migrate", "verify"}).exit_code, 0);
}

TEST_F(MigrateCli, VerifyFailsAndNamesTheDrift) {
  ASSERT_EQ(Run({"migrate", "up"}).exit_code, 0);
  {
    pqxx::connection conn(conninfo_);
    pqxx::nontransaction tx(conn);
    tx.exec0("DROP INDEX idx_security_events_type");
  }
  auto verify = Run({"migrate", "verify"});
  EXPECT_EQ(verify.exit_code, 1);
  EXPECT_THAT(verify.out, HasSubstr("idx_security_events_type"));
  EXPECT_THAT(verify.err, HasSubstr("verify found 1 difference"));
}

TEST_F(MigrateCli, AModifiedAppliedMigrationIsRefusedWithItsName) {
  ASSERT_EQ(Run({"migrate", "up"}).exit_code, 0);
  {
    pqxx::connection conn(conninfo_);
    pqxx::nontransaction tx(conn);
    tx.exec0("UPDATE schema_migrations SET checksum = 'edited' WHERE version = 1");
  }
  for (auto cmd : {"up", "down", "verify"}) {
    auto r = Run({"migrate", cmd});
    EXPECT_EQ(r.exit_code, 1) << cmd;
    EXPECT_THAT(r.out + r.err, HasSubstr("migration 0001_initial_schema was modified after it was applied")) << cmd;
  }
  EXPECT_THAT(Run({"migrate", "status"}).out, HasSubstr("MODIFIED"));
  EXPECT_EQ(Count("SELECT count(*) FROM schema_migrations"),
            static_cast<long long>(storage::EmbeddedMigrations().size()))
      << "down reverted nothing";
}

TEST_F(MigrateCli, ConcurrentProcessesApplyEachMigrationOnce) {
  constexpr int kProcesses = 4;
  std::vector<std::future<testing::CommandResult>> runs;
  for (int i = 0; i < kProcesses; ++i) {
    runs.push_back(std::async(std::launch::async, [this] { return Run({"migrate", "up"}); }));
  }
  int applied = 0, up_to_date = 0;
  for (auto& f : runs) {
    auto r = f.get();
    EXPECT_EQ(r.exit_code, 0) << r.err;
    if (r.out.find("applied ") != std::string::npos) ++applied;
    if (r.out.find("already up to date") != std::string::npos) ++up_to_date;
  }
  EXPECT_EQ(applied, 1);
  EXPECT_EQ(up_to_date, kProcesses - 1);
  EXPECT_EQ(Count("SELECT count(*) FROM schema_migrations"),
            static_cast<long long>(storage::EmbeddedMigrations().size()));
}

TEST_F(MigrateCli, UpAndDownTakeABackupFirstUnlessToldNot) {
  ASSERT_EQ(Run({"migrate", "up", "--no-backup"}).exit_code, 0);
  auto backups = dir_.path() / "backups";
  EXPECT_FALSE(std::filesystem::exists(backups)) << "an empty database has nothing to back up";

  auto down = Run({"migrate", "down"});
  ASSERT_EQ(down.exit_code, 0) << down.err;
  EXPECT_THAT(down.out, HasSubstr("backup: " + backups.string()));
  EXPECT_THAT(down.out, HasSubstr("reverted and verified 1 migration(s)"));
  ASSERT_EQ(std::distance(std::filesystem::directory_iterator(backups), {}), 2) << "a dump and its metadata";
  for (const auto& entry : std::filesystem::directory_iterator(backups)) {
    if (entry.path().extension() != ".dump") continue;
    auto info = storage::ReadBackupInfo(entry.path());
    EXPECT_EQ(info.schema_version, storage::EmbeddedMigrations().back().version) << "taken before the change";
  }

  auto up = Run({"migrate", "up", "--no-backup"});
  ASSERT_EQ(up.exit_code, 0) << up.err;
  EXPECT_THAT(up.out, ::testing::Not(HasSubstr("backup:")));
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(backups), {}), 2);
}

// A newer persona started on an older database migrates it at once; it backs it up first.
TEST_F(MigrateCli, ACommandMigratingAnOlderDatabaseBacksItUpFirst) {
  ASSERT_EQ(Run({"migrate", "up", "--to", "5", "--no-backup"}).exit_code, 0);
  auto run = Run({"retention", "run", "--dry-run"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(Count("SELECT max(version) FROM schema_migrations"), storage::EmbeddedMigrations().back().version);
  auto backups = dir_.path() / "backups";
  ASSERT_TRUE(std::filesystem::exists(backups));
  int dumps = 0;
  for (const auto& entry : std::filesystem::directory_iterator(backups)) {
    if (entry.path().extension() != ".dump") continue;
    ++dumps;
    EXPECT_EQ(storage::ReadBackupInfo(entry.path()).schema_version, 5);
  }
  EXPECT_EQ(dumps, 1);
  EXPECT_THAT(run.err, HasSubstr("backed up the database before migrating it"));
}

// Two new migrations, the second failing after the first changed schema and rows: the
// run is one transaction, so neither stays, and the message says what failed and where
// the backup is.
TEST_F(MigrateCli, AFailedRunLeavesCatalogAndRowsUnchangedAndNamesTheBackup) {
  ASSERT_EQ(Run({"migrate", "up", "--no-backup"}).exit_code, 0);
  {
    pqxx::connection conn(conninfo_);
    pqxx::work tx(conn);
    tx.exec("INSERT INTO users (email, password_hash) VALUES ('ana@example.com', 'x')");
    tx.exec(
        "INSERT INTO activity_logs (user_id, activity_type, activity_data) "
        "SELECT id, 'login', '{}' FROM users");
    tx.commit();
  }
  auto migrations = storage::EmbeddedMigrations();
  const int latest = migrations.back().version;
  migrations.push_back({latest + 1, "good_step",
                        "ALTER TABLE users ADD COLUMN nickname TEXT;\n"
                        "UPDATE users SET email = 'changed@example.com';",
                        "ALTER TABLE users DROP COLUMN nickname;"});
  migrations.push_back({latest + 2, "broken_step", "CREATE TABLE half_done (id INT);\nSELECT no_such_function();",
                        "DROP TABLE half_done;"});
  const auto before = Everything();

  Config config;
  config.data_dir = dir_.path();
  config.database_url = conninfo_;
  Logger log(Logger::Level::kError);
  std::ostringstream out;
  try {
    cli::Migrate(config, log, migrations, cli::MigrateAction::kUp, std::nullopt, true, out);
    FAIL() << "the broken migration went through";
  } catch (const storage::MigrationError& e) {
    std::string message = e.what();
    EXPECT_THAT(message, HasSubstr(migrations.back().Label()));
    EXPECT_THAT(message, HasSubstr("no_such_function"));
    EXPECT_THAT(message, HasSubstr("stays at version " + std::to_string(latest)));
    auto at = message.find("the backup taken before is ");
    ASSERT_NE(at, std::string::npos) << message;
    std::filesystem::path backup = message.substr(at + std::string("the backup taken before is ").size());
    EXPECT_TRUE(std::filesystem::exists(backup)) << backup;
    EXPECT_EQ(storage::ReadBackupInfo(backup).schema_version, latest);
  }
  EXPECT_EQ(Everything(), before);
  EXPECT_EQ(Count("SELECT count(*) FROM users WHERE email = 'ana@example.com'"), 1);

  // The good step alone goes through, verified.
  migrations.pop_back();
  std::ostringstream ok;
  cli::Migrate(config, log, migrations, cli::MigrateAction::kUp, std::nullopt, false, ok);
  EXPECT_THAT(ok.str(), HasSubstr("applied and verified 1 migration(s)"));
  EXPECT_EQ(Count("SELECT count(*) FROM users WHERE email = 'changed@example.com'"), 1);
}

}  // namespace
}  // namespace persona
