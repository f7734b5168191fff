// Every error path of the command line: the message a user reads and the exit code
// (2 for bad input, 1 when the command cannot do its work), and that nothing changed.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/persona_process.h"
#include "support/temp_dir.h"
#include "support/test_cluster.h"

namespace persona {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using testing::RunPersona;

constexpr int kUsage = 2;
constexpr int kFailure = 1;

class CliErrors : public ::testing::Test {
 protected:
  void SetUp() override { env_["PERSONA_DATABASE_URL"] = persona::testing::TestCluster::Get().CreateDatabase(); }
  std::vector<std::string> WithDataDir(std::vector<std::string> args) {
    args.push_back("--data-dir");
    args.push_back(dir_.path().string());
    return args;
  }
  testing::TempDir dir_;
  std::map<std::string, std::string> env_;
};

struct UsageCase {
  std::vector<std::string> args;
  std::string input;
  std::string message;
};

class CliUsageErrors : public CliErrors, public ::testing::WithParamInterface<UsageCase> {};

TEST_P(CliUsageErrors, PrintAMessageAndExitWithTwo) {
  auto r = RunPersona(GetParam().args, GetParam().input, env_);
  EXPECT_EQ(r.exit_code, kUsage) << r.err;
  EXPECT_THAT(r.err, HasSubstr("persona: error: "));
  EXPECT_THAT(r.err, HasSubstr(GetParam().message));
  EXPECT_EQ(r.out, "");
}

INSTANTIATE_TEST_SUITE_P(
    Cases, CliUsageErrors,
    ::testing::Values(
        UsageCase{{}, "", "A subcommand is required"}, UsageCase{{"frobnicate"}, "", "unknown command 'frobnicate'"},
        UsageCase{{"user", "list", "--bogus"}, "", "--bogus"}, UsageCase{{"user"}, "", "A subcommand is required"},
        UsageCase{{"migrate"}, "", "A subcommand is required"},
        UsageCase{{"user", "add", "--email", "ana@example.com"}, "password1", "--password-stdin is required"},
        UsageCase{{"user", "add", "--password-stdin"}, "password1", "--email is required"},
        UsageCase{{"user", "add", "--email", "not-an-email", "--password-stdin"}, "password1", "invalid email address"},
        UsageCase{
            {"user", "add", "--email", "ana@localhost", "--password-stdin"}, "password1", "invalid email address"},
        UsageCase{{"user", "add", "--email", "ana@example.com", "--password-stdin"}, "", "the password is empty"},
        UsageCase{{"user", "add", "--email", "ana@example.com", "--password-stdin"}, "\n", "the password is empty"},
        UsageCase{{"user", "add", "--email", "ana@example.com", "--password-stdin"}, "short", "at least 8 characters"},
        UsageCase{{"user", "add", "--email", "ana@example.com", "--password-stdin", "--tier", "gold"},
                  "password1",
                  "unknown tier 'gold'"},
        UsageCase{{"user", "passwd", "--email", "ana@example.com", "--password-stdin"}, "", "the password is empty"},
        UsageCase{{"user", "passwd", "--email", "bad", "--password-stdin"}, "password1", "invalid email address"},
        UsageCase{{"migrate", "up", "--to", "-1"}, "", "--to"}, UsageCase{{"migrate", "up", "--to", "abc"}, "", "--to"},
        UsageCase{{"migrate", "up", "--to", "999"}, "", "there is no migration 999"},
        UsageCase{{"export"}, "", "--user is required"},
        UsageCase{{"export", "--user", "not-an-email"}, "", "invalid email address"},
        UsageCase{{"restore"}, "", "file is required"},
        UsageCase{{"restore", "/nonexistent/persona.dump"}, "", "no backup file at /nonexistent/persona.dump"},
        UsageCase{{"serve", "--listen", "nonsense"}, "", "invalid listen address 'nonsense'"},
        UsageCase{{"serve", "--listen", "127.0.0.1:99999"}, "", "the port must be a number"}));

TEST_F(CliErrors, AnInvalidLogLevelIsAUsageError) {
  env_["PERSONA_LOG_LEVEL"] = "loud";
  auto r = RunPersona(WithDataDir({"user", "list"}), "", env_);
  EXPECT_EQ(r.exit_code, kUsage);
  EXPECT_THAT(r.err, HasSubstr("PERSONA_LOG_LEVEL must be debug, info, warn or error"));
}

TEST_F(CliErrors, AnUnreachableDatabaseFailsWithoutShowingItsPassword) {
  env_["PERSONA_DATABASE_URL"] = "postgresql://persona:hunter2-secret@127.0.0.1:1/persona?connect_timeout=2";
  for (auto args : std::vector<std::vector<std::string>>{
           {"user", "list"}, {"migrate", "status"}, {"migrate", "up"}, {"migrate", "verify"}}) {
    auto r = RunPersona(WithDataDir(args), "", env_);
    EXPECT_EQ(r.exit_code, kFailure) << args[0] << " " << args[1] << ": " << r.err;
    EXPECT_THAT(r.err, HasSubstr("persona: error: cannot connect to the database"));
    EXPECT_THAT(r.err + r.out, Not(HasSubstr("hunter2-secret")));
  }
  auto r =
      RunPersona(WithDataDir({"user", "add", "--email", "ana@example.com", "--password-stdin"}), "password1", env_);
  EXPECT_EQ(r.exit_code, kFailure);
  EXPECT_THAT(r.err, HasSubstr("cannot connect to the database"));
}

TEST_F(CliErrors, UserAddPrintsTheIdAndADuplicateEmailIsAConflict) {
  auto first = RunPersona(WithDataDir({"user", "add", "--email", "Ana@Example.com", "--password-stdin"}),
                          "correct horse\n", env_);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_THAT(first.out, ::testing::MatchesRegex("[0-9a-f-]{36}\n"));

  // Emails compare case-insensitively.
  auto again = RunPersona(WithDataDir({"user", "add", "--email", "ana@example.COM", "--password-stdin"}),
                          "another password", env_);
  EXPECT_EQ(again.exit_code, kFailure);
  EXPECT_THAT(again.err, HasSubstr("a user with email ana@example.com already exists"));

  auto list = RunPersona(WithDataDir({"user", "list"}), "", env_);
  ASSERT_EQ(list.exit_code, 0) << list.err;
  EXPECT_THAT(list.out, HasSubstr(first.out.substr(0, 36)));
  EXPECT_THAT(list.out, HasSubstr("ana@example.com"));
  EXPECT_THAT(list.out, Not(HasSubstr("argon2")));
}

TEST_F(CliErrors, BadInputChangesNothing) {
  RunPersona(WithDataDir({"user", "add", "--email", "bad", "--password-stdin"}), "password1", env_);
  RunPersona(WithDataDir({"user", "add", "--email", "ana@example.com", "--password-stdin"}), "", env_);
  auto list = RunPersona(WithDataDir({"user", "list"}), "", env_);
  ASSERT_EQ(list.exit_code, 0) << list.err;
  EXPECT_THAT(list.out, Not(HasSubstr("@")));
}

TEST_F(CliErrors, PasswdForAnUnknownUserIsAFailure) {
  auto r = RunPersona(WithDataDir({"user", "passwd", "--email", "nobody@example.com", "--password-stdin"}), "password1",
                      env_);
  EXPECT_EQ(r.exit_code, kFailure);
  EXPECT_THAT(r.err, HasSubstr("no user with email nobody@example.com"));
}

TEST_F(CliErrors, PasswdChangesThePasswordHash) {
  ASSERT_EQ(
      RunPersona(WithDataDir({"user", "add", "--email", "ana@example.com", "--password-stdin"}), "password-1", env_)
          .exit_code,
      0);
  auto r = RunPersona(WithDataDir({"user", "passwd", "--email", "ANA@example.com", "--password-stdin"}), "password-2\n",
                      env_);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("password changed"));
}

TEST_F(CliErrors, UserDeleteErasesTheUserAndAnUnknownEmailIsAFailure) {
  for (const char* email : {"ana@example.com", "ben@example.com"}) {
    ASSERT_EQ(
        RunPersona(WithDataDir({"user", "add", "--email", email, "--password-stdin"}), "password-1", env_).exit_code,
        0);
  }
  auto r = RunPersona(WithDataDir({"user", "delete", "--email", "Ana@Example.com"}), "", env_);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("erased Ana@Example.com: personas 0,"));
  auto list = RunPersona(WithDataDir({"user", "list"}), "", env_);
  EXPECT_THAT(list.out, Not(HasSubstr("ana@example.com")));
  EXPECT_THAT(list.out, HasSubstr("ben@example.com"));

  auto again = RunPersona(WithDataDir({"user", "delete", "--email", "ana@example.com"}), "", env_);
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_THAT(again.err, HasSubstr("no user has the email ana@example.com"));
  auto bad = RunPersona(WithDataDir({"user", "delete", "--email", "not an email"}), "", env_);
  EXPECT_EQ(bad.exit_code, 2);
}

TEST_F(CliErrors, HelpAndVersionSucceed) {
  auto help = RunPersona({"--help"}, "", env_);
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_THAT(help.out, HasSubstr("serve"));
  EXPECT_THAT(help.out, HasSubstr("migrate"));
  auto version = RunPersona({"--version"}, "", env_);
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_THAT(version.out, ::testing::MatchesRegex("[0-9]+\\.[0-9]+\\.[0-9]+\n"));
}

}  // namespace
}  // namespace persona
