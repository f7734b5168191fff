// `persona keys status|rotate|rewrap` as an operator runs them.
#include <sys/stat.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>

#include <pqxx/pqxx>

#include "crypto/field_cipher.h"
#include "storage/pg/migrator.h"
#include "support/persona_process.h"
#include "support/temp_dir.h"
#include "support/test_cluster.h"

namespace persona {
namespace {

using ::testing::HasSubstr;
using testing::RunPersona;

class KeysCli : public ::testing::Test {
 protected:
  void SetUp() override {
    conninfo_ = testing::TestCluster::Get().CreateDatabase();
    env_["PERSONA_DATABASE_URL"] = conninfo_;
  }
  testing::CommandResult Run(std::vector<std::string> args, std::map<std::string, std::string> extra_env = {}) {
    args.push_back("--data-dir");
    args.push_back(dir_.path().string());
    auto env = env_;
    env.insert(extra_env.begin(), extra_env.end());
    return RunPersona(args, "", env);
  }
  std::filesystem::path KeyFile() const { return dir_.path() / "master.key"; }

  // Encrypted 2FA secrets for `n` users, under the key file's current key.
  void SeedSecrets(int n) {
    auto keyring = crypto::Keyring::Load(KeyFile(), nullptr);
    crypto::FieldCipher cipher(keyring);
    pqxx::connection conn(conninfo_);
    pqxx::work tx(conn);
    for (int i = 0; i < n; ++i) {
      auto id = tx.exec_params1("INSERT INTO users (email, password_hash) VALUES ($1, 'x') RETURNING id::text",
                                "u" + std::to_string(i) + "@example.com")[0]
                    .as<std::string>();
      tx.exec_params("UPDATE users SET two_factor_secret = $1 WHERE id = $2::uuid",
                     cipher.Encrypt("secret-" + std::to_string(i), "users", "two_factor_secret", id), id);
    }
    tx.commit();
  }

  testing::TempDir dir_;
  std::string conninfo_;
  std::map<std::string, std::string> env_;
};

TEST_F(KeysCli, StatusRotateRewrap) {
  auto status = Run({"keys", "status"});
  ASSERT_EQ(status.exit_code, 0) << status.err;
  EXPECT_THAT(status.out, HasSubstr("(current)"));
  EXPECT_THAT(status.out, HasSubstr("users.two_factor_secret: none"));
  struct stat st {};
  ASSERT_EQ(stat(KeyFile().c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u) << "created owner-only";
  auto old_kid = crypto::Keyring::Load(KeyFile(), nullptr).Current().kid;

  SeedSecrets(7);
  auto rotate = Run({"keys", "rotate"});
  ASSERT_EQ(rotate.exit_code, 0) << rotate.err;
  EXPECT_THAT(rotate.out, HasSubstr("added key"));
  auto new_kid = crypto::Keyring::Load(KeyFile(), nullptr).Current().kid;
  EXPECT_NE(new_kid, old_kid);
  EXPECT_THAT(Run({"keys", "status"}).out, HasSubstr(old_kid + "=7"));

  auto rewrap = Run({"keys", "rewrap", "--batch", "3"});
  ASSERT_EQ(rewrap.exit_code, 0) << rewrap.err;
  EXPECT_THAT(rewrap.out, HasSubstr("rewrap users.two_factor_secret: 3 value(s) under key " + new_kid));
  EXPECT_THAT(rewrap.out, HasSubstr("rewrap users.two_factor_secret: 7 value(s)"));
  EXPECT_THAT(rewrap.out, HasSubstr("rewrapped 7 value(s)"));
  EXPECT_THAT(Run({"keys", "status"}).out, HasSubstr("users.two_factor_secret: " + new_kid + "=7"));
  EXPECT_THAT(Run({"keys", "rewrap"}).out, HasSubstr("rewrapped 0 value(s)")) << "idempotent";
}

TEST_F(KeysCli, AKeyFileOthersCanReadIsRefused) {
  ASSERT_EQ(Run({"keys", "status"}).exit_code, 0);
  chmod(KeyFile().c_str(), 0644);
  auto r = Run({"keys", "status"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("0644"));
  EXPECT_THAT(r.err, HasSubstr("0600"));
}

TEST_F(KeysCli, AKeyOfTheWrongLengthIsRefusedWithoutShowingIt) {
  {
    std::ofstream out(KeyFile());
    out << "k1 c2hvcnQta2V5\n";  // "short-key"
  }
  chmod(KeyFile().c_str(), 0600);
  auto r = Run({"keys", "status"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("32 bytes"));
  EXPECT_THAT(r.err, ::testing::Not(HasSubstr("c2hvcnQta2V5")));
}

TEST_F(KeysCli, RotateRefusesKeysFromTheEnvironment) {
  auto r = Run({"keys", "rotate"}, {{"PERSONA_MASTER_KEY", "k1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="}});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("PERSONA_MASTER_KEY"));
  EXPECT_FALSE(std::filesystem::exists(KeyFile()));
}

TEST_F(KeysCli, BadBatchSizeIsAUsageError) {
  auto r = Run({"keys", "rewrap", "--batch", "0"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("--batch"));
}

}  // namespace
}  // namespace persona
