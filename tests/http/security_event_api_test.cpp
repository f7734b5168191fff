// Security events: raised by the rules (failed logins, reveals, limit hits, failing
// proxies), listed with filters and resolved by their owner only.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/asio.hpp>

#include "support/api_fixture.h"

namespace persona {
namespace {

using boost::beast::http::verb;
using ::testing::HasSubstr;

class SecurityEventApi : public testing::ApiFixture {
 protected:
  void SetUp() override {
    ApiFixture::SetUp();
    ana_ = CreateUser("ana@example.com");
    cookie_ = *Login("ana@example.com");
    CreateUser("ben@example.com");
    ben_cookie_ = *Login("ben@example.com");
  }
  testing::HttpResult Send(verb method, const std::string& target, const nlohmann::json& body = nullptr,
                           const std::string& cookie = "") {
    return AsBrowser(method, target, cookie.empty() ? cookie_ : cookie, body.is_null() ? "" : body.dump());
  }
  nlohmann::json Events(const std::string& query = "") {
    auto res = Send(verb::get, "/api/v1/security-events" + query);
    EXPECT_EQ(res.status, 200u) << res.body;
    return res.Json()["items"];
  }
  std::string ana_, cookie_, ben_cookie_;
};

TEST_F(SecurityEventApi, ListFilterAndResolve) {
  EXPECT_FALSE(Login("ana@example.com", "wrong password"));  // login_failure, warning
  auto persona = Send(verb::post, "/api/v1/personas", PersonaBody()).Json()["id"].get<std::string>();
  auto account = Send(verb::post, "/api/v1/personas/" + persona + "/accounts",
                      {{"platform_type", "twitter"}, {"username", "m"}, {"credentials", "pw"}})
                     .Json()["id"]
                     .get<std::string>();
  ASSERT_EQ(Send(verb::post, "/api/v1/accounts/" + account + "/reveal", {{"password", "correct horse battery"}}).status,
            200u);

  auto all = Events();
  ASSERT_GE(all.size(), 2u);
  auto revealed = Events("?event_type=secret_revealed");
  ASSERT_EQ(revealed.size(), 1u);
  EXPECT_EQ(revealed[0]["persona_id"], persona);
  EXPECT_EQ(revealed[0]["resolved"], false);
  EXPECT_EQ(Events("?persona_id=" + persona).size(), 1u);
  EXPECT_EQ(Events("?resolved=true").size(), 0u);
  for (const char* bad : {"?severity=loud", "?resolved=maybe", "?persona_id=x", "?from=yesterday", "?limit=0"}) {
    EXPECT_EQ(Send(verb::get, std::string("/api/v1/security-events") + bad).status, 422u) << bad;
  }
  // Ben sees none of Ana's and cannot resolve them.
  EXPECT_TRUE(Send(verb::get, "/api/v1/security-events", nullptr, ben_cookie_).Json()["items"].empty());
  auto id = revealed[0]["id"].get<std::string>();
  EXPECT_EQ(
      Send(verb::post, "/api/v1/security-events/" + id + "/resolve", nlohmann::json::object(), ben_cookie_).status,
      404u);

  auto resolved = Send(verb::post, "/api/v1/security-events/" + id + "/resolve",
                       {{"actions_taken", {"credentials_rotated", "reviewed"}}});
  ASSERT_EQ(resolved.status, 200u) << resolved.body;
  EXPECT_EQ(resolved.Json()["resolved"], true);
  EXPECT_EQ(resolved.Json()["resolved_by"], ana_);
  EXPECT_FALSE(resolved.Json()["resolved_at"].is_null());
  EXPECT_EQ(resolved.Json()["actions_taken"], nlohmann::json({"credentials_rotated", "reviewed"}));
  auto again = Send(verb::post, "/api/v1/security-events/" + id + "/resolve", nlohmann::json::object());
  EXPECT_EQ(again.status, 409u);
  EXPECT_EQ(again.Json()["code"], "already_resolved");
  EXPECT_EQ(Events("?resolved=true").size(), 1u);
  EXPECT_EQ(Send(verb::post, "/api/v1/security-events/" + id + "/resolve", {{"actions_taken", "all"}}).status, 422u);
}

TEST_F(SecurityEventApi, AProxyThatStartsFailingRaisesOneEvent) {
  int closed_port = 0;
  {
    boost::asio::io_context io;
    boost::asio::ip::tcp::acceptor a(io, {boost::asio::ip::make_address("127.0.0.1"), 0});
    closed_port = a.local_endpoint().port();
  }
  auto proxy = Send(verb::post, "/api/v1/proxies",
                    {{"proxy_id", "pc-1"},
                     {"proxy_ip", "127.0.0.1"},
                     {"proxy_port", closed_port},
                     {"proxy_username", "u"},
                     {"proxy_password", "p"},
                     {"city", "Manila"}})
                   .Json()["id"]
                   .get<std::string>();
  for (int i = 0; i < 3; ++i) {
    ASSERT_EQ(Send(verb::post, "/api/v1/proxies/" + proxy + "/check").Json()["health_status"], "failed");
  }
  auto events = Events("?event_type=proxy_failure");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0]["severity"], "error");
  EXPECT_EQ(events[0]["proxy_ip"], "127.0.0.1");
  EXPECT_THAT(events[0]["event_description"].get<std::string>(), HasSubstr("pc-1"));
}

}  // namespace
}  // namespace persona
