// Key rotation and rewrap while the API keeps serving, and the whole-flow secret scan:
// no secret used anywhere reaches the log or the raw database in clear.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <fstream>
#include <sstream>

#include <pqxx/pqxx>

#include "core/time_format.h"
#include "crypto/encoding.h"
#include "crypto/totp.h"
#include "storage/pg/embedded_postgres.h"
#include "storage/pg/key_rewrap.h"
#include "support/api_fixture.h"
#include "support/persona_process.h"

namespace persona {
namespace {

using boost::beast::http::verb;
using ::testing::HasSubstr;
using ::testing::Not;

class KeyRotation : public testing::ApiFixture {
 protected:
  // Debug level: the secret scan must see every line the server would write.
  KeyRotation() : ApiFixture(crypto::Argon2Params{1024, 1, 1}, Logger::Level::kDebug) {}

  // Another process's view of the keys, as `persona keys rewrap` would have it.
  struct Rewrapper {
    explicit Rewrapper(const std::filesystem::path& key_file) : keys(key_file, std::nullopt), cipher(keys) {}
    crypto::KeyStore keys;
    crypto::FieldCipher cipher;
  };

  std::string TotpCode(const std::string& base32) {
    return crypto::TotpAt(*crypto::Base32Decode(base32), UnixSeconds(clock_.Now()));
  }

  // Seeds `n` proxies whose passwords are encrypted under the current key.
  void SeedProxyPasswords(int n) {
    pqxx::connection conn(conninfo_);
    pqxx::work tx(conn);
    for (int i = 0; i < n; ++i) {
      auto id = tx.exec_params1(
                      "INSERT INTO proxy_assignments (proxy_id, proxy_ip, proxy_port, proxy_username, "
                      "proxy_password_encrypted, city) VALUES ($1, '127.0.0.1', 8000, 'u', 'pending', 'Manila') "
                      "RETURNING id::text",
                      "pc-" + std::to_string(i))[0]
                    .as<std::string>();
      tx.exec_params(
          "UPDATE proxy_assignments SET proxy_password_encrypted = $1 WHERE id = $2::uuid",
          cipher_->Encrypt("proxy-pass-" + std::to_string(i), "proxy_assignments", "proxy_password_encrypted", id), id);
    }
    tx.commit();
  }

  long long ValuesNotUnder(const std::string& kid) {
    long long n = 0;
    for (const auto& usage : storage::CountKeyUsage(*pool_)) {
      for (const auto& [k, count] : usage.values_per_kid) n += k == kid ? 0 : count;
    }
    return n;
  }
};

TEST_F(KeyRotation, AnInterruptedRewrapResumesAndReadsKeepWorkingThroughout) {
  CreateUser("ana@example.com");
  auto cookie = *Login("ana@example.com");
  auto setup = AsBrowser(verb::post, "/api/v1/me/2fa/setup", cookie).Json();
  auto secret = setup["secret"].get<std::string>();
  ASSERT_EQ(
      AsBrowser(verb::post, "/api/v1/me/2fa/enable", cookie, nlohmann::json{{"code", TotpCode(secret)}}.dump()).status,
      200u);
  SeedProxyPasswords(60);
  const std::string old_kid = cipher_->CurrentKid();

  auto new_key = crypto::Keyring::Rotate(dir_ / "master.key");
  ASSERT_NE(new_key.kid, old_kid);
  Rewrapper rewrapper(dir_ / "master.key");
  ASSERT_EQ(rewrapper.cipher.CurrentKid(), new_key.kid);

  // First run dies after three batches, as a killed process would (each batch is its
  // own committed transaction).
  int batches = 0;
  EXPECT_THROW(storage::RewrapAll(*pool_, rewrapper.cipher, 10,
                                  [&](const std::string&) {
                                    if (++batches == 3) throw std::runtime_error("interrupted");
                                  }),
               std::runtime_error);
  long long left = ValuesNotUnder(new_key.kid);
  EXPECT_GT(left, 0);
  EXPECT_LT(left, 61);

  // Logins decrypt the TOTP secret: they keep working while the rest is rewrapped.
  std::atomic<bool> done{false};
  std::atomic<int> logins{0}, failures{0};
  std::thread reader([&] {
    while (!done) {
      clock_.Advance(std::chrono::seconds(30));
      auto ok = Login("ana@example.com", "correct horse battery", {{"totp_code", TotpCode(secret)}});
      ok ? ++logins : ++failures;
    }
  });
  auto report = storage::RewrapAll(*pool_, rewrapper.cipher, 5, {});
  done = true;
  reader.join();
  EXPECT_TRUE(report.unreadable.empty());
  EXPECT_EQ(report.rewrapped, left);
  EXPECT_EQ(ValuesNotUnder(new_key.kid), 0);
  EXPECT_GT(logins, 0);
  EXPECT_EQ(failures, 0);

  // Every value reads back under the new key, and the server (its KeyStore) follows.
  clock_.Advance(std::chrono::seconds(30));
  EXPECT_TRUE(Login("ana@example.com", "correct horse battery", {{"totp_code", TotpCode(secret)}}));
  pqxx::connection conn(conninfo_);
  pqxx::nontransaction tx(conn);
  for (const auto& row : tx.exec("SELECT id::text, proxy_id, proxy_password_encrypted FROM proxy_assignments")) {
    auto plain = cipher_->Decrypt(row[2].as<std::string>(), "proxy_assignments", "proxy_password_encrypted",
                                  row[0].as<std::string>());
    ASSERT_TRUE(plain) << row[1];
    EXPECT_EQ(*plain, "proxy-pass-" + row[1].as<std::string>().substr(3));
  }
  EXPECT_EQ(cipher_->CurrentKid(), new_key.kid) << "new writes use the new key";
}

TEST_F(KeyRotation, KeyStatusListsTheKeysTheValuesUnderEachAndKidsTheServerLacks) {
  CreateUser("ana@example.com");
  auto cookie = *Login("ana@example.com");
  EXPECT_EQ(Call(verb::get, "/api/v1/keys").status, 401u);
  SeedProxyPasswords(3);
  {
    // A value under a key that has left the key file: unreadable until the key is back.
    pqxx::connection conn(conninfo_);
    pqxx::work tx(conn);
    tx.exec0(
        "UPDATE proxy_assignments SET proxy_password_encrypted = "
        "'{\"algorithm\":\"AES-256-GCM\",\"iv\":\"AA\",\"data\":\"AA\",\"tag\":\"AA\",\"kid\":\"k9-gone\"}' "
        "WHERE proxy_id = 'pc-2'");
    tx.commit();
  }
  auto res = AsBrowser(verb::get, "/api/v1/keys", cookie);
  ASSERT_EQ(res.status, 200u) << res.body;
  auto status = res.Json();
  const auto current = cipher_->CurrentKid();
  EXPECT_EQ(status["current_kid"], current);
  EXPECT_EQ(status["unencrypted_values"], 0);
  ASSERT_EQ(status["keys"].size(), 2u) << status.dump();
  EXPECT_EQ(status["keys"][0], (nlohmann::json{{"kid", current}, {"current", true}, {"known", true}, {"values", 2}}));
  EXPECT_EQ(status["keys"][1],
            (nlohmann::json{{"kid", "k9-gone"}, {"current", false}, {"known", false}, {"values", 1}}));
  EXPECT_THAT(res.body, Not(HasSubstr("proxy-pass"))) << "counts only, never a value";
}

TEST_F(KeyRotation, ACiphertextMovedToAnotherRowDoesNotDecrypt) {
  SeedProxyPasswords(2);
  {
    pqxx::connection conn(conninfo_);
    pqxx::work tx(conn);
    tx.exec0(
        "UPDATE proxy_assignments SET proxy_password_encrypted = "
        "(SELECT proxy_password_encrypted FROM proxy_assignments WHERE proxy_id = 'pc-0') WHERE proxy_id = 'pc-1'");
    tx.commit();
  }
  crypto::Keyring::Rotate(dir_ / "master.key");
  Rewrapper rewrapper(dir_ / "master.key");
  auto report = storage::RewrapAll(*pool_, rewrapper.cipher, 10, {});
  ASSERT_EQ(report.unreadable.size(), 1u);
  EXPECT_THAT(report.unreadable[0], HasSubstr("proxy_assignments.proxy_password_encrypted id="));
  EXPECT_EQ(report.rewrapped, 1);
}

// The whole flow of the security issue, then a scan of everything that left the
// process (log) or sits in the database for every secret used.
TEST_F(KeyRotation, NoSecretReachesTheLogOrTheDatabaseInClear) {
  ::testing::internal::CaptureStderr();
  const std::string password = "Tr0ub4dor&3-long-enough";
  CreateUser("flow@example.com", password);
  std::vector<std::string> secrets = {password};

  auto cookie = *Login("flow@example.com", password);
  secrets.push_back(cookie.substr(cookie.find('=') + 1));
  auto setup = AsBrowser(verb::post, "/api/v1/me/2fa/setup", cookie).Json();
  auto totp_secret = setup["secret"].get<std::string>();
  secrets.push_back(totp_secret);
  secrets.push_back(crypto::Base64Encode(*crypto::Base32Decode(totp_secret)));
  secrets.push_back(crypto::HexEncode(*crypto::Base32Decode(totp_secret)));
  auto enable =
      AsBrowser(verb::post, "/api/v1/me/2fa/enable", cookie, nlohmann::json{{"code", TotpCode(totp_secret)}}.dump());
  auto recovery_codes = enable.Json()["recovery_codes"];
  ASSERT_EQ(recovery_codes.size(), 10u);
  for (const auto& c : recovery_codes) secrets.push_back(c.get<std::string>());
  auto token =
      AsBrowser(verb::post, "/api/v1/me/tokens", cookie, R"({"name":"cron"})").Json()["token"].get<std::string>();
  secrets.push_back(token);
  SeedProxyPasswords(3);
  for (int i = 0; i < 3; ++i) secrets.push_back("proxy-pass-" + std::to_string(i));
  auto user_id = Call(verb::get, "/api/v1/me", "", {{"Cookie", cookie}}).Json()["id"].get<std::string>();
  auto persona = InsertPersona(user_id);
  auto account = AsBrowser(verb::post, "/api/v1/personas/" + persona + "/accounts", cookie,
                           R"({"platform_type":"twitter","username":"flow","credentials":{"password":"tw-Pass-31415"},)"
                           R"("auth_tokens":{"refresh":"oauth-Refresh-2718"}})");
  ASSERT_EQ(account.status, 201u) << account.body;
  secrets.push_back("tw-Pass-31415");
  secrets.push_back("oauth-Refresh-2718");
  auto account_id = account.Json()["id"].get<std::string>();

  crypto::Keyring::Rotate(dir_ / "master.key");
  Rewrapper rewrapper(dir_ / "master.key");
  ASSERT_TRUE(storage::RewrapAll(*pool_, rewrapper.cipher, 2, {}).unreadable.empty());
  clock_.Advance(std::chrono::seconds(30));
  auto second = Login("flow@example.com", password, {{"totp_code", TotpCode(totp_secret)}});
  ASSERT_TRUE(second);
  secrets.push_back(second->substr(second->find('=') + 1));
  // Reveal after the rewrap: the credentials come back, under the new key.
  auto revealed = AsBrowser(verb::post, "/api/v1/accounts/" + account_id + "/reveal", *second,
                            nlohmann::json{{"password", password}}.dump());
  ASSERT_EQ(revealed.status, 200u) << revealed.body;
  EXPECT_EQ(revealed.Json()["credentials"]["password"], "tw-Pass-31415");
  // A bad login and a bearer call, so failures are logged too.
  Login("flow@example.com", "wrong " + password);
  Call(verb::get, "/api/v1/me", "", {{"Authorization", "Bearer " + token}});

  // Master keys themselves.
  std::ifstream key_file(dir_ / "master.key");
  for (std::string line; std::getline(key_file, line);) {
    if (!line.empty() && line[0] != '#') secrets.push_back(line.substr(line.find(' ') + 1));
  }
  std::string log = ::testing::internal::GetCapturedStderr();

  // The raw database, as a plain-text dump.
  auto pg_dump = (storage::FindPostgresBinDir() / "pg_dump").string();
  auto dump = testing::RunCommand({pg_dump, "--data-only", "--dbname=" + conninfo_});
  ASSERT_EQ(dump.exit_code, 0) << dump.err;
  ASSERT_THAT(dump.out, HasSubstr("flow@example.com")) << "the dump holds the data";
  ASSERT_THAT(dump.out, HasSubstr("AES-256-GCM"));

  ASSERT_GE(secrets.size(), 20u);
  for (const auto& secret : secrets) {
    ASSERT_GE(secret.size(), 8u);
    EXPECT_THAT(log, Not(HasSubstr(secret))) << "in the log: " << secret;
    EXPECT_THAT(dump.out, Not(HasSubstr(secret))) << "in the database: " << secret;
  }
}

}  // namespace
}  // namespace persona
