#include "storage/pg/migrator.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <thread>

#include <pqxx/pqxx>

#include "core/errors.h"
#include "support/test_cluster.h"

namespace persona::storage {
namespace {

using ::testing::HasSubstr;

class MigratorTest : public ::testing::Test {
 protected:
  void SetUp() override { conninfo_ = testing::TestCluster::Get().CreateDatabase(); }

  Migrator Make(const std::vector<Migration>& migrations = EmbeddedMigrations()) {
    return Migrator(conninfo_, migrations, log_);
  }

  // The catalog description `verify` compares, straight from the database.
  std::vector<std::string> Catalog() {
    pqxx::connection conn(conninfo_);
    pqxx::nontransaction tx(conn);
    std::vector<std::string> lines;
    for (const auto& row : tx.exec_params(std::string(ReadCatalogQuery()), "public")) {
      lines.push_back(row[0].as<std::string>());
    }
    return lines;
  }

  static std::string ReadCatalogQuery() {
    std::ifstream in(std::string(PERSONA_SOURCE_DIR) + "/db/queries/migrations/catalog.sql");
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }

  long long Count(const std::string& sql) {
    pqxx::connection conn(conninfo_);
    pqxx::nontransaction tx(conn);
    return tx.exec1(sql)[0].as<long long>();
  }

  void Exec(const std::string& sql) {
    pqxx::connection conn(conninfo_);
    pqxx::nontransaction tx(conn);
    tx.exec(sql);
  }

  // At least one row in every table of the seed schema.
  void Populate() {
    Exec(R"sql(
      INSERT INTO users (id, email, password_hash) VALUES
        ('00000000-0000-0000-0000-000000000001', 'ana@example.com', 'x');
      INSERT INTO personas (id, user_id, name, demographics, personality, primary_location, timezone,
                            activity_schedule, content_themes, engagement_style)
      VALUES ('00000000-0000-0000-0000-000000000002', '00000000-0000-0000-0000-000000000001', 'Maria',
              '{"age": 28}', '{}', 'Manila', 'Asia/Manila', '{}', '{}', '{}');
      INSERT INTO platform_accounts (id, persona_id, platform_type, username, credentials_encrypted,
                                     platform_settings, posting_schedule)
      VALUES ('00000000-0000-0000-0000-000000000003', '00000000-0000-0000-0000-000000000002', 'twitter',
              'maria', '{}', '{}', '{}');
      INSERT INTO proxy_assignments (id, proxy_id, proxy_ip, proxy_port, proxy_username,
                                     proxy_password_encrypted, city)
      VALUES ('00000000-0000-0000-0000-000000000004', 'pc-1', '127.0.0.1', 8000, 'u', '{}', 'Manila');
      INSERT INTO persona_sessions (id, user_id, persona_id, proxy_id)
      VALUES ('00000000-0000-0000-0000-000000000005', '00000000-0000-0000-0000-000000000001',
              '00000000-0000-0000-0000-000000000002',
              '00000000-0000-0000-0000-000000000004');
      INSERT INTO content_templates (id, user_id, template_name, content_type, target_platforms)
      VALUES ('00000000-0000-0000-0000-000000000006', '00000000-0000-0000-0000-000000000001', 't', 'text',
              '["twitter"]');
      INSERT INTO manual_posts (persona_id, platform_account_id, content_template_id, session_id,
                                creation_started_at, final_content)
      VALUES ('00000000-0000-0000-0000-000000000002', '00000000-0000-0000-0000-000000000003',
              '00000000-0000-0000-0000-000000000006', '00000000-0000-0000-0000-000000000005', NOW(), 'hello');
      INSERT INTO activity_logs (user_id, persona_id, activity_type, activity_data)
      VALUES ('00000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-000000000002', 'post', '{}');
      INSERT INTO security_events (event_type, severity, user_id, event_description, event_data)
      VALUES ('login_failure', 'warning', '00000000-0000-0000-0000-000000000001', 'bad password', '{}');
    )sql");
  }

  std::string conninfo_;
  Logger log_{Logger::Level::kWarn};
};

std::vector<Migration> WithExtra(std::vector<Migration> extra) {
  auto all = EmbeddedMigrations();
  int next = all.back().version;
  for (auto& m : extra) {
    m.version = ++next;
    all.push_back(m);
  }
  return all;
}

TEST_F(MigratorTest, UpOnAnEmptyDatabaseAppliesEveryMigrationAndRecordsIt) {
  auto migrator = Make();
  EXPECT_EQ(migrator.CurrentVersion(), 0);
  auto applied = migrator.Up();
  EXPECT_EQ(applied.size(), EmbeddedMigrations().size());
  EXPECT_EQ(migrator.CurrentVersion(), migrator.LatestVersion());
  auto status = migrator.Status();
  ASSERT_EQ(status.size(), EmbeddedMigrations().size());
  EXPECT_TRUE(status[0].applied);
  EXPECT_TRUE(status[0].checksum_matches);
  EXPECT_FALSE(status[0].applied_at.empty());
  EXPECT_FALSE(status[0].app_version.empty());
  EXPECT_EQ(Count("SELECT count(*) FROM schema_migrations WHERE checksum = '" + EmbeddedMigrations()[0].Checksum() +
                  "' AND name = 'initial_schema'"),
            1);
  EXPECT_TRUE(migrator.Verify().ok);
  EXPECT_TRUE(migrator.Up().empty()) << "a second run has nothing to do";
}

TEST_F(MigratorTest, ActivityLogsArePartitionedByMonth) {
  Make().Up();
  EXPECT_EQ(Count("SELECT count(*) FROM pg_partitioned_table pt JOIN pg_class c ON c.oid = pt.partrelid "
                  "WHERE c.relname = 'activity_logs' AND pt.partstrat = 'r'"),
            1);
  EXPECT_EQ(Count("SELECT persona_ensure_activity_partitions('2026-11-15', 2)"), 3);
  EXPECT_EQ(Count("SELECT persona_ensure_activity_partitions('2026-11-01', 2)"), 0) << "idempotent";
  Exec(
      "INSERT INTO activity_logs (activity_type, activity_data, created_at) "
      "VALUES ('post', '{}', '2026-12-31 23:59:59+00')");
  EXPECT_EQ(Count("SELECT count(*) FROM activity_logs_2026_12"), 1);
  EXPECT_EQ(Count("SELECT count(*) FROM activity_logs_default"), 0);
}

// Every table, column and index of the seed data model exists after migration 1.
TEST_F(MigratorTest, InitialSchemaHoldsTheWholeSeedDataModel) {
  Make().Up();
  std::ifstream in(std::string(PERSONA_SOURCE_DIR) + "/tests/data/seed/data-model.md");
  ASSERT_TRUE(in) << "tests/data/seed/data-model.md is missing";
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string seed = ss.str();

  static const std::regex kTable(R"(CREATE TABLE (\w+) \(([\s\S]*?)\n\);)");
  static const std::regex kColumn(R"(^\s{4}(\w+) ([A-Z]+))");
  static const std::regex kIndex(R"(CREATE (?:UNIQUE )?INDEX (\w+) ON (\w+))");
  pqxx::connection conn(conninfo_);
  pqxx::nontransaction tx(conn);
  int tables = 0, columns = 0, indexes = 0;
  for (std::sregex_iterator t(seed.begin(), seed.end(), kTable), end; t != end; ++t) {
    const std::string table = (*t)[1];
    ++tables;
    std::istringstream body((*t)[2].str());
    for (std::string line; std::getline(body, line);) {
      std::smatch c;
      if (!std::regex_search(line, c, kColumn)) continue;
      std::string column = c[1];
      std::string seed_type = c[2];
      auto row = tx.exec_params(
          "SELECT data_type FROM information_schema.columns "
          "WHERE table_schema = current_schema() AND table_name = $1 AND column_name = $2",
          table, column);
      ASSERT_EQ(row.size(), 1u) << table << "." << column << " is missing";
      std::string type = row[0][0].as<std::string>();
      std::map<std::string, std::string> expected = {{"UUID", "uuid"},
                                                     {"VARCHAR", "character varying"},
                                                     {"INTEGER", "integer"},
                                                     {"BOOLEAN", "boolean"},
                                                     {"TEXT", "text"},
                                                     {"JSONB", "jsonb"},
                                                     {"DECIMAL", "numeric"},
                                                     {"DATE", "date"},
                                                     // The reasoned change of migration 0001: every instant is UTC.
                                                     {"TIMESTAMP", "timestamp with time zone"}};
      ASSERT_TRUE(expected.count(seed_type)) << "unexpected seed type " << seed_type;
      EXPECT_EQ(type, expected[seed_type]) << table << "." << column;
      ++columns;
    }
  }
  for (std::sregex_iterator i(seed.begin(), seed.end(), kIndex), end; i != end; ++i) {
    auto row = tx.exec_params("SELECT tablename FROM pg_indexes WHERE schemaname = current_schema() AND indexname = $1",
                              (*i)[1].str());
    ASSERT_EQ(row.size(), 1u) << "index " << (*i)[1] << " is missing";
    EXPECT_EQ(row[0][0].as<std::string>(), (*i)[2].str());
    ++indexes;
  }
  EXPECT_EQ(tables, 9);
  EXPECT_GT(columns, 150);
  EXPECT_EQ(indexes, 17);
}

TEST_F(MigratorTest, DownAndUpOnAPopulatedDatabaseRebuildTheSameCatalog) {
  auto migrator = Make();
  migrator.Up();
  Populate();
  // 0004's down refuses to orphan a proxy assigned to no persona (next test).
  Exec(
      "UPDATE proxy_assignments SET assigned_persona_id = '00000000-0000-0000-0000-000000000002', "
      "assigned_at = now(), assignment_status = 'assigned'");
  auto before = Catalog();
  ASSERT_GT(before.size(), 100u);

  auto reverted = migrator.Down(0);
  EXPECT_EQ(reverted.size(), EmbeddedMigrations().size());
  EXPECT_EQ(migrator.CurrentVersion(), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations'"),
            0);

  migrator.Up();
  EXPECT_EQ(Catalog(), before);
  auto report = migrator.Verify();
  EXPECT_TRUE(report.ok) << ::testing::PrintToString(report.problems);
}

// Before 0004 proxies had no owner; applying 0004 again finds a proxy's owner through its
// persona. An unassigned proxy would come back owned by no one, so the down refuses.
TEST_F(MigratorTest, RevertingCoreApiRefusesToOrphanUnassignedProxies) {
  auto migrator = Make();
  migrator.Up();
  Populate();
  Exec("UPDATE proxy_assignments SET user_id = '00000000-0000-0000-0000-000000000001'");
  auto before = Catalog();
  try {
    migrator.Down(3);
    FAIL() << "0004 went down with an unassigned proxy";
  } catch (const MigrationError& e) {
    EXPECT_THAT(e.what(), HasSubstr("0004_core_api"));
    EXPECT_THAT(e.what(), HasSubstr("assigned to no persona"));
  }
  EXPECT_EQ(migrator.CurrentVersion(), EmbeddedMigrations().back().version) << "not even the later steps";
  EXPECT_EQ(Catalog(), before);
  EXPECT_EQ(Count("SELECT count(*) FROM proxy_assignments WHERE user_id IS NOT NULL"), 1);
}

// Databases migrated before down parts could be corrected recorded a checksum over both
// parts; they must keep working, also for the migrations whose down part changed since.
TEST_F(MigratorTest, ChecksumsRecordedOverBothPartsAreStillAccepted) {
  Make().Up();
  for (const auto& m : EmbeddedMigrations()) {
    Exec("UPDATE schema_migrations SET checksum = '" + m.LegacyChecksum() +
         "' WHERE version = " + std::to_string(m.version));
  }
  // What persona 0.1.0 recorded for 0004 and 0005 before their down parts were fixed.
  Exec(
      "UPDATE schema_migrations SET checksum = 'a98869d7b8d728417b353f81516ee5cd6e1f01d14c1acaad5599ed2e58a5f50c' "
      "WHERE version = 4");
  Exec(
      "UPDATE schema_migrations SET checksum = '1ff07c63b20e42a54ebee8ec15f7413150587c7c16f249b3a7531120d6bb036c' "
      "WHERE version = 5");
  auto migrator = Make();
  EXPECT_TRUE(migrator.Verify().ok);
  for (const auto& state : migrator.Status()) EXPECT_TRUE(state.checksum_matches) << state.version;
  EXPECT_NO_THROW(migrator.Down());
  EXPECT_NO_THROW(migrator.Up());
}

TEST_F(MigratorTest, RowsSurviveTheDownUpOfALaterMigration) {
  auto migrations = WithExtra(
      {{0, "add_nickname", "ALTER TABLE users ADD COLUMN nickname TEXT;", "ALTER TABLE users DROP COLUMN nickname;"}});
  auto migrator = Make(migrations);
  migrator.Up();
  Populate();
  Exec("UPDATE users SET nickname = 'ana'");
  auto before = Catalog();

  migrator.Down();  // one step: only add_nickname
  EXPECT_EQ(migrator.CurrentVersion(), migrations.back().version - 1);
  migrator.Up();

  EXPECT_EQ(Catalog(), before);
  EXPECT_EQ(Count("SELECT count(*) FROM users WHERE id = '00000000-0000-0000-0000-000000000001' "
                  "AND email = 'ana@example.com' AND nickname IS NULL"),
            1);
  EXPECT_EQ(Count("SELECT count(*) FROM manual_posts"), 1);
  EXPECT_EQ(Count("SELECT count(*) FROM activity_logs"), 1);
  EXPECT_TRUE(migrator.Verify().ok);
}

TEST_F(MigratorTest, AModifiedAppliedMigrationIsRefusedByName) {
  Make().Up();
  auto edited = EmbeddedMigrations();
  edited[0].up += "\n-- an innocent-looking edit\n";
  auto migrator = Make(edited);
  try {
    migrator.Up();
    FAIL() << "a modified migration was accepted";
  } catch (const MigrationError& e) {
    EXPECT_THAT(e.what(), HasSubstr("0001_initial_schema"));
    EXPECT_THAT(e.what(), HasSubstr("modified"));
  }
  EXPECT_THROW(migrator.Down(0), MigrationError);
  auto report = migrator.Verify();
  EXPECT_FALSE(report.ok);
  ASSERT_FALSE(report.problems.empty());
  EXPECT_THAT(report.problems[0], HasSubstr("0001_initial_schema"));
  EXPECT_FALSE(migrator.Status()[0].checksum_matches);
  EXPECT_EQ(Make().CurrentVersion(), EmbeddedMigrations().back().version) << "nothing was reverted";
}

TEST_F(MigratorTest, AFailingMigrationLeavesCatalogAndRowsUnchanged) {
  auto migrations = WithExtra({{0, "broken",
                                "ALTER TABLE users ADD COLUMN half_done INT;\n"
                                "UPDATE users SET email = 'changed@example.com';\n"
                                "SELECT no_such_function();",
                                "ALTER TABLE users DROP COLUMN half_done;"}});
  const int latest = EmbeddedMigrations().back().version;
  auto migrator = Make(migrations);
  migrator.Up(latest);
  Populate();
  auto before = Catalog();
  try {
    migrator.Up();
    FAIL() << "the broken migration succeeded";
  } catch (const MigrationError& e) {
    EXPECT_THAT(e.what(), HasSubstr(migrations.back().Label()));
    EXPECT_THAT(e.what(), HasSubstr("rolled back"));
    EXPECT_THAT(e.what(), HasSubstr("no_such_function"));
  }
  EXPECT_EQ(migrator.CurrentVersion(), latest);
  EXPECT_EQ(Catalog(), before);
  EXPECT_EQ(Count("SELECT count(*) FROM users WHERE email = 'ana@example.com'"), 1);
}

TEST_F(MigratorTest, ConcurrentRunsApplyEachMigrationExactlyOnce) {
  // A later migration that is not idempotent: applied twice, its INSERT would show.
  auto migrations =
      WithExtra({{0, "seed_row", "INSERT INTO users (email, password_hash) VALUES ('x@example.com', 'h');",
                  "DELETE FROM users WHERE email = 'x@example.com';"}});
  constexpr int kRunners = 6;
  std::atomic<int> applied_total{0};
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  std::atomic<bool> go{false};
  for (int i = 0; i < kRunners; ++i) {
    threads.emplace_back([&] {
      try {
        Logger log(Logger::Level::kError);
        Migrator migrator(conninfo_, migrations, log);
        while (!go) std::this_thread::yield();
        applied_total += static_cast<int>(migrator.Up().size());
      } catch (const std::exception&) {
        ++failures;
      }
    });
  }
  go = true;
  for (auto& t : threads) t.join();
  EXPECT_EQ(failures, 0);
  EXPECT_EQ(applied_total, static_cast<int>(migrations.size()));
  EXPECT_EQ(Count("SELECT count(*) FROM schema_migrations"), static_cast<long long>(migrations.size()));
  EXPECT_EQ(Count("SELECT count(*) FROM users WHERE email = 'x@example.com'"), 1);
}

TEST_F(MigratorTest, VerifyNamesWhatDriftedFromTheMigrations) {
  auto migrator = Make();
  migrator.Up();
  Exec("DROP INDEX idx_personas_status; ALTER TABLE users ADD COLUMN extra INT;");
  auto report = migrator.Verify();
  EXPECT_FALSE(report.ok);
  std::string all;
  for (const auto& p : report.problems) all += p + "\n";
  EXPECT_THAT(all, HasSubstr("missing from the database: index CREATE INDEX idx_personas_status"));
  EXPECT_THAT(all, HasSubstr("not built by the migrations: column users.extra integer"));
  EXPECT_EQ(report.problems.size(), 2u) << all;
}

TEST_F(MigratorTest, VerifyLeavesNoScratchSchemaBehind) {
  auto migrator = Make();
  migrator.Up();
  ASSERT_TRUE(migrator.Verify().ok);
  EXPECT_EQ(Count("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'persona_verify_%'"), 0);
}

TEST_F(MigratorTest, ADatabaseMigratedByANewerPersonaIsRefused) {
  auto migrator = Make();
  migrator.Up();
  Exec("INSERT INTO schema_migrations (version, name, checksum, app_version) VALUES (999, 'future', 'x', '9.9.9')");
  try {
    migrator.Up();
    FAIL();
  } catch (const MigrationError& e) {
    EXPECT_THAT(e.what(), HasSubstr("newer version"));
  }
  auto status = migrator.Status();
  EXPECT_FALSE(status.back().known);
}

TEST_F(MigratorTest, TargetsOutsideTheHistoryAreUsageErrors) {
  auto migrator = Make();
  EXPECT_THROW(migrator.Up(migrator.LatestVersion() + 1), UsageError);
  migrator.Up();
  EXPECT_THROW(migrator.Down(migrator.LatestVersion() + 1), UsageError);
  EXPECT_THROW(migrator.Up(-1), UsageError);
  EXPECT_EQ(migrator.CurrentVersion(), migrator.LatestVersion()) << "nothing changed";
}

}  // namespace
}  // namespace persona::storage
