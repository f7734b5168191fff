// `persona migrate …` as a user runs it, against a real PostgreSQL.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <future>

#include <pqxx/pqxx>

#include "storage/pg/migration.h"
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

}  // namespace
}  // namespace persona
