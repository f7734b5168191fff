// Retention (docs/retention.md) with the injected clock: each rule, the partition drop
// and the boundary trim, retention_until, the DEFAULT partition, dry runs, and two runs
// at once.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <thread>

#include "core/time_format.h"
#include "support/api_fixture.h"

namespace persona {
namespace {

class Retention : public testing::ApiFixture {
 protected:
  void SetUp() override {
    ApiFixture::SetUp();
    // Mid-month, so that 90 days back falls inside a month (the boundary partition).
    clock_.Advance(
        std::chrono::duration_cast<std::chrono::seconds>(*ParseTimestamp("2031-06-15T12:00:00Z") - clock_.Now()));
    user_ = CreateUser("ana@example.com");
  }
  // `days` before the injected now, as SQL.
  std::string Ago(double days) const {
    return "'" + FormatTimestamp(clock_.Now()) + "'::timestamptz - interval '" + std::to_string(days) + " days'";
  }
  void Activity(double days_ago, const std::string& retention_until = "NULL") {
    Execute("INSERT INTO activity_logs (user_id, activity_type, activity_data, retention_until, created_at) VALUES ('" +
            user_ + "', 'x', '{}', " + retention_until + ", " + Ago(days_ago) + ")");
  }
  long long Rows(const std::string& table) { return Count("SELECT count(*) FROM " + table); }
  bool TableExists(const std::string& name) {
    return Count("SELECT count(*) FROM pg_class WHERE relname = '" + name + "'") == 1;
  }
  static long long Removed(const app::RetentionRun& run, const std::string& table) {
    for (const auto& r : run.results) {
      if (r.table == table) return r.rows;
    }
    ADD_FAILURE() << table << " missing from the run";
    return -1;
  }
  std::string user_;
};

TEST_F(Retention, ActivityDropsWholeMonthsAndTrimsTheBoundaryOne) {
  // Partitions from January 2031 (the migration made only the months around the real now).
  Count("SELECT persona_ensure_activity_partitions('2031-01-01', 6)");  // January to July 2031
  for (double days : {160.0, 130.0, 100.0, 91.0, 89.0, 10.0, 0.5}) Activity(days);
  // 90 days before 15 June 12:00 is 17 March 12:00: January and February go whole.
  auto run = services_->retention.Run(false);
  ASSERT_TRUE(run.ran);
  EXPECT_EQ(Removed(run, "activity_logs"), 4);
  EXPECT_EQ(run.results[0].partitions_dropped,
            (std::vector<std::string>{"activity_logs_2031_01", "activity_logs_2031_02"}));
  EXPECT_FALSE(TableExists("activity_logs_2031_01"));
  EXPECT_FALSE(TableExists("activity_logs_2031_02"));
  EXPECT_TRUE(TableExists("activity_logs_2031_03"));  // the boundary month, trimmed
  EXPECT_EQ(Rows("activity_logs"), 3);
  EXPECT_EQ(Count("SELECT count(*) FROM activity_logs WHERE created_at < " + Ago(90)), 0);
  EXPECT_TRUE(TableExists("activity_logs_2031_08"));                        // and two months are ready ahead
  EXPECT_EQ(Removed(services_->retention.Run(false), "activity_logs"), 0);  // nothing twice
}

TEST_F(Retention, RetentionUntilKeepsARowAndItsMonthAndEndsOthersEarly) {
  Count("SELECT persona_ensure_activity_partitions('2031-01-01', 6)");  // January to July 2031
  Activity(160, "'2031-12-31'");                                        // kept on purpose: its January stays
  Activity(150);
  Activity(5, "'2031-06-14'");  // its date has come: goes although young
  Activity(5);
  auto run = services_->retention.Run(false);
  EXPECT_EQ(Removed(run, "activity_logs"), 2);
  EXPECT_TRUE(TableExists("activity_logs_2031_01"));
  EXPECT_EQ(Count("SELECT count(*) FROM activity_logs WHERE retention_until = '2031-12-31'"), 1);
  EXPECT_EQ(Rows("activity_logs"), 2);
}

TEST_F(Retention, RowsStrandedInDefaultMoveToTheirMonth) {
  // A server that did not run for months: rows of a month without a partition.
  Activity(1);
  ASSERT_EQ(Rows("activity_logs_default"), 1);
  services_->retention.EnsurePartitions();
  EXPECT_EQ(Rows("activity_logs_default"), 0);
  EXPECT_EQ(Rows("activity_logs_2031_06"), 1);
  EXPECT_TRUE(TableExists("activity_logs_2031_08"));
}

TEST_F(Retention, EachOtherTableKeepsItsPeriod) {
  auto persona = InsertPersona(user_);
  for (double days : {366.0, 364.0}) {
    Execute(
        "INSERT INTO security_events (event_type, severity, user_id, event_description, event_data, created_at) "
        "VALUES ('login_failure', 'warning', '" +
        user_ + "', 'x', '{}', " + Ago(days) + ")");
  }
  for (double days : {31.0, 29.0}) {
    Execute(
        "INSERT INTO persona_sessions (user_id, persona_id, session_status, started_at, ended_at, "
        "last_activity_at) VALUES ('" +
        user_ + "', '" + persona + "', 'ended', " + Ago(days + 0.1) + ", " + Ago(days) + ", " + Ago(days) + ")");
    Execute("INSERT INTO login_attempts (email, succeeded, attempted_at) VALUES ('a@x', false, " + Ago(days) + ")");
  }
  // A live session is never removed, however old.
  Execute(
      "INSERT INTO persona_sessions (user_id, persona_id, session_status, started_at, last_activity_at) "
      "VALUES ('" +
      user_ + "', '" + persona + "', 'idle', " + Ago(40) + ", " + Ago(40) + ")");
  Execute(
      "INSERT INTO proxy_assignments (user_id, proxy_id, proxy_ip, proxy_port, proxy_username, "
      "proxy_password_encrypted, city) VALUES ('" +
      user_ + "', 'p', '127.0.0.1', 1, 'u', '{}', 'M')");
  for (double days : {31.0, 29.0}) {
    Execute(
        "INSERT INTO proxy_health_checks (proxy_assignment_id, checked_at, health_status) "
        "SELECT id, " +
        Ago(days) + ", 'healthy' FROM proxy_assignments");
  }

  auto dry = services_->retention.Run(true);
  ASSERT_TRUE(dry.dry_run);
  for (const char* table : {"security_events", "persona_sessions", "login_attempts", "proxy_health_checks"}) {
    EXPECT_EQ(Removed(dry, table), 1) << table;
  }
  EXPECT_EQ(Rows("security_events") + Rows("persona_sessions") + Rows("login_attempts") + Rows("proxy_health_checks"),
            2 + 3 + 2 + 2);  // the dry run changed nothing

  auto run = services_->retention.Run(false);
  for (const char* table : {"security_events", "persona_sessions", "login_attempts", "proxy_health_checks"}) {
    EXPECT_EQ(Removed(run, table), 1) << table;
  }
  EXPECT_EQ(Rows("security_events"), 1);
  EXPECT_EQ(Rows("persona_sessions"), 2);
  EXPECT_EQ(Count("SELECT count(*) FROM persona_sessions WHERE session_status = 'idle'"), 1);
  EXPECT_EQ(Rows("login_attempts"), 1);
  EXPECT_EQ(Rows("proxy_health_checks"), 1);
}

TEST_F(Retention, ADryRunCountsWhatARunRemovesAndChangesNothing) {
  Count("SELECT persona_ensure_activity_partitions('2031-01-01', 6)");  // January to July 2031
  for (double days : {150.0, 120.0, 95.0, 30.0}) Activity(days);
  auto dry = services_->retention.Run(true);
  EXPECT_EQ(Removed(dry, "activity_logs"), 3);
  EXPECT_EQ(dry.results[0].partitions_dropped.size(), 2u);
  EXPECT_EQ(Rows("activity_logs"), 4);
  EXPECT_TRUE(TableExists("activity_logs_2031_01"));
  EXPECT_EQ(Removed(services_->retention.Run(false), "activity_logs"), 3);
}

TEST_F(Retention, TwoRunsAtOnceRemoveEachRowOnce) {
  Count("SELECT persona_ensure_activity_partitions('2031-01-01', 6)");  // January to July 2031
  for (int i = 0; i < 50; ++i) Activity(100 + i % 40);
  Activity(1);
  std::vector<app::RetentionRun> runs(2);
  std::vector<std::thread> threads;
  for (auto& run : runs) threads.emplace_back([&] { run = services_->retention.Run(false); });
  for (auto& t : threads) t.join();
  long long removed = 0;
  for (const auto& run : runs) {
    if (run.ran) removed += Removed(run, "activity_logs");
  }
  EXPECT_EQ(removed, 50);
  EXPECT_EQ(Rows("activity_logs"), 1);
}

}  // namespace
}  // namespace persona
