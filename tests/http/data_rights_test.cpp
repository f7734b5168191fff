// The user's rights over their data, end to end: GET /me/export and `persona export`
// (everything they own, streamed), DELETE /me (erasure in one transaction, security
// events kept de-identified), and `persona backup` / `persona restore` giving back the
// same export. Another user's data is byte for byte what it was.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include <pqxx/pqxx>

#include "core/time_format.h"
#include "crypto/encoding.h"
#include "crypto/totp.h"
#include "storage/pg/backup.h"
#include "storage/pg/migration.h"
#include "support/api_fixture.h"
#include "support/persona_process.h"
#include "support/test_cluster.h"

namespace persona {
namespace {

using boost::beast::http::verb;

// Every table a user's data lives in, and how a row belongs to user $U.
const std::map<std::string, std::string> kOwnedRows = {
    {"users", "id = '$U'"},
    {"personas", "user_id = '$U'"},
    {"platform_accounts", "user_id = '$U'"},
    {"proxy_assignments", "user_id = '$U'"},
    {"proxy_health_checks", "proxy_assignment_id IN (SELECT id FROM proxy_assignments WHERE user_id = '$U')"},
    {"content_templates", "user_id = '$U'"},
    {"manual_posts", "user_id = '$U'"},
    {"persona_sessions", "user_id = '$U'"},
    {"activity_logs", "user_id = '$U'"},
    {"security_events", "user_id = '$U'"},
    {"auth_sessions", "user_id = '$U'"},
    {"api_tokens", "user_id = '$U'"},
    {"recovery_codes", "user_id = '$U'"},
    {"login_attempts", "email = (SELECT email FROM users WHERE id = '$U')"},
};

std::string Where(const std::string& condition, const std::string& user) {
  std::string out = condition;
  for (auto at = out.find("$U"); at != std::string::npos; at = out.find("$U")) out.replace(at, 2, user);
  return out;
}

class DataRights : public testing::ApiFixture {
 protected:
  static std::string Id(const testing::HttpResult& res) {
    EXPECT_LT(res.status, 300u) << res.body;
    return res.Json()["id"].get<std::string>();
  }
  testing::HttpResult Send(const std::string& cookie, verb method, const std::string& target,
                           const nlohmann::json& body = nullptr) {
    return AsBrowser(method, target, cookie, body.is_null() ? "" : body.dump());
  }
  // A user with rows in every table.
  std::string Populate(const std::string& email, const std::string& cookie) {
    Login(email, "wrong password");  // a failure: login_attempts and a security event
    auto persona = Id(Send(cookie, verb::post, "/api/v1/personas", PersonaBody("P " + email)));
    auto account = Id(Send(cookie, verb::post, "/api/v1/personas/" + persona + "/accounts",
                           {{"platform_type", "twitter"}, {"username", "u"}, {"credentials", "pw"}}));
    auto proxy = Id(Send(cookie, verb::post, "/api/v1/proxies",
                         {{"proxy_id", "px"},
                          {"proxy_ip", "127.0.0.1"},
                          {"proxy_port", 1},
                          {"proxy_username", "u"},
                          {"proxy_password", "p"},
                          {"city", "Manila"}}));
    EXPECT_EQ(Send(cookie, verb::put, "/api/v1/personas/" + persona + "/proxy", {{"proxy", proxy}}).status, 200u);
    EXPECT_EQ(Send(cookie, verb::post, "/api/v1/proxies/" + proxy + "/check").status, 200u);
    Id(Send(cookie, verb::post, "/api/v1/templates",
            {{"template_name", "T"},
             {"content_type", "text"},
             {"template_text", "Hi"},
             {"target_platforms", {"twitter"}}}));
    Id(Send(cookie, verb::post, "/api/v1/personas/" + persona + "/sessions", nlohmann::json::object()));
    auto post =
        Id(Send(cookie, verb::post, "/api/v1/posts", {{"platform_account_id", account}, {"final_content", "Hi"}}));
    EXPECT_EQ(Send(cookie, verb::post, "/api/v1/posts/" + post + "/publish", {{"platform_post_id", "1"}}).status, 200u);
    Send(cookie, verb::post, "/api/v1/activity",
         {{"persona_id", persona}, {"activity_type", "like"}, {"platform_type", "twitter"}});
    Send(cookie, verb::post, "/api/v1/me/tokens", {{"name", "script"}});
    Execute("INSERT INTO recovery_codes (user_id, code_hash) SELECT id, repeat('a', 64) FROM users WHERE email = '" +
            email + "'");
    return persona;
  }
  testing::HttpResult Export(const std::string& cookie, const std::string& query = "",
                             const testing::Headers& extra = {}) {
    testing::Headers headers = {{"Cookie", cookie}};
    headers.insert(headers.end(), extra.begin(), extra.end());
    return Call(verb::get, "/api/v1/me/export" + query, "", headers);
  }
  // `persona export` of `email` from `database` (the fixture's key file), with secrets
  // when a password is given; the document without its export time.
  std::string CliExport(const std::string& email, const std::string& database,
                        const std::optional<std::string>& password = std::nullopt) {
    std::vector<std::string> args = {"export", "--user", email, "--data-dir", dir_.path().string()};
    if (password) args.push_back("--include-secrets");
    auto run = testing::RunPersona(args, password.value_or(""), {{"PERSONA_DATABASE_URL", database}});
    EXPECT_EQ(run.exit_code, 0) << run.err;
    return WithoutExportTime(run.out);
  }
  static std::string WithoutExportTime(const std::string& document) {
    return std::regex_replace(document, std::regex(R"("exported_at":"[^"]*")"), R"("exported_at":"-")");
  }
  // Each table's rows of `user`, as text, in a stable order.
  std::map<std::string, std::string> Snapshot(const std::string& user) {
    std::map<std::string, std::string> out;
    pqxx::connection conn(conninfo_);
    pqxx::nontransaction tx(conn);
    for (const auto& [table, condition] : kOwnedRows) {
      auto row = tx.exec1("SELECT count(*), COALESCE(string_agg(t::text, E'\\n' ORDER BY t::text), '') FROM " + table +
                          " t WHERE " + Where(condition, user));
      out[table] = row[0].as<std::string>() + " rows\n" + row[1].as<std::string>();
    }
    return out;
  }
};

TEST_F(DataRights, TheUserAndAllTheyOwnGoAnotherUserIsUntouched) {
  auto ana = CreateUser("ana@example.com");
  auto ana_cookie = *Login("ana@example.com");
  auto ben = CreateUser("ben@example.com");
  auto ben_cookie = *Login("ben@example.com");
  Populate("ana@example.com", ana_cookie);
  Populate("ben@example.com", ben_cookie);
  for (const auto& [table, condition] : kOwnedRows) {
    ASSERT_GT(Count("SELECT count(*) FROM " + table + " WHERE " + Where(condition, ana)), 0) << table;
  }
  const auto ana_events = Count("SELECT count(*) FROM security_events WHERE user_id = '" + ana + "'");
  const auto ben_before = Snapshot(ben);
  const auto ben_export_before = Export(ben_cookie);
  ASSERT_EQ(ben_export_before.status, 200u);

  // A wrong password changes nothing.
  auto refused = Send(ana_cookie, verb::delete_, "/api/v1/me", {{"password", "not it"}});
  EXPECT_EQ(refused.status, 403u);
  EXPECT_EQ(refused.Json()["code"], "reauth_failed");
  EXPECT_EQ(Count("SELECT count(*) FROM users WHERE id = '" + ana + "'"), 1);

  auto erased = Send(ana_cookie, verb::delete_, "/api/v1/me", {{"password", "correct horse battery"}});
  ASSERT_EQ(erased.status, 204u) << erased.body;
  EXPECT_THAT(erased.Header("Set-Cookie"), ::testing::HasSubstr("Max-Age=0"));
  for (const auto& [table, condition] : kOwnedRows) {
    if (table == "login_attempts") {
      EXPECT_EQ(Count("SELECT count(*) FROM login_attempts WHERE email = 'ana@example.com'"), 0);
      continue;
    }
    EXPECT_EQ(Count("SELECT count(*) FROM " + table + " WHERE " + Where(condition, ana)), 0) << table;
  }
  // The security events stay for their year, with nothing left that points at ana.
  EXPECT_EQ(Count("SELECT count(*) FROM security_events WHERE user_id IS NULL AND source_ip IS NULL AND "
                  "user_agent IS NULL AND persona_id IS NULL AND event_data = '{}'"),
            ana_events);
  EXPECT_EQ(Count("SELECT count(*) FROM security_events WHERE event_description LIKE '%ana%'"), 0);
  // Ben's rows are exactly what they were, and his session still works.
  EXPECT_EQ(Snapshot(ben), ben_before);
  EXPECT_EQ(Export(ben_cookie).body, ben_export_before.body) << "ben's export, byte for byte";
  EXPECT_EQ(Send(ben_cookie, verb::get, "/api/v1/me").status, 200u);
  EXPECT_EQ(Send(ana_cookie, verb::get, "/api/v1/me").status, 401u);
}

TEST_F(DataRights, ExportHoldsEveryRowTheUserOwnsAndNoHashOrCiphertext) {
  auto ana = CreateUser("ana@example.com");
  auto ana_cookie = *Login("ana@example.com");
  CreateUser("ben@example.com");
  auto ben_cookie = *Login("ben@example.com");
  Populate("ana@example.com", ana_cookie);
  auto ben_persona = Populate("ben@example.com", ben_cookie);

  auto res = Export(ana_cookie);
  ASSERT_EQ(res.status, 200u) << res.body;
  EXPECT_EQ(res.Header("Content-Type"), "application/json");
  EXPECT_EQ(res.Header("Transfer-Encoding"), "chunked");
  EXPECT_EQ(res.Header("Cache-Control"), "no-store");
  auto doc = res.Json();
  EXPECT_EQ(doc["format"], "persona-export");
  EXPECT_EQ(doc["schema_version"], storage::EmbeddedMigrations().back().version);
  EXPECT_FALSE(doc["schema_semver"].get<std::string>().empty());
  EXPECT_EQ(doc["exported_at"], FormatTimestamp(clock_.Now()));
  EXPECT_EQ(doc["include_secrets"], false);
  EXPECT_EQ(doc["user"]["id"], ana);
  EXPECT_EQ(doc["user"]["email"], "ana@example.com");
  for (const auto& [table, condition] : kOwnedRows) {
    if (table == "users") continue;
    ASSERT_TRUE(doc[table].is_array()) << table;
    EXPECT_EQ(static_cast<long long>(doc[table].size()),
              Count("SELECT count(*) FROM " + table + " WHERE " + Where(condition, ana)))
        << table;
    EXPECT_FALSE(doc[table].empty()) << table;
  }
  EXPECT_EQ(doc["platform_accounts"][0]["username"], "u");
  for (const char* hidden : {"password_hash", "token_hash", "code_hash", "_encrypted", "two_factor_secret",
                             "AES-256-GCM", "ben@example.com"}) {
    EXPECT_EQ(res.body.find(hidden), std::string::npos) << hidden;
  }
  EXPECT_EQ(res.body.find(ben_persona), std::string::npos) << "another user's persona";

  // The command line writes the same document.
  EXPECT_EQ(CliExport("ana@example.com", conninfo_), WithoutExportTime(res.body));
}

// The TOTP secret is raw bytes: the export gives it in base32, as an authenticator app
// takes it (it used to cut the stream short, the bytes not being UTF-8 text).
TEST_F(DataRights, ASecretsExportOfAUserWithTwoFactorGivesItsSecretInBase32) {
  CreateUser("ana@example.com");
  auto cookie = *Login("ana@example.com");
  auto secret = AsBrowser(verb::post, "/api/v1/me/2fa/setup", cookie).Json()["secret"].get<std::string>();
  auto code = crypto::TotpAt(*crypto::Base32Decode(secret), UnixSeconds(clock_.Now()));
  ASSERT_EQ(AsBrowser(verb::post, "/api/v1/me/2fa/enable", cookie, nlohmann::json{{"code", code}}.dump()).status, 200u);

  auto res = Export(cookie, "?include_secrets=true", {{"X-Reauth-Password", "correct horse battery"}});
  ASSERT_EQ(res.status, 200u) << res.body;
  auto doc = nlohmann::json::parse(res.body, nullptr, false);
  ASSERT_FALSE(doc.is_discarded()) << "the whole document arrived: " << res.body.substr(res.body.size() - 200);
  EXPECT_EQ(doc["user"]["two_factor_secret"], secret);
}

TEST_F(DataRights, SecretsOnlyWithThePasswordAgain) {
  CreateUser("ana@example.com");
  auto cookie = *Login("ana@example.com");
  Populate("ana@example.com", cookie);
  const auto events = [&](const std::string& type) {
    return Count("SELECT count(*) FROM security_events WHERE event_type = '" + type + "'");
  };
  const auto failures = events("reauth_failure");

  auto missing = Export(cookie, "?include_secrets=true");
  EXPECT_EQ(missing.status, 403u);
  EXPECT_EQ(missing.Json()["code"], "reauth_failed");
  auto wrong = Export(cookie, "?include_secrets=true", {{"X-Reauth-Password", "not it"}});
  EXPECT_EQ(wrong.status, 403u);
  EXPECT_EQ(events("reauth_failure"), failures + 2);
  auto bad = Export(cookie, "?include_secrets=yes");
  EXPECT_EQ(bad.status, 422u);
  EXPECT_EQ(ErrorFields(bad), std::set<std::string>{"include_secrets"});

  auto res = Export(cookie, "?include_secrets=true", {{"X-Reauth-Password", "correct horse battery"}});
  ASSERT_EQ(res.status, 200u) << res.body;
  auto doc = res.Json();
  EXPECT_EQ(doc["include_secrets"], true);
  EXPECT_EQ(doc["platform_accounts"][0]["credentials"], "pw");
  EXPECT_EQ(doc["proxy_assignments"][0]["proxy_password"], "p");
  EXPECT_EQ(res.body.find("AES-256-GCM"), std::string::npos) << "decrypted, not ciphertext";
  EXPECT_EQ(res.body.find("password_hash"), std::string::npos);
  EXPECT_EQ(events("secret_revealed"), 1);

  // The command line asks for the same password, on standard input.
  auto refused = testing::RunPersona(
      {"export", "--user", "ana@example.com", "--include-secrets", "--data-dir", dir_.path().string()}, "not it",
      {{"PERSONA_DATABASE_URL", conninfo_}});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_THAT(refused.err, ::testing::HasSubstr("wrong"));
  EXPECT_EQ(refused.out, "");
  auto cli = nlohmann::json::parse(CliExport("ana@example.com", conninfo_, "correct horse battery"));
  EXPECT_EQ(cli["platform_accounts"][0]["credentials"], "pw");
  EXPECT_EQ(events("secret_revealed"), 2) << "each export with secrets is recorded";
}

// 30 000 activity rows go out in pieces; a client that leaves midway costs the server
// nothing but that answer.
TEST_F(DataRights, ALargeExportStreamsAndAClientLeavingMidwayHurtsNothing) {
  auto ana = CreateUser("ana@example.com");
  auto cookie = *Login("ana@example.com");
  Execute(
      "INSERT INTO activity_logs (user_id, activity_type, activity_data, ip_address, created_at) "
      "SELECT '" +
      ana +
      "', 'like', jsonb_build_object('n', n, 'note', repeat('x', 200)), '127.0.0.1', "
      "now() - n * interval '1 minute' FROM generate_series(1, 30000) n");
  auto res = Export(cookie);
  ASSERT_EQ(res.status, 200u);
  auto doc = res.Json();
  ASSERT_EQ(doc["activity_logs"].size(), 30001u) << "the rows and the login";
  EXPECT_GT(res.body.size(), 8u << 20);

  for (int i = 0; i < 3; ++i) {
    testing::RawConnection raw(endpoint());
    ASSERT_TRUE(raw.Write("GET /api/v1/me/export HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: " + cookie + "\r\n\r\n"));
  }  // each closed right away, the answer unread
  EXPECT_EQ(Export(cookie).Json()["activity_logs"].size(), 30001u);
  EXPECT_EQ(Call(verb::get, "/healthz").status, 200u);
}

TEST_F(DataRights, BackupThenRestoreGivesTheSameExport) {
  CreateUser("ana@example.com");
  auto ana_cookie = *Login("ana@example.com");
  CreateUser("ben@example.com");
  Populate("ana@example.com", ana_cookie);
  Populate("ben@example.com", *Login("ben@example.com"));
  const std::map<std::string, std::string> env = {{"PERSONA_DATABASE_URL", conninfo_}};
  // Without secrets: an export with them records a security event, which the next
  // export would show.
  const auto before = CliExport("ana@example.com", conninfo_);
  const auto ben_before = CliExport("ben@example.com", conninfo_);

  auto file = dir_.path() / "saved" / "persona.dump";
  auto backup = testing::RunPersona({"backup", "-o", file.string(), "--data-dir", dir_.path().string()}, "", env);
  ASSERT_EQ(backup.exit_code, 0) << backup.err;
  EXPECT_THAT(backup.out, ::testing::HasSubstr(file.string()));
  struct stat st {};
  ASSERT_EQ(stat(file.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  auto info = storage::ReadBackupInfo(file);
  EXPECT_EQ(info.schema_version, storage::EmbeddedMigrations().back().version);
  EXPECT_EQ(info.key_ids, keys_->Kids()) << "the one key the secrets are under";

  // Key material is never in a backup: the dump as SQL holds the ciphertexts, not the key.
  std::ifstream key_file(dir_.path() / "master.key");
  std::stringstream key_text;
  key_text << key_file.rdbuf();
  auto sql = testing::RunCommand({"/usr/lib/postgresql/15/bin/pg_restore", "-f", "-", file.string()});
  ASSERT_EQ(sql.exit_code, 0) << sql.err;
  EXPECT_THAT(sql.out, ::testing::HasSubstr("AES-256-GCM"));
  std::smatch key;
  std::string keys = key_text.str();
  ASSERT_TRUE(std::regex_search(keys, key, std::regex("[A-Za-z0-9+/]{40,}={0,2}"))) << "the key file's key";
  EXPECT_EQ(sql.out.find(key.str()), std::string::npos);

  auto restored = testing::TestCluster::Get().CreateDatabase();
  auto restore = testing::RunPersona({"restore", file.string(), "--data-dir", dir_.path().string()}, "",
                                     {{"PERSONA_DATABASE_URL", restored}});
  ASSERT_EQ(restore.exit_code, 0) << restore.err;
  EXPECT_THAT(restore.out, ::testing::HasSubstr("verified"));
  EXPECT_EQ(CliExport("ana@example.com", restored), before);
  EXPECT_EQ(CliExport("ben@example.com", restored), ben_before);
  // The secrets read back with the same key file.
  auto secrets = nlohmann::json::parse(CliExport("ana@example.com", restored, "correct horse battery"));
  EXPECT_EQ(secrets["platform_accounts"][0]["credentials"], "pw");
  EXPECT_EQ(secrets["proxy_assignments"][0]["proxy_password"], "p");
}

// `persona restore FILE --data-dir NEW_DIR` on a new machine: the directory and its
// embedded cluster are created as serve creates them. Keys are checked first: a backup
// with secrets names the missing kid and the expected key file and touches nothing; one
// without secrets needs no key file at all.
TEST_F(DataRights, RestoreIntoANewDataDirectoryCreatesItAndNamesAMissingKeyFirst) {
  CreateUser("ana@example.com");
  Populate("ana@example.com", *Login("ana@example.com"));
  const std::map<std::string, std::string> env = {{"PERSONA_DATABASE_URL", conninfo_}};
  auto file = dir_.path() / "with-secrets.dump";
  ASSERT_EQ(testing::RunPersona({"backup", "-o", file.string(), "--data-dir", dir_.path().string()}, "", env).exit_code,
            0);
  auto kid = storage::ReadBackupInfo(file).key_ids.at(0);

  testing::TempDir machine;
  const auto fresh = machine.path() / "persona-data";
  auto refused = testing::RunPersona({"restore", file.string(), "--data-dir", fresh.string()});
  EXPECT_EQ(refused.exit_code, 2) << refused.err;
  EXPECT_THAT(refused.err, ::testing::HasSubstr(kid));
  EXPECT_THAT(refused.err, ::testing::HasSubstr((fresh / "master.key").string()));
  EXPECT_FALSE(std::filesystem::exists(fresh)) << "a refused restore creates nothing";

  std::filesystem::create_directories(fresh);
  std::filesystem::copy_file(dir_.path() / "master.key", fresh / "master.key");
  std::filesystem::permissions(fresh / "master.key",
                               std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  auto restored = testing::RunPersona({"restore", file.string(), "--data-dir", fresh.string()});
  ASSERT_EQ(restored.exit_code, 0) << restored.err;
  auto users = testing::RunPersona({"user", "list", "--data-dir", fresh.string()});
  EXPECT_THAT(users.out, ::testing::HasSubstr("ana@example.com")) << users.err;

  // A backup whose metadata names no keys restores without a key file, and makes none.
  testing::TempDir bare_source;
  auto bare_db = testing::TestCluster::Get().CreateDatabase();
  ASSERT_EQ(testing::RunPersona({"migrate", "up", "--no-backup", "--data-dir", bare_source.path().string()}, "",
                                {{"PERSONA_DATABASE_URL", bare_db}})
                .exit_code,
            0);
  auto bare_file = bare_source.path() / "bare.dump";
  ASSERT_EQ(testing::RunPersona({"backup", "-o", bare_file.string(), "--data-dir", bare_source.path().string()}, "",
                                {{"PERSONA_DATABASE_URL", bare_db}})
                .exit_code,
            0);
  ASSERT_TRUE(storage::ReadBackupInfo(bare_file).key_ids.empty());
  const auto second = machine.path() / "second";
  auto keyless = testing::RunPersona({"restore", bare_file.string(), "--data-dir", second.string()});
  EXPECT_EQ(keyless.exit_code, 0) << keyless.err;
  EXPECT_FALSE(std::filesystem::exists(second / "master.key"));
}

TEST_F(DataRights, RestoreRefusesWhatCannotWorkAndChangesNothing) {
  CreateUser("ana@example.com");
  Populate("ana@example.com", *Login("ana@example.com"));
  auto file = dir_.path() / "b.dump";
  ASSERT_EQ(testing::RunPersona({"backup", "-o", file.string(), "--data-dir", dir_.path().string()}, "",
                                {{"PERSONA_DATABASE_URL", conninfo_}})
                .exit_code,
            0);
  auto empty = testing::TestCluster::Get().CreateDatabase();
  auto restore = [&](const std::string& database, const std::filesystem::path& data_dir) {
    return testing::RunPersona({"restore", file.string(), "--data-dir", data_dir.string()}, "",
                               {{"PERSONA_DATABASE_URL", database}});
  };
  auto relations = [&] {
    pqxx::connection conn(empty);
    pqxx::nontransaction tx(conn);
    return tx
        .exec1(
            "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = 'public'")[0]
        .as<long long>();
  };
  auto meta_path = storage::BackupInfoPath(file);
  std::ifstream meta_in(meta_path);
  auto meta = nlohmann::json::parse(meta_in);
  auto write_meta = [&](const nlohmann::json& j) { std::ofstream(meta_path) << j.dump(); };

  // A non-empty database.
  auto into_full = restore(conninfo_, dir_.path());
  EXPECT_NE(into_full.exit_code, 0);
  EXPECT_THAT(into_full.err, ::testing::HasSubstr("not empty"));

  // A newer schema than this persona knows.
  auto newer = meta;
  newer["schema_version"] = storage::EmbeddedMigrations().back().version + 1;
  write_meta(newer);
  auto refused = restore(empty, dir_.path());
  EXPECT_NE(refused.exit_code, 0);
  EXPECT_THAT(refused.err, ::testing::HasSubstr("newer"));

  // A key the key file lacks.
  testing::TempDir other;
  write_meta(meta);
  auto no_key = restore(empty, other.path());
  EXPECT_NE(no_key.exit_code, 0);
  EXPECT_THAT(no_key.err, ::testing::HasSubstr(meta["key_ids"][0].get<std::string>()));

  // A dump that is not the one its metadata describes.
  auto damaged = meta;
  damaged["sha256"] = std::string(64, '0');
  write_meta(damaged);
  auto mismatch = restore(empty, dir_.path());
  EXPECT_NE(mismatch.exit_code, 0);
  EXPECT_THAT(mismatch.err, ::testing::HasSubstr("does not match"));

  // No metadata at all.
  std::filesystem::remove(meta_path);
  auto bare = restore(empty, dir_.path());
  EXPECT_NE(bare.exit_code, 0);
  EXPECT_THAT(bare.err, ::testing::HasSubstr("missing"));
  EXPECT_EQ(relations(), 0) << "every refusal left the empty database empty";

  write_meta(meta);
  ASSERT_EQ(restore(empty, dir_.path()).exit_code, 0);
  EXPECT_GT(relations(), 0);
}

}  // namespace
}  // namespace persona
