// `persona retention run [--dry-run]`: what expired, per table; a dry run removes nothing.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <pqxx/pqxx>

#include "core/log.h"
#include "storage/pg/migrator.h"
#include "support/persona_process.h"
#include "support/temp_dir.h"
#include "support/test_cluster.h"

namespace persona {
namespace {

using ::testing::HasSubstr;

long long Count(const std::string& conninfo, const std::string& sql) {
  pqxx::connection conn(conninfo);
  pqxx::nontransaction tx(conn);
  return tx.exec1(sql)[0].as<long long>();
}

TEST(RetentionCli, DryRunCountsThenRunRemoves) {
  testing::TempDir dir;
  auto conninfo = testing::TestCluster::Get().CreateDatabase();
  Logger log(Logger::Level::kError);
  storage::Migrator(conninfo, storage::EmbeddedMigrations(), log).Up();
  {
    pqxx::connection conn(conninfo);
    pqxx::work tx(conn);
    auto user = tx.exec1("INSERT INTO users (email, password_hash) VALUES ('a@x', 'x') RETURNING id::text")[0]
                    .as<std::string>();
    tx.exec_params(
        "INSERT INTO security_events (event_type, severity, user_id, event_description, event_data, created_at) "
        "SELECT 'login_failure', 'warning', $1::uuid, 'x', '{}', now() - n * interval '100 days' "
        "FROM generate_series(0, 5) n",
        user);  // 100-day steps: 2 of 6 are past a year
    tx.exec_params(
        "INSERT INTO activity_logs (user_id, activity_type, activity_data, created_at) "
        "VALUES ($1::uuid, 'x', '{}', now() - interval '200 days'), ($1::uuid, 'x', '{}', now())",
        user);
    tx.commit();
  }
  std::map<std::string, std::string> env = {{"PERSONA_DATABASE_URL", conninfo}};
  auto dry = testing::RunPersona({"retention", "run", "--dry-run", "--data-dir", dir.path().string()}, "", env);
  ASSERT_EQ(dry.exit_code, 0) << dry.err;
  EXPECT_THAT(dry.out, HasSubstr("would remove"));
  EXPECT_THAT(dry.out, ::testing::ContainsRegex("security_events +2"));
  EXPECT_THAT(dry.out, ::testing::ContainsRegex("activity_logs +1"));
  EXPECT_THAT(dry.out, HasSubstr("dry run: nothing was removed"));
  EXPECT_EQ(Count(conninfo, "SELECT count(*) FROM security_events"), 6);
  EXPECT_EQ(Count(conninfo, "SELECT count(*) FROM activity_logs"), 2);

  auto run = testing::RunPersona({"retention", "run", "--data-dir", dir.path().string()}, "", env);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.out, ::testing::ContainsRegex("security_events +2"));
  EXPECT_EQ(Count(conninfo, "SELECT count(*) FROM security_events"), 4);
  EXPECT_EQ(Count(conninfo, "SELECT count(*) FROM activity_logs"), 1);

  auto bad = testing::RunPersona({"retention", "run", "--dry", "--data-dir", dir.path().string()}, "", env);
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_THAT(bad.err, HasSubstr("persona: error:"));
}

}  // namespace
}  // namespace persona
