// Login, sessions, 2FA, API tokens and the authentication rules of API.md, over real
// HTTP against a real PostgreSQL, with an injected clock.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <future>
#include <regex>

#include <pqxx/pqxx>

#include "core/time_format.h"
#include "crypto/encoding.h"
#include "crypto/totp.h"
#include "support/api_fixture.h"

namespace persona {
namespace {

using boost::beast::http::verb;
using ::testing::HasSubstr;
using ::testing::Not;

class AuthApi : public testing::ApiFixture {
 protected:
  std::string Code(const std::string& base32_secret, int step_offset = 0) {
    auto secret = crypto::Base32Decode(base32_secret);
    EXPECT_TRUE(secret);
    return crypto::TotpAt(*secret, UnixSeconds(clock_.Now()) + 30 * step_offset);
  }
  // Enables 2FA for the logged-in `cookie`; returns the base32 secret and the recovery codes.
  std::pair<std::string, std::vector<std::string>> EnableTotp(const std::string& cookie) {
    auto setup = AsBrowser(verb::post, "/api/v1/me/2fa/setup", cookie);
    EXPECT_EQ(setup.status, 200u) << setup.body;
    auto secret = setup.Json()["secret"].get<std::string>();
    auto enable = AsBrowser(verb::post, "/api/v1/me/2fa/enable", cookie, nlohmann::json{{"code", Code(secret)}}.dump());
    EXPECT_EQ(enable.status, 200u) << enable.body;
    return {secret, enable.Json()["recovery_codes"].get<std::vector<std::string>>()};
  }
};

TEST_F(AuthApi, LoginSetsAStrictHttpOnlySessionCookieAndMeAnswers) {
  auto id = CreateUser("ana@example.com");
  auto res =
      Call(verb::post, "/api/v1/auth/login", R"({"email":"Ana@Example.com","password":"correct horse battery"})");
  ASSERT_EQ(res.status, 200u) << res.body;
  auto cookie = res.Header("Set-Cookie");
  EXPECT_THAT(cookie, ::testing::MatchesRegex("persona_session=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; "
                                              "SameSite=Strict; Max-Age=[0-9]+"));
  EXPECT_EQ(res.Json()["id"], id);
  auto me = Call(verb::get, "/api/v1/me", "", {{"Cookie", cookie.substr(0, cookie.find(';'))}});
  ASSERT_EQ(me.status, 200u);
  EXPECT_EQ(me.Json()["email"], "ana@example.com");
  EXPECT_FALSE(me.Json()["last_login"].is_null());
  for (const char* secret_field : {"password_hash", "two_factor_secret", "totp_pending_secret", "totp_last_step"}) {
    EXPECT_FALSE(me.Json().contains(secret_field)) << secret_field;
  }
  // The token is stored only as a hash.
  auto token = cookie.substr(std::string("persona_session=").size(), 43);
  EXPECT_EQ(Count("SELECT count(*) FROM auth_sessions WHERE token_hash LIKE '%" + token + "%'"), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM auth_sessions"), 1);
  EXPECT_EQ(Count("SELECT count(*) FROM activity_logs WHERE activity_type = 'login'"), 1);
}

TEST_F(AuthApi, UnknownEmailAndWrongPasswordAnswerAlike) {
  CreateUser("ana@example.com");
  auto wrong = Call(verb::post, "/api/v1/auth/login", R"({"email":"ana@example.com","password":"nope"})");
  auto unknown = Call(verb::post, "/api/v1/auth/login", R"({"email":"who@example.com","password":"nope"})");
  auto invalid = Call(verb::post, "/api/v1/auth/login", R"({"email":"not an email","password":"nope"})");
  for (const auto* r : {&wrong, &unknown, &invalid}) {
    EXPECT_EQ(r->status, 401u);
    EXPECT_EQ(r->body, wrong.body);
    EXPECT_EQ(r->Header("Set-Cookie"), "");
  }
  EXPECT_EQ(Count("SELECT count(*) FROM security_events WHERE event_type = 'login_failure' "
                  "AND source_ip = '127.0.0.1' AND severity = 'warning'"),
            3);
}

TEST_F(AuthApi, LoginRehashesAPasswordMadeWithOtherParameters) {
  auto id = CreateUser("ana@example.com");
  crypto::PasswordHasher old_params(crypto::Argon2Params{512, 1, 1});
  {
    pqxx::connection conn(conninfo_);
    pqxx::work tx(conn);
    tx.exec_params("UPDATE users SET password_hash = $1 WHERE id = $2::uuid", old_params.Hash("correct horse battery"),
                   id);
    tx.commit();
  }
  ASSERT_TRUE(Login("ana@example.com"));
  EXPECT_EQ(Count("SELECT count(*) FROM users WHERE password_hash LIKE '$argon2id$v=19$m=1024,t=1,p=1$%'"), 1);
  EXPECT_TRUE(Login("ana@example.com")) << "the new hash verifies the same password";
}

TEST_F(AuthApi, LoginValidatesItsBody) {
  EXPECT_EQ(Call(verb::post, "/api/v1/auth/login", R"({"email":1,"password":"x"})").status, 422u);
  auto missing = Call(verb::post, "/api/v1/auth/login", R"({"email":"a@example.com"})");
  EXPECT_EQ(missing.status, 422u);
  EXPECT_EQ(missing.Json()["errors"][0]["field"], "password");
  EXPECT_EQ(Call(verb::post, "/api/v1/auth/login", "[]").status, 422u);
  EXPECT_EQ(Call(verb::post, "/api/v1/auth/login", "{").status, 400u);
  EXPECT_EQ(Call(verb::post, "/api/v1/auth/login", "x", {{"Content-Type", "text/plain"}}).status, 415u);
}

// Every route not named public by API.md answers 401 without valid credentials.
TEST_F(AuthApi, EveryProtectedRouteAnswers401WithoutAuth) {
  const std::set<std::string> kPublic = {"/api/v1/auth/login", "/healthz", "/readyz", "/api/v1/openapi.json"};
  int checked = 0;
  for (const auto& route : router_.Routes()) {
    EXPECT_EQ(route.public_route, kPublic.count(route.pattern) == 1) << route.pattern;
    // /metrics answers loopback clients without credentials (tests/http/metrics_test.cpp).
    EXPECT_EQ(route.loopback_or_token, route.pattern == "/metrics") << route.pattern;
    if (route.public_route || route.loopback_or_token) continue;
    auto target =
        std::regex_replace(route.pattern, std::regex(R"(\{[a-z_]+\})"), "00000000-0000-0000-0000-000000000000");
    for (const testing::Headers& headers : {testing::Headers{}, testing::Headers{{"Cookie", "persona_session=forged"}},
                                            testing::Headers{{"Authorization", "Bearer pst_forged"}},
                                            testing::Headers{{"Authorization", "Basic eDp5"}}}) {
      auto res = Call(route.method, target, "{}", headers);
      EXPECT_EQ(res.status, 401u) << route.pattern;
      EXPECT_EQ(res.Header("Content-Type"), "application/problem+json");
    }
    ++checked;
  }
  EXPECT_GE(checked, 9);
}

TEST_F(AuthApi, CrossOriginCookieWritesAnswer403AndChangeNothing) {
  CreateUser("ana@example.com");
  auto cookie = *Login("ana@example.com");
  int checked = 0;
  for (const auto& route : router_.Routes()) {
    if (route.public_route || route.method == verb::get) continue;
    auto target =
        std::regex_replace(route.pattern, std::regex(R"(\{[a-z_]+\})"), "00000000-0000-0000-0000-000000000000");
    auto foreign =
        Call(route.method, target, R"({"name":"x"})", {{"Cookie", cookie}, {"Origin", "http://evil.example"}});
    EXPECT_EQ(foreign.status, 403u) << route.pattern;
    auto none = Call(route.method, target, R"({"name":"x"})", {{"Cookie", cookie}});
    EXPECT_EQ(none.status, 403u) << route.pattern;
    ++checked;
  }
  EXPECT_GE(checked, 6);
  EXPECT_EQ(Count("SELECT count(*) FROM api_tokens"), 0);
  EXPECT_EQ(Call(verb::get, "/api/v1/me", "", {{"Cookie", cookie}}).status, 200u) << "the session survived";
  // A login posted by another site's page is refused too.
  EXPECT_EQ(Call(verb::post, "/api/v1/auth/login", R"({"email":"ana@example.com","password":"correct horse battery"})",
                 {{"Origin", "http://evil.example"}})
                .status,
            403u);
}

TEST_F(AuthApi, TheAccountThrottleEngagesAfterFiveFailuresAndReleasesAfterItsWindow) {
  CreateUser("ana@example.com");
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(Call(verb::post, "/api/v1/auth/login", R"({"email":"ana@example.com","password":"wrong"})").status, 401u);
    clock_.Advance(std::chrono::seconds(10));
  }
  auto throttled =
      Call(verb::post, "/api/v1/auth/login", R"({"email":"ana@example.com","password":"correct horse battery"})");
  EXPECT_EQ(throttled.status, 429u) << "even the right password waits";
  int retry_after = std::stoi(throttled.Header("Retry-After"));
  EXPECT_GT(retry_after, 14 * 60);
  EXPECT_LE(retry_after, 15 * 60);
  EXPECT_EQ(Count("SELECT count(*) FROM security_events WHERE event_type = 'account_lockout' AND severity = 'error'"),
            1);
  EXPECT_EQ(Count("SELECT count(*) FROM security_events WHERE event_type = 'rate_limit_hit' "
                  "AND source_ip = '127.0.0.1'"),
            1);

  clock_.Advance(std::chrono::seconds(retry_after));
  EXPECT_TRUE(Login("ana@example.com")) << "released after the window";
}

TEST_F(AuthApi, TheAddressThrottleEngagesAfterTwentyFailures) {
  for (int i = 0; i < 20; ++i) {
    auto body = nlohmann::json{{"email", "user" + std::to_string(i) + "@example.com"}, {"password", "x"}};
    EXPECT_EQ(Call(verb::post, "/api/v1/auth/login", body.dump()).status, 401u);
  }
  CreateUser("ana@example.com");
  auto res =
      Call(verb::post, "/api/v1/auth/login", R"({"email":"ana@example.com","password":"correct horse battery"})");
  EXPECT_EQ(res.status, 429u);
  EXPECT_FALSE(res.Header("Retry-After").empty());
}

TEST_F(AuthApi, ConcurrentFailuresAreCountedExactly) {
  CreateUser("ana@example.com");
  std::vector<std::future<unsigned>> attempts;
  for (int i = 0; i < 20; ++i) {
    attempts.push_back(std::async(std::launch::async, [this] {
      return Call(verb::post, "/api/v1/auth/login", R"({"email":"ana@example.com","password":"wrong"})").status;
    }));
  }
  int unauthorized = 0, throttled = 0;
  for (auto& f : attempts) {
    auto status = f.get();
    unauthorized += status == 401u;
    throttled += status == 429u;
  }
  EXPECT_EQ(unauthorized, 5);
  EXPECT_EQ(throttled, 15);
  EXPECT_EQ(Count("SELECT count(*) FROM login_attempts WHERE NOT succeeded"), 5);
}

TEST_F(AuthApi, APasswordChangeEndsEveryOtherSession) {
  CreateUser("ana@example.com");
  auto a = *Login("ana@example.com");
  auto b = *Login("ana@example.com");
  auto wrong =
      AsBrowser(verb::patch, "/api/v1/me", a, R"({"current_password":"nope","new_password":"new password 1"})");
  EXPECT_EQ(wrong.status, 403u);
  EXPECT_EQ(wrong.Json()["code"], "reauth_failed");
  auto weak =
      AsBrowser(verb::patch, "/api/v1/me", a, R"({"current_password":"correct horse battery","new_password":"short"})");
  EXPECT_EQ(weak.status, 422u);
  EXPECT_EQ(weak.Json()["errors"][0]["field"], "new_password");
  EXPECT_EQ(Call(verb::get, "/api/v1/me", "", {{"Cookie", b}}).status, 200u) << "nothing changed yet";

  auto ok = AsBrowser(verb::patch, "/api/v1/me", a,
                      R"({"current_password":"correct horse battery","new_password":"new password 1"})");
  ASSERT_EQ(ok.status, 200u) << ok.body;
  EXPECT_EQ(Call(verb::get, "/api/v1/me", "", {{"Cookie", a}}).status, 200u);
  EXPECT_EQ(Call(verb::get, "/api/v1/me", "", {{"Cookie", b}}).status, 401u);
  EXPECT_FALSE(Login("ana@example.com"));
  EXPECT_TRUE(Login("ana@example.com", "new password 1"));
}

TEST_F(AuthApi, SessionsExpireWhenIdleAndAtTheirAbsoluteLifetime) {
  CreateUser("ana@example.com");
  auto idle = *Login("ana@example.com");
  clock_.Advance(services_->auth.policy().session_idle - std::chrono::seconds(1));
  EXPECT_EQ(Call(verb::get, "/api/v1/me", "", {{"Cookie", idle}}).status, 200u);
  clock_.Advance(services_->auth.policy().session_idle + std::chrono::seconds(1));
  EXPECT_EQ(Call(verb::get, "/api/v1/me", "", {{"Cookie", idle}}).status, 401u) << "idle too long";

  auto busy = *Login("ana@example.com");
  auto lifetime = services_->auth.policy().session_lifetime;
  for (auto elapsed = std::chrono::seconds(0); elapsed + std::chrono::hours(1) < lifetime;
       elapsed += std::chrono::hours(1)) {
    clock_.Advance(std::chrono::hours(1));
    ASSERT_EQ(Call(verb::get, "/api/v1/me", "", {{"Cookie", busy}}).status, 200u);
  }
  clock_.Advance(std::chrono::hours(1));
  EXPECT_EQ(Call(verb::get, "/api/v1/me", "", {{"Cookie", busy}}).status, 401u) << "past the absolute lifetime";
}

TEST_F(AuthApi, LogoutEndsTheSession) {
  CreateUser("ana@example.com");
  auto cookie = *Login("ana@example.com");
  auto res = AsBrowser(verb::post, "/api/v1/auth/logout", cookie);
  EXPECT_EQ(res.status, 204u);
  EXPECT_THAT(res.Header("Set-Cookie"), HasSubstr("Max-Age=0"));
  EXPECT_EQ(Call(verb::get, "/api/v1/me", "", {{"Cookie", cookie}}).status, 401u);
  EXPECT_EQ(Count("SELECT count(*) FROM auth_sessions"), 0);
}

TEST_F(AuthApi, ApiTokensAreShownOnceWorkAsBearerAndCanBeRevoked) {
  CreateUser("ana@example.com");
  auto cookie = *Login("ana@example.com");
  auto created = AsBrowser(verb::post, "/api/v1/me/tokens", cookie, R"({"name":"backup script"})");
  ASSERT_EQ(created.status, 201u) << created.body;
  auto token = created.Json()["token"].get<std::string>();
  auto id = created.Json()["id"].get<std::string>();
  EXPECT_EQ(created.Header("Location"), "/api/v1/me/tokens/" + id);
  EXPECT_THAT(token, ::testing::StartsWith("pst_"));

  auto list = Call(verb::get, "/api/v1/me/tokens", "", {{"Authorization", "Bearer " + token}});
  ASSERT_EQ(list.status, 200u);
  EXPECT_EQ(list.Json()["items"].size(), 1u);
  EXPECT_EQ(list.Json()["items"][0]["name"], "backup script");
  EXPECT_THAT(list.body, Not(HasSubstr(token.substr(4))));
  EXPECT_EQ(Count("SELECT count(*) FROM api_tokens WHERE token_hash LIKE '%" + token.substr(4, 20) + "%'"), 0);

  // Scripts need no Origin: Bearer tokens are not sent by browsers on their own.
  auto by_token = Call(verb::post, "/api/v1/me/tokens", R"({"name":"second"})", {{"Authorization", "Bearer " + token}});
  EXPECT_EQ(by_token.status, 201u);

  EXPECT_EQ(AsBrowser(verb::post, "/api/v1/me/tokens", cookie, R"({"name":""})").status, 422u);
  EXPECT_EQ(AsBrowser(verb::delete_, "/api/v1/me/tokens/" + id, cookie).status, 204u);
  EXPECT_EQ(Call(verb::get, "/api/v1/me", "", {{"Authorization", "Bearer " + token}}).status, 401u);
  EXPECT_EQ(AsBrowser(verb::delete_, "/api/v1/me/tokens/" + id, cookie).status, 404u);
  EXPECT_EQ(AsBrowser(verb::delete_, "/api/v1/me/tokens/not-a-uuid", cookie).status, 404u);
}

TEST_F(AuthApi, AnotherUsersTokensAreInvisibleAndUntouchable) {
  CreateUser("ana@example.com");
  CreateUser("ben@example.com");
  auto ana = *Login("ana@example.com");
  auto ben = *Login("ben@example.com");
  auto created = AsBrowser(verb::post, "/api/v1/me/tokens", ana, R"({"name":"ana's"})");
  auto id = created.Json()["id"].get<std::string>();
  EXPECT_EQ(AsBrowser(verb::get, "/api/v1/me/tokens", ben).Json()["items"].size(), 0u);
  EXPECT_EQ(AsBrowser(verb::delete_, "/api/v1/me/tokens/" + id, ben).status, 404u);
  EXPECT_EQ(AsBrowser(verb::get, "/api/v1/me/tokens", ana).Json()["items"].size(), 1u);
}

TEST_F(AuthApi, TotpEnrolmentLoginReplayAndRecoveryCodes) {
  CreateUser("ana@example.com");
  auto cookie = *Login("ana@example.com");
  auto setup = AsBrowser(verb::post, "/api/v1/me/2fa/setup", cookie);
  ASSERT_EQ(setup.status, 200u);
  EXPECT_THAT(setup.Json()["otpauth_uri"].get<std::string>(), ::testing::StartsWith("otpauth://totp/Persona:"));
  EXPECT_THAT(setup.Json()["qr_svg"].get<std::string>(), ::testing::StartsWith("<svg"));
  auto secret = setup.Json()["secret"].get<std::string>();
  EXPECT_EQ(AsBrowser(verb::post, "/api/v1/me/2fa/enable", cookie, R"({"code":"000000"})").status, 422u);
  auto enable = AsBrowser(verb::post, "/api/v1/me/2fa/enable", cookie, nlohmann::json{{"code", Code(secret)}}.dump());
  ASSERT_EQ(enable.status, 200u) << enable.body;
  auto codes = enable.Json()["recovery_codes"].get<std::vector<std::string>>();
  EXPECT_EQ(codes.size(), 10u);
  EXPECT_EQ(std::set<std::string>(codes.begin(), codes.end()).size(), 10u);
  // Stored encrypted, never in clear.
  EXPECT_EQ(Count("SELECT count(*) FROM users WHERE two_factor_secret LIKE '%AES-256-GCM%'"), 1);

  auto needs_code =
      Call(verb::post, "/api/v1/auth/login", R"({"email":"ana@example.com","password":"correct horse battery"})");
  EXPECT_EQ(needs_code.status, 401u);
  EXPECT_EQ(needs_code.Json()["code"], "totp_required");
  EXPECT_EQ(needs_code.Header("Set-Cookie"), "");

  // The code used at enable time is spent; the next step's works once.
  clock_.Advance(std::chrono::seconds(30));
  auto code = Code(secret);
  EXPECT_TRUE(Login("ana@example.com", "correct horse battery", {{"totp_code", code}}));
  EXPECT_FALSE(Login("ana@example.com", "correct horse battery", {{"totp_code", code}})) << "replayed";
  EXPECT_FALSE(Login("ana@example.com", "correct horse battery", {{"totp_code", Code(secret, -1)}})) << "older step";
  EXPECT_TRUE(Login("ana@example.com", "correct horse battery", {{"totp_code", Code(secret, 1)}})) << "+1 step";
  EXPECT_FALSE(Login("ana@example.com", "correct horse battery", {{"totp_code", Code(secret, 3)}})) << "+3 steps";

  // Each recovery code works once, however it is typed.
  std::string loose = codes[0];
  std::transform(loose.begin(), loose.end(), loose.begin(), ::toupper);
  EXPECT_TRUE(Login("ana@example.com", "correct horse battery", {{"recovery_code", " " + loose + " "}}));
  EXPECT_FALSE(Login("ana@example.com", "correct horse battery", {{"recovery_code", codes[0]}}));
  EXPECT_EQ(Count("SELECT count(*) FROM recovery_codes WHERE used_at IS NOT NULL"), 1);

  // Disabling asks for the password and a fresh code.
  clock_.Advance(std::chrono::seconds(90));
  auto bad = AsBrowser(verb::post, "/api/v1/me/2fa/disable", cookie,
                       nlohmann::json{{"password", "wrong"}, {"code", Code(secret)}}.dump());
  EXPECT_EQ(bad.status, 403u);
  EXPECT_EQ(bad.Json()["code"], "reauth_failed");
  auto off = AsBrowser(verb::post, "/api/v1/me/2fa/disable", cookie,
                       nlohmann::json{{"password", "correct horse battery"}, {"code", Code(secret)}}.dump());
  ASSERT_EQ(off.status, 200u) << off.body;
  EXPECT_EQ(off.Json()["two_factor_enabled"], false);
  EXPECT_TRUE(Login("ana@example.com"));
  EXPECT_EQ(Count("SELECT count(*) FROM recovery_codes"), 0);
}

// Whoever lost the phone logs in with a recovery code; one turns 2FA off as well.
TEST_F(AuthApi, TwoFactorIsTurnedOffWithARecoveryCodeInPlaceOfTheAppsCode) {
  CreateUser("ana@example.com");
  auto cookie = *Login("ana@example.com");
  auto secret = AsBrowser(verb::post, "/api/v1/me/2fa/setup", cookie).Json()["secret"].get<std::string>();
  auto codes = AsBrowser(verb::post, "/api/v1/me/2fa/enable", cookie, nlohmann::json{{"code", Code(secret)}}.dump())
                   .Json()["recovery_codes"];
  ASSERT_EQ(codes.size(), 10u);
  auto disable = [&](const std::string& password, const std::string& code) {
    return AsBrowser(verb::post, "/api/v1/me/2fa/disable", cookie,
                     nlohmann::json{{"password", password}, {"code", code}}.dump());
  };
  EXPECT_EQ(disable("wrong", codes[0]).status, 403u) << "the password first, whatever the code";
  EXPECT_EQ(Count("SELECT count(*) FROM recovery_codes WHERE used_at IS NOT NULL"), 0) << "and no code spent";
  EXPECT_EQ(disable("correct horse battery", "not-a-code").status, 403u);
  auto off = disable("correct horse battery", codes[1]);
  ASSERT_EQ(off.status, 200u) << off.body;
  EXPECT_EQ(off.Json()["two_factor_enabled"], false);
  EXPECT_TRUE(Login("ana@example.com"));
}

// Argon2id with the production parameters, so the comparison is about real work.
class AuthTiming : public testing::ApiFixture {
 protected:
  AuthTiming() : ApiFixture(crypto::Argon2Params{}) {}
};

TEST_F(AuthTiming, UnknownEmailsCostAsMuchAsWrongPasswords) {
  CreateUser("ana@example.com");
  auto median_ms = [&](const std::string& body) {
    std::vector<double> ms;
    for (int i = 0; i < 4; ++i) {
      auto start = std::chrono::steady_clock::now();
      EXPECT_EQ(Call(verb::post, "/api/v1/auth/login", body).status, 401u);
      ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    }
    std::sort(ms.begin(), ms.end());
    return (ms[1] + ms[2]) / 2;
  };
  double wrong = median_ms(R"({"email":"ana@example.com","password":"wrong"})");
  double unknown = median_ms(R"({"email":"nobody@example.com","password":"wrong"})");
  // Both run one Argon2id verification (≈ 20 ms); without the dummy hash the unknown
  // email would answer in about a millisecond. Wide bounds: the suite runs two tests
  // at a time on two cores, so single requests can be slowed by a neighbour.
  EXPECT_GT(unknown, wrong / 3) << "wrong " << wrong << " ms, unknown " << unknown << " ms";
  EXPECT_LT(unknown, wrong * 3) << "wrong " << wrong << " ms, unknown " << unknown << " ms";
}

}  // namespace
}  // namespace persona
