// Platform accounts: write-only encrypted credentials, reveal with the password again.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/api_fixture.h"

namespace persona {
namespace {

using boost::beast::http::verb;
using ::testing::HasSubstr;
using ::testing::Not;

class AccountApi : public testing::ApiFixture {
 protected:
  void SetUp() override {
    ApiFixture::SetUp();
    ana_ = CreateUser("ana@example.com");
    cookie_ = *Login("ana@example.com");
    persona_ = InsertPersona(ana_);
  }
  testing::HttpResult CreateAccount(const nlohmann::json& body, const std::string& persona = "") {
    return AsBrowser(verb::post, "/api/v1/personas/" + (persona.empty() ? persona_ : persona) + "/accounts", cookie_,
                     body.dump());
  }
  nlohmann::json Body(const std::string& username = "maria.ph") {
    return {{"platform_type", "instagram"},
            {"username", username},
            {"credentials", {{"password", "ig-Secret-9876"}, {"email", "maria@example.net"}}},
            {"auth_tokens", {{"access_token", "oauth-AAAA-BBBB"}}}};
  }
  std::string ana_, cookie_, persona_;
};

TEST_F(AccountApi, CredentialsAreWriteOnlyAndStoredEncrypted) {
  auto res = CreateAccount(Body());
  ASSERT_EQ(res.status, 201u) << res.body;
  auto account = res.Json();
  EXPECT_EQ(res.Header("Location"), "/api/v1/accounts/" + account["id"].get<std::string>());
  EXPECT_EQ(account["has_credentials"], true);
  EXPECT_EQ(account["has_auth_tokens"], true);
  EXPECT_EQ(account["persona_id"], persona_);
  EXPECT_EQ(account["daily_post_limit"], 10);
  EXPECT_FALSE(account.contains("credentials"));
  EXPECT_THAT(res.body, Not(HasSubstr("ig-Secret-9876")));
  auto get = AsBrowser(verb::get, "/api/v1/accounts/" + account["id"].get<std::string>(), cookie_);
  EXPECT_EQ(get.status, 200u);
  EXPECT_THAT(get.body, Not(HasSubstr("ig-Secret-9876")));
  EXPECT_EQ(
      Count("SELECT count(*) FROM platform_accounts WHERE credentials_encrypted LIKE '{\"algorithm\":\"AES-256-GCM\"%' "
            "AND auth_tokens_encrypted LIKE '%\"kid\"%' AND credentials_encrypted NOT LIKE '%ig-Secret%'"),
      1);
  EXPECT_EQ(
      Count(
          "SELECT count(*) FROM activity_logs WHERE activity_type = 'account_create' AND platform_type = 'instagram'"),
      1);
}

TEST_F(AccountApi, RevealNeedsThePasswordAgainAndIsASecurityEvent) {
  auto id = CreateAccount(Body()).Json()["id"].get<std::string>();
  auto wrong = AsBrowser(verb::post, "/api/v1/accounts/" + id + "/reveal", cookie_, R"({"password":"guess"})");
  EXPECT_EQ(wrong.status, 403u);
  EXPECT_EQ(wrong.Json()["code"], "reauth_failed");
  EXPECT_THAT(wrong.body, Not(HasSubstr("ig-Secret")));

  auto ok =
      AsBrowser(verb::post, "/api/v1/accounts/" + id + "/reveal", cookie_, R"({"password":"correct horse battery"})");
  ASSERT_EQ(ok.status, 200u) << ok.body;
  EXPECT_EQ(ok.Json()["credentials"]["password"], "ig-Secret-9876");
  EXPECT_EQ(ok.Json()["auth_tokens"]["access_token"], "oauth-AAAA-BBBB");
  EXPECT_EQ(
      Count("SELECT count(*) FROM security_events WHERE event_type = 'secret_revealed' AND platform_account_id = '" +
            id + "' AND source_ip = '127.0.0.1'"),
      1);
  EXPECT_EQ(Count("SELECT count(*) FROM security_events WHERE event_type = 'reauth_failure'"), 1);
}

TEST_F(AccountApi, AuthTokensSetToNullAreRemovedAndCredentialsCannotBe) {
  auto id = CreateAccount(Body()).Json()["id"].get<std::string>();
  auto cleared = AsBrowser(verb::patch, "/api/v1/accounts/" + id, cookie_, R"({"auth_tokens":null})");
  ASSERT_EQ(cleared.status, 200u) << cleared.body;
  EXPECT_EQ(cleared.Json()["has_auth_tokens"], false);
  EXPECT_EQ(cleared.Json()["has_credentials"], true);
  EXPECT_EQ(Count("SELECT count(*) FROM platform_accounts WHERE auth_tokens_encrypted IS NULL"), 1);
  auto revealed =
      AsBrowser(verb::post, "/api/v1/accounts/" + id + "/reveal", cookie_, R"({"password":"correct horse battery"})");
  ASSERT_EQ(revealed.status, 200u) << revealed.body;
  EXPECT_TRUE(revealed.Json()["auth_tokens"].is_null());
  EXPECT_EQ(revealed.Json()["credentials"]["password"], "ig-Secret-9876");

  // An account always keeps its login: credentials are replaced, never removed.
  auto refused = AsBrowser(verb::patch, "/api/v1/accounts/" + id, cookie_, R"({"credentials":null})");
  EXPECT_EQ(refused.status, 422u);
  EXPECT_EQ(refused.Json()["errors"][0]["field"], "credentials");
}

TEST_F(AccountApi, InvalidFieldsAreListed) {
  auto res =
      CreateAccount({{"platform_type", "myspace"}, {"username", ""}, {"credentials", "x"}, {"daily_post_limit", 0}});
  ASSERT_EQ(res.status, 422u) << res.body;
  std::set<std::string> fields;
  auto errors = res.Json()["errors"];
  for (const auto& e : errors) fields.insert(e["field"].get<std::string>());
  EXPECT_EQ(fields, (std::set<std::string>{"platform_type", "username", "daily_post_limit"}));
  EXPECT_EQ(CreateAccount({{"platform_type", "twitter"}, {"username", "a"}}).Json()["errors"][0]["field"],
            "credentials");
  EXPECT_EQ(CreateAccount({{"platform_type", "twitter"}, {"username", "a"}, {"credentials", 5}}).status, 422u);
  EXPECT_EQ(
      CreateAccount({{"platform_type", "twitter"}, {"username", "a"}, {"credentials", "x"}, {"daily_post_limit", "9"}})
          .status,
      422u);
  EXPECT_EQ(CreateAccount({{"platform_type", "twitter"},
                           {"username", "a"},
                           {"credentials", "x"},
                           {"daily_post_limit", 18446744073709551615ULL}})
                .status,
            422u);
  EXPECT_EQ(Count("SELECT count(*) FROM platform_accounts"), 0);
}

// PostgreSQL's jsonb cannot hold U+0000: such bodies must be a 422, never a 500.
TEST_F(AccountApi, NulCharactersInsideJsonAreRefusedNotA500) {
  auto body = Body();
  body["platform_settings"] = {{"note", std::string("a\0b", 3)}};
  auto res = CreateAccount(body);
  EXPECT_EQ(res.status, 422u) << res.body;
  EXPECT_EQ(res.Json()["errors"][0]["field"], "platform_settings");
  body = Body();
  body["posting_schedule"] = {{std::string("k\0", 2), 1}};
  EXPECT_EQ(CreateAccount(body).status, 422u);
  body = Body();
  body["credentials"] = {{"password", std::string("p\0w", 3)}};
  EXPECT_EQ(CreateAccount(body).status, 201u) << "credentials are stored encrypted as text, NUL and all";
  EXPECT_EQ(Count("SELECT count(*) FROM platform_accounts"), 1);
}

TEST_F(AccountApi, AUsernameIsUniquePerPlatformForTheUser) {
  ASSERT_EQ(CreateAccount(Body("maria.ph")).status, 201u);
  auto other_persona = InsertPersona(ana_, "Joy");
  auto dup = CreateAccount(Body("Maria.PH"), other_persona);
  EXPECT_EQ(dup.status, 409u);
  auto other_platform = Body("maria.ph");
  other_platform["platform_type"] = "tiktok";
  EXPECT_EQ(CreateAccount(other_platform).status, 201u);
  // Another user may use the same name.
  auto ben = CreateUser("ben@example.com");
  auto ben_cookie = *Login("ben@example.com");
  auto ben_persona = InsertPersona(ben);
  EXPECT_EQ(AsBrowser(verb::post, "/api/v1/personas/" + ben_persona + "/accounts", ben_cookie, Body("maria.ph").dump())
                .status,
            201u);
}

TEST_F(AccountApi, AnotherUsersPersonaAndAccountsAre404) {
  auto id = CreateAccount(Body()).Json()["id"].get<std::string>();
  CreateUser("ben@example.com");
  auto ben = *Login("ben@example.com");
  EXPECT_EQ(AsBrowser(verb::post, "/api/v1/personas/" + persona_ + "/accounts", ben, Body("x").dump()).status, 404u);
  EXPECT_EQ(AsBrowser(verb::get, "/api/v1/accounts/" + id, ben).status, 404u);
  EXPECT_EQ(AsBrowser(verb::post, "/api/v1/accounts/" + id + "/reveal", ben, R"({"password":"correct horse battery"})")
                .status,
            404u);
  EXPECT_EQ(AsBrowser(verb::get, "/api/v1/accounts/not-a-uuid", cookie_).status, 404u);
  EXPECT_EQ(AsBrowser(verb::post, "/api/v1/personas/not-a-uuid/accounts", cookie_, Body("y").dump()).status, 404u);
}

TEST_F(AccountApi, ListPatchAndDelete) {
  auto first = CreateAccount(Body("one")).Json()["id"].get<std::string>();
  clock_.Advance(std::chrono::seconds(1));
  auto second = CreateAccount(Body("two")).Json()["id"].get<std::string>();
  auto list = AsBrowser(verb::get, "/api/v1/personas/" + persona_ + "/accounts?limit=1", cookie_);
  ASSERT_EQ(list.status, 200u) << list.body;
  EXPECT_EQ(list.Json()["items"][0]["id"], second);
  auto next = AsBrowser(verb::get,
                        "/api/v1/personas/" + persona_ +
                            "/accounts?limit=1&cursor=" + list.Json()["next_cursor"].get<std::string>(),
                        cookie_)
                  .Json();
  EXPECT_EQ(next["items"][0]["id"], first);
  EXPECT_TRUE(next["next_cursor"].is_null());

  auto patched = AsBrowser(verb::patch, "/api/v1/accounts/" + first, cookie_,
                           nlohmann::json{{"daily_post_limit", 3},
                                          {"cooldown_until", "2026-12-01T08:00:00+08:00"},
                                          {"account_status", "verified"},
                                          {"credentials", {{"password", "rotated-Secret-1"}}},
                                          {"bio", nullptr}}
                               .dump());
  ASSERT_EQ(patched.status, 200u) << patched.body;
  EXPECT_EQ(patched.Json()["daily_post_limit"], 3);
  EXPECT_EQ(patched.Json()["cooldown_until"], "2026-12-01T00:00:00Z");
  EXPECT_EQ(patched.Json()["account_status"], "verified");
  EXPECT_THAT(patched.body, Not(HasSubstr("rotated-Secret")));
  auto revealed = AsBrowser(verb::post, "/api/v1/accounts/" + first + "/reveal", cookie_,
                            R"({"password":"correct horse battery"})");
  EXPECT_EQ(revealed.Json()["credentials"]["password"], "rotated-Secret-1");
  EXPECT_EQ(revealed.Json()["auth_tokens"]["access_token"], "oauth-AAAA-BBBB");  // untouched

  auto bad = AsBrowser(verb::patch, "/api/v1/accounts/" + first, cookie_,
                       R"({"daily_post_limit":0,"cooldown_until":"2026-02-30T00:00:00Z","platform_type":"tiktok",
                           "account_status":"gone","username":"two"})");
  ASSERT_EQ(bad.status, 422u);
  EXPECT_EQ(ErrorFields(bad),
            (std::set<std::string>{"daily_post_limit", "cooldown_until", "platform_type", "account_status"}));
  auto taken = AsBrowser(verb::patch, "/api/v1/accounts/" + first, cookie_, R"({"username":"TWO"})");
  EXPECT_EQ(taken.status, 409u);

  CreateUser("ben@example.com");
  auto ben = *Login("ben@example.com");
  EXPECT_EQ(AsBrowser(verb::get, "/api/v1/personas/" + persona_ + "/accounts", ben).status, 404u);
  EXPECT_EQ(AsBrowser(verb::patch, "/api/v1/accounts/" + first, ben, R"({"bio":"x"})").status, 404u);
  EXPECT_EQ(AsBrowser(verb::delete_, "/api/v1/accounts/" + first, ben).status, 404u);

  EXPECT_EQ(AsBrowser(verb::delete_, "/api/v1/accounts/" + first, cookie_).status, 204u);
  EXPECT_EQ(AsBrowser(verb::get, "/api/v1/accounts/" + first, cookie_).status, 404u);
  EXPECT_EQ(Count("SELECT count(*) FROM activity_logs WHERE activity_type IN ('account_update', 'account_delete') "
                  "AND persona_id = '" +
                  persona_ + "' AND platform_type = 'instagram'"),
            2);
}

}  // namespace
}  // namespace persona
