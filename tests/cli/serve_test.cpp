// `persona serve` as a whole process on the embedded PostgreSQL: first run, readiness,
// a second server refused, clean stop, kill -9 recovery, commands beside the server.
#include <signal.h>
#include <sys/stat.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <thread>

#include "core/process.h"
#include "storage/pg/migrator.h"
#include "storage/pg/schema_version.h"
#include "support/http_client.h"
#include "support/persona_process.h"
#include "support/temp_dir.h"
#include "support/test_cluster.h"

namespace persona {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using testing::RunPersona;
using testing::ServeProcess;
namespace http = boost::beast::http;

boost::asio::ip::tcp::endpoint Loopback(unsigned short port) {
  return {boost::asio::ip::make_address("127.0.0.1"), port};
}

testing::HttpResult Get(unsigned short port, const std::string& target) {
  return testing::Request(Loopback(port), http::verb::get, target);
}

std::filesystem::path DataDir(const testing::TempDir& dir) { return dir.path() / "data"; }

bool PostmasterRunning(const std::filesystem::path& data_dir) {
  return std::filesystem::exists(data_dir / "postgres" / "postmaster.pid");
}

TEST(Serve, AFreshDataDirectoryBecomesReadyAndStopsCleanly) {
  testing::TempDir dir;
  ServeProcess serve(DataDir(dir));
  auto port = serve.WaitListening();
  ASSERT_TRUE(port) << serve.err();

  auto ready = Get(*port, "/readyz");
  EXPECT_EQ(ready.status, 200u) << ready.body;
  EXPECT_EQ(ready.Json()["status"], "ready");
  EXPECT_GE(ready.Json()["schema_version"].get<int>(), 1);
  EXPECT_EQ(ready.Json()["schema_semver"], storage::SchemaVersionAfter(storage::EmbeddedMigrations().back().version));
  EXPECT_EQ(Get(*port, "/healthz").status, 200u);
  auto missing = Get(*port, "/api/v1/no/such/route");
  EXPECT_EQ(missing.status, 404u);
  EXPECT_EQ(missing.Header("Content-Type"), "application/problem+json");

  // First run: the admin exists and its password is in a file only the owner reads.
  EXPECT_THAT(serve.out(), HasSubstr("first run: created the admin user admin@persona.local"));
  auto password_file = DataDir(dir) / "admin-password";
  struct stat st {};
  ASSERT_EQ(stat(password_file.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  std::string password;
  std::getline(std::ifstream(password_file), password);
  EXPECT_EQ(password.size(), 20u);
  EXPECT_THAT(serve.out() + serve.err(), Not(HasSubstr(password))) << "the password never reaches output or logs";
  EXPECT_TRUE(PostmasterRunning(DataDir(dir)));

  EXPECT_EQ(serve.Stop(SIGTERM), 0) << serve.err();
  EXPECT_FALSE(PostmasterRunning(DataDir(dir))) << "the embedded PostgreSQL stops with the server";
  EXPECT_THAT(serve.err(), HasSubstr("embedded PostgreSQL stopped"));
}

TEST(Serve, ASecondServerOnTheSameDataDirectoryIsRefused) {
  testing::TempDir dir;
  ServeProcess first(DataDir(dir));
  auto port = first.WaitListening();
  ASSERT_TRUE(port) << first.err();

  ServeProcess second(DataDir(dir));
  EXPECT_FALSE(second.WaitListening(std::chrono::seconds(30)));
  EXPECT_EQ(second.Wait(), 1);
  EXPECT_THAT(second.err(), HasSubstr("is in use by another persona process (pid " + std::to_string(first.pid()) +
                                      ": persona serve)"));
  EXPECT_EQ(Get(*port, "/readyz").status, 200u) << "the first server is untouched";
  EXPECT_EQ(first.Stop(SIGINT), 0);
}

TEST(Serve, KillNineLosesNoDataAndTheNextStartRecovers) {
  testing::TempDir dir;
  std::string user_id;
  {
    ServeProcess serve(DataDir(dir));
    ASSERT_TRUE(serve.WaitListening()) << serve.err();
    // A command beside the running server joins its cluster.
    auto add = RunPersona(
        {"user", "add", "--email", "kept@example.com", "--password-stdin", "--data-dir", DataDir(dir).string()},
        "a good password");
    ASSERT_EQ(add.exit_code, 0) << add.err;
    user_id = add.out.substr(0, 36);
    EXPECT_EQ(serve.Stop(SIGKILL), 128 + SIGKILL);
  }
  ServeProcess again(DataDir(dir));
  auto port = again.WaitListening();
  ASSERT_TRUE(port) << again.err();
  EXPECT_EQ(Get(*port, "/readyz").status, 200u);
  EXPECT_THAT(again.out(), Not(HasSubstr("first run"))) << "the admin from the first run is still there";
  auto list = RunPersona({"user", "list", "--data-dir", DataDir(dir).string()});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  EXPECT_THAT(list.out, HasSubstr(user_id));
  EXPECT_THAT(list.out, HasSubstr("kept@example.com"));
  EXPECT_EQ(again.Stop(SIGTERM), 0);
}

TEST(Serve, AStalePostmasterPidFromAKilledClusterIsRecovered) {
  testing::TempDir dir;
  pid_t postmaster = 0;
  {
    ServeProcess serve(DataDir(dir));
    ASSERT_TRUE(serve.WaitListening()) << serve.err();
    std::ifstream(DataDir(dir) / "postgres" / "postmaster.pid") >> postmaster;
    ASSERT_GT(postmaster, 0);
    // Both die at once, as in a power cut of the processes: nothing shuts down cleanly.
    kill(postmaster, SIGKILL);
    serve.Stop(SIGKILL);
  }
  for (int i = 0; i < 200 && kill(postmaster, 0) == 0; ++i) usleep(10000);
  ASSERT_TRUE(PostmasterRunning(DataDir(dir))) << "the pid file is left behind";

  ServeProcess again(DataDir(dir));
  auto port = again.WaitListening();
  ASSERT_TRUE(port) << again.err();
  EXPECT_EQ(Get(*port, "/readyz").status, 200u);
  EXPECT_EQ(again.Stop(SIGTERM), 0);
}

TEST(Serve, CommandsWithoutAServerRunTheClusterOnlyWhileTheyWork) {
  testing::TempDir dir;
  auto add = RunPersona({"user", "add", "--email", "solo@example.com", "--password-stdin", "--tier", "pro",
                         "--data-dir", DataDir(dir).string()},
                        "a good password\n");
  ASSERT_EQ(add.exit_code, 0) << add.err;
  EXPECT_FALSE(PostmasterRunning(DataDir(dir)));
  auto list = RunPersona({"user", "list", "--data-dir", DataDir(dir).string()});
  EXPECT_THAT(list.out, HasSubstr("solo@example.com"));
  EXPECT_THAT(list.out, HasSubstr("pro"));
  auto status = RunPersona({"migrate", "status", "--data-dir", DataDir(dir).string()});
  EXPECT_THAT(status.out, HasSubstr("applied"));
  EXPECT_FALSE(PostmasterRunning(DataDir(dir)));
}

TEST(Serve, AnAddressInUseIsAClearError) {
  testing::TempDir dir;
  ServeProcess first(DataDir(dir));
  auto port = first.WaitListening();
  ASSERT_TRUE(port);
  testing::TempDir other;
  auto r =
      RunPersona({"serve", "--data-dir", DataDir(other).string(), "--listen", "127.0.0.1:" + std::to_string(*port)});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("cannot listen on 127.0.0.1:" + std::to_string(*port)));
  EXPECT_FALSE(PostmasterRunning(DataDir(other))) << "the cluster stops when start-up fails";
}

TEST(Serve, AnExternalDatabaseUrlReplacesTheEmbeddedCluster) {
  testing::TempDir dir;
  std::map<std::string, std::string> env = {{"PERSONA_DATABASE_URL", testing::TestCluster::Get().CreateDatabase()}};
  ServeProcess serve(DataDir(dir), {}, env);
  auto port = serve.WaitListening();
  ASSERT_TRUE(port) << serve.err();
  EXPECT_EQ(Get(*port, "/readyz").status, 200u);
  EXPECT_FALSE(std::filesystem::exists(DataDir(dir) / "postgres")) << "no embedded cluster was made";

  // Readiness follows the schema: reverted under the running server, it is not ready.
  auto down = RunPersona({"migrate", "down", "--to", "0", "--data-dir", DataDir(dir).string()}, "", env);
  ASSERT_EQ(down.exit_code, 0) << down.err;
  // /readyz answers from a probe made at most a second ago.
  auto readiness_is = [&](unsigned status) {
    auto until = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    auto res = Get(*port, "/readyz");
    while (res.status != status && std::chrono::steady_clock::now() < until) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      res = Get(*port, "/readyz");
    }
    return res;
  };
  auto not_ready = readiness_is(503);
  EXPECT_EQ(not_ready.status, 503u);
  EXPECT_EQ(not_ready.Header("Content-Type"), "application/problem+json");
  EXPECT_EQ(not_ready.Json()["database_reachable"], true);
  EXPECT_THAT(not_ready.Json()["detail"].get<std::string>(), HasSubstr("schema at version 0, expected"));

  ASSERT_EQ(RunPersona({"migrate", "up", "--data-dir", DataDir(dir).string()}, "", env).exit_code, 0);
  EXPECT_EQ(readiness_is(200).status, 200u);
  EXPECT_EQ(serve.Stop(SIGTERM), 0);
}

TEST(Serve, ADeadEmbeddedDatabaseAnswers503AndIsRestarted) {
  testing::TempDir dir;
  ServeProcess serve(DataDir(dir));
  auto port = serve.WaitListening();
  ASSERT_TRUE(port) << serve.err();
  auto add = RunPersona(
      {"user", "add", "--email", "kept@example.com", "--password-stdin", "--data-dir", DataDir(dir).string()},
      "a good password");
  ASSERT_EQ(add.exit_code, 0) << add.err;
  pid_t postmaster = 0;
  std::ifstream(DataDir(dir) / "postgres" / "postmaster.pid") >> postmaster;
  ASSERT_GT(postmaster, 0);
  kill(postmaster, SIGKILL);  // a crash, behind the server's back

  bool saw_unavailable = false, back = false;
  for (int i = 0; i < 1500 && !back; ++i) {  // polls for up to 30 s
    auto r = Get(*port, "/readyz");
    if (r.status == 503u) {
      saw_unavailable = true;
      EXPECT_EQ(r.Json()["database_reachable"], false);
    }
    back = saw_unavailable && r.status == 200u;
    if (!back) usleep(20000);
  }
  EXPECT_TRUE(saw_unavailable) << "503 while the database is down";
  EXPECT_TRUE(back) << serve.err();
  EXPECT_EQ(Get(*port, "/healthz").status, 200u);
  EXPECT_THAT(serve.err(), HasSubstr("the embedded PostgreSQL exited by itself; restarting it"));
  auto list = RunPersona({"user", "list", "--data-dir", DataDir(dir).string()});
  EXPECT_THAT(list.out, HasSubstr("kept@example.com")) << "no committed data lost";
  EXPECT_EQ(serve.Stop(SIGTERM), 0) << serve.err();
}

// Under root the cluster runs as `postgres`; as an ordinary user it runs as that user.
TEST(Serve, AnOrdinaryUserRunsTheClusterAsThemselves) {
  testing::TempDir dir;
  std::vector<std::string> prefix;
  uid_t expected_owner = geteuid();
  if (geteuid() == 0) {
    auto nobody = LookupSystemUser("nobody");
    ASSERT_TRUE(nobody);
    std::filesystem::create_directory(DataDir(dir));
    ASSERT_EQ(chown(DataDir(dir).c_str(), nobody->uid, nobody->gid), 0);
    expected_owner = nobody->uid;
    prefix = {"/usr/bin/setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--"};
  }
  std::vector<std::string> args = prefix;
  for (auto a : {"persona", "user", "add", "--email", "user@example.com", "--password-stdin", "--data-dir"})
    args.push_back(a);
  args.push_back(DataDir(dir).string());
  auto r = testing::RunCommand(args, "a good password");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  struct stat st {};
  ASSERT_EQ(stat((DataDir(dir) / "postgres" / "PG_VERSION").c_str(), &st), 0);
  EXPECT_EQ(st.st_uid, expected_owner);
}

}  // namespace
}  // namespace persona
