// GET /me tells the UI that the first admin still has its generated password, until the
// password is changed through the API or `persona user passwd`.
#include <gtest/gtest.h>

#include "support/api_fixture.h"

namespace persona {
namespace {

using boost::beast::http::verb;

class PasswordChangeRequired : public testing::ApiFixture {
 protected:
  nlohmann::json Me(const std::string& cookie) {
    auto res = Call(verb::get, "/api/v1/me", "", {{"Cookie", cookie}});
    EXPECT_EQ(res.status, 200u) << res.body;
    return res.Json();
  }
};

TEST_F(PasswordChangeRequired, AnOrdinaryUserIsNotAsked) {
  CreateUser("ana@example.com");
  auto cookie = Login("ana@example.com");
  ASSERT_TRUE(cookie);
  EXPECT_EQ(Me(*cookie)["password_change_required"], false);
}

TEST_F(PasswordChangeRequired, AGeneratedPasswordIsFlaggedUntilChangedThroughTheApi) {
  services_->users.Add("admin@persona.local", "generated password 1", "basic", true);
  auto login =
      Call(verb::post, "/api/v1/auth/login", R"({"email":"admin@persona.local","password":"generated password 1"})");
  ASSERT_EQ(login.status, 200u) << login.body;
  EXPECT_EQ(login.Json()["password_change_required"], true);
  auto cookie = Login("admin@persona.local", "generated password 1");
  ASSERT_TRUE(cookie);
  EXPECT_EQ(Me(*cookie)["password_change_required"], true);

  auto changed = AsBrowser(verb::patch, "/api/v1/me", *cookie,
                           R"({"current_password":"generated password 1","new_password":"my own password"})");
  ASSERT_EQ(changed.status, 200u) << changed.body;
  EXPECT_EQ(changed.Json()["password_change_required"], false);
  EXPECT_EQ(Me(*cookie)["password_change_required"], false);
}

TEST_F(PasswordChangeRequired, UserPasswdClearsTheFlag) {
  services_->users.Add("admin@persona.local", "generated password 1", "basic", true);
  services_->users.ChangePassword("admin@persona.local", "my own password");
  auto cookie = Login("admin@persona.local", "my own password");
  ASSERT_TRUE(cookie);
  EXPECT_EQ(Me(*cookie)["password_change_required"], false);
}

TEST_F(PasswordChangeRequired, ALoginThatRehashesThePasswordKeepsTheFlag) {
  auto id = services_->users.Add("admin@persona.local", "generated password 1", "basic", true);
  crypto::PasswordHasher old_params(crypto::Argon2Params{512, 1, 1});
  Execute("UPDATE users SET password_hash = '" + old_params.Hash("generated password 1") + "' WHERE id = '" + id + "'");
  auto cookie = Login("admin@persona.local", "generated password 1");
  ASSERT_TRUE(cookie);
  EXPECT_EQ(Count("SELECT count(*) FROM users WHERE password_hash LIKE '$argon2id$v=19$m=1024,t=1,p=1$%'"), 1)
      << "rehashed";
  EXPECT_EQ(Me(*cookie)["password_change_required"], true);
}

}  // namespace
}  // namespace persona
