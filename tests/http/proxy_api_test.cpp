// The proxy inventory: write-only passwords, per-user proxy_id, bulk import with line
// errors, assignment kept consistent on both sides under concurrency, health checks
// against listeners on 127.0.0.1, their history, uptime and the monthly cost.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/asio.hpp>
#include <thread>

#include "jobs/proxy_checker.h"
#include "support/api_fixture.h"

namespace persona {
namespace {

using boost::beast::http::verb;
using ::testing::HasSubstr;
using ::testing::Not;
namespace asio = boost::asio;

// Accepts connections on 127.0.0.1 and, to a CONNECT, answers 200 after `delay`.
class FakeProxy {
 public:
  explicit FakeProxy(std::chrono::milliseconds delay = std::chrono::milliseconds(0))
      : acceptor_(io_, {asio::ip::make_address("127.0.0.1"), 0}), delay_(delay) {
    thread_ = std::thread([this] { Serve(); });
  }
  ~FakeProxy() {
    stopping_ = true;
    // Wake the blocking accept with one last connection.
    asio::ip::tcp::socket poke(io_);
    boost::system::error_code ec;
    poke.connect(acceptor_.local_endpoint(), ec);
    thread_.join();
  }
  int port() const { return acceptor_.local_endpoint().port(); }
  int connects() const { return connects_; }

 private:
  void Serve() {
    while (!stopping_) {
      asio::ip::tcp::socket socket(io_);
      boost::system::error_code ec;
      acceptor_.accept(socket, ec);
      if (ec || stopping_) return;
      asio::streambuf buf;
      asio::read_until(socket, buf, "\r\n\r\n", ec);
      if (ec) continue;  // a TCP-only check connects and leaves
      ++connects_;
      std::this_thread::sleep_for(delay_);
      asio::write(socket, asio::buffer(std::string("HTTP/1.1 200 Connection established\r\n\r\n")), ec);
    }
  }
  asio::io_context io_;
  asio::ip::tcp::acceptor acceptor_;
  std::chrono::milliseconds delay_;
  std::atomic<bool> stopping_{false};
  std::atomic<int> connects_{0};
  std::thread thread_;
};

// A port on 127.0.0.1 where nothing listens.
int ClosedPort() {
  asio::io_context io;
  asio::ip::tcp::acceptor a(io, {asio::ip::make_address("127.0.0.1"), 0});
  return a.local_endpoint().port();
}

class ProxyApi : public testing::ApiFixture {
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
  static nlohmann::json ProxyBody(const std::string& proxy_id = "pc-1", int port = 8080) {
    return {{"proxy_id", proxy_id},
            {"proxy_ip", "127.0.0.1"},
            {"proxy_port", port},
            {"proxy_username", "pc-user"},
            {"proxy_password", "Pr0xy-Secret-77"},
            {"city", "Manila"},
            {"isp_name", "PLDT"}};
  }
  std::string CreateProxy(const nlohmann::json& body) {
    auto res = Send(verb::post, "/api/v1/proxies", body);
    EXPECT_EQ(res.status, 201u) << res.body;
    return res.Json()["id"].get<std::string>();
  }
  std::string CreatePersona(const std::string& name = "Maria", const std::string& cookie = "") {
    auto res = Send(verb::post, "/api/v1/personas", PersonaBody(name), cookie);
    EXPECT_EQ(res.status, 201u) << res.body;
    return res.Json()["id"].get<std::string>();
  }
  testing::HttpResult Import(const std::string& text, const std::string& query = "?city=Cebu") {
    return Call(verb::post, "/api/v1/proxies/import" + query, text,
                {{"Cookie", cookie_}, {"Origin", Origin()}, {"Content-Type", "text/plain"}});
  }
  std::string ana_, cookie_, ben_cookie_;
};

TEST_F(ProxyApi, PasswordIsWriteOnlyAndProxyIdUniquePerUser) {
  auto res = Send(verb::post, "/api/v1/proxies", ProxyBody());
  ASSERT_EQ(res.status, 201u) << res.body;
  auto proxy = res.Json();
  EXPECT_EQ(res.Header("Location"), "/api/v1/proxies/" + proxy["id"].get<std::string>());
  EXPECT_EQ(proxy["has_password"], true);
  EXPECT_EQ(proxy["assignment_status"], "available");
  EXPECT_EQ(proxy["health_status"], "unknown");
  EXPECT_TRUE(proxy["last_health_check"].is_null());
  EXPECT_EQ(proxy["country_code"], "PH");
  EXPECT_DOUBLE_EQ(proxy["monthly_cost_usd"].get<double>(), 1.27);
  EXPECT_THAT(res.body, Not(HasSubstr("Pr0xy-Secret")));
  EXPECT_EQ(Count("SELECT count(*) FROM proxy_assignments WHERE proxy_password_encrypted LIKE '%AES-256-GCM%'"), 1);

  auto again = Send(verb::post, "/api/v1/proxies", ProxyBody());
  EXPECT_EQ(again.status, 409u);
  EXPECT_THAT(again.Json()["detail"].get<std::string>(), HasSubstr("pc-1"));
  EXPECT_EQ(Send(verb::post, "/api/v1/proxies", ProxyBody(), ben_cookie_).status, 201u);

  auto id = proxy["id"].get<std::string>();
  auto patched = Send(verb::patch, "/api/v1/proxies/" + id,
                      {{"proxy_ip", "2001:DB8:0::1"}, {"proxy_password", "new-Secret-88"}, {"monthly_cost_usd", 2.5}});
  ASSERT_EQ(patched.status, 200u) << patched.body;
  EXPECT_EQ(patched.Json()["proxy_ip"], "2001:db8::1");
  EXPECT_DOUBLE_EQ(patched.Json()["monthly_cost_usd"].get<double>(), 2.5);
  EXPECT_EQ(Send(verb::get, "/api/v1/proxies/" + id, nullptr, ben_cookie_).status, 404u);
  EXPECT_EQ(Send(verb::patch, "/api/v1/proxies/" + id, {{"city", "X"}}, ben_cookie_).status, 404u);
  EXPECT_EQ(Send(verb::delete_, "/api/v1/proxies/" + id, nullptr, ben_cookie_).status, 404u);
  EXPECT_EQ(Send(verb::get, "/api/v1/proxies", nullptr, ben_cookie_).Json()["items"].size(), 1u);
  EXPECT_EQ(Send(verb::delete_, "/api/v1/proxies/" + id).status, 204u);
  EXPECT_EQ(Send(verb::get, "/api/v1/proxies/" + id).status, 404u);
  EXPECT_EQ(Count("SELECT count(*) FROM activity_logs WHERE activity_type IN ('proxy_create', 'proxy_update', "
                  "'proxy_delete') AND user_id = '" +
                  ana_ + "'"),
            3);
}

TEST_F(ProxyApi, InvalidFieldsAreListed) {
  auto res = Send(verb::post, "/api/v1/proxies",
                  {{"proxy_id", ""},
                   {"proxy_ip", "proxy.example.com"},
                   {"proxy_port", 70000},
                   {"proxy_username", "u"},
                   {"country_code", "ph"},
                   {"assignment_status", "assigned"},
                   {"monthly_cost_usd", -1}});
  ASSERT_EQ(res.status, 422u);
  EXPECT_EQ(ErrorFields(res),
            (std::set<std::string>{"proxy_id", "proxy_ip", "proxy_port", "country_code", "assignment_status",
                                   "monthly_cost_usd", "proxy_password", "city"}));
  EXPECT_EQ(Count("SELECT count(*) FROM proxy_assignments"), 0);
}

TEST_F(ProxyApi, ImportTakesTheGoodLinesAndNamesTheBadOnes) {
  const std::string text =
      "203.0.113.7:8080:alice:s3cret\r\n"
      "bob:pa:ss@198.51.100.2:3128\n"
      "\n"
      "# a comment\n"
      "[2001:db8::7]:8000:carol:pw\n"
      "dave:pw@[2001:db8::8]:8001\n"
      "proxy.example.com:8080:u:p\n"
      "203.0.113.9:99999:u:p\n"
      "garbage\n"
      "203.0.113.7:8080:alice:again\n";
  auto res = Import(text, "?city=Cebu&country_code=PH");
  ASSERT_EQ(res.status, 200u) << res.body;
  auto body = res.Json();
  ASSERT_EQ(body["imported"].size(), 4u) << res.body;
  EXPECT_EQ(body["imported"][0]["proxy_ip"], "203.0.113.7");
  EXPECT_EQ(body["imported"][0]["proxy_port"], 8080);
  EXPECT_EQ(body["imported"][1]["proxy_username"], "bob");
  EXPECT_EQ(body["imported"][2]["proxy_ip"], "2001:db8::7");
  EXPECT_EQ(body["imported"][3]["proxy_id"], "[2001:db8::8]:8001");
  EXPECT_EQ(body["imported"][0]["city"], "Cebu");
  std::vector<int> bad_lines;
  for (const auto& e : body["errors"]) bad_lines.push_back(e["line"].get<int>());
  EXPECT_EQ(bad_lines, (std::vector<int>{7, 8, 9, 10}));
  EXPECT_THAT(body["errors"][3]["message"].get<std::string>(), HasSubstr("already"));
  EXPECT_THAT(res.body, Not(HasSubstr("again")));  // no password in any message
  EXPECT_EQ(Count("SELECT count(*) FROM proxy_assignments"), 4);

  EXPECT_EQ(Import("203.0.113.50:80:u:p", "").status, 422u);  // city is required
  auto json = Send(verb::post, "/api/v1/proxies/import?city=Cebu", {{"lines", "x"}});
  EXPECT_EQ(json.status, 415u);
  EXPECT_EQ(Count("SELECT count(*) FROM proxy_assignments"), 4);
}

TEST_F(ProxyApi, AssignAndReleaseKeepBothSidesConsistent) {
  auto persona = CreatePersona();
  auto proxy = CreateProxy(ProxyBody());
  auto assigned = Send(verb::put, "/api/v1/personas/" + persona + "/proxy", {{"proxy", proxy}});
  ASSERT_EQ(assigned.status, 200u) << assigned.body;
  EXPECT_EQ(assigned.Json()["proxy_id"], "pc-1");
  EXPECT_EQ(assigned.Json()["proxy_ip"], "127.0.0.1");
  EXPECT_EQ(assigned.Json()["proxy_location"], "Manila");
  EXPECT_EQ(assigned.Json()["proxy_status"], "assigned");
  auto p = Send(verb::get, "/api/v1/proxies/" + proxy).Json();
  EXPECT_EQ(p["assignment_status"], "assigned");
  EXPECT_EQ(p["assigned_persona_id"], persona);
  EXPECT_FALSE(p["assigned_at"].is_null());

  // Assigning again is idempotent; another proxy for this persona is a conflict, as is
  // this proxy for another persona, or deleting it while assigned.
  EXPECT_EQ(Send(verb::put, "/api/v1/personas/" + persona + "/proxy", {{"proxy", proxy}}).status, 200u);
  auto second = CreateProxy(ProxyBody("pc-2"));
  EXPECT_EQ(Send(verb::put, "/api/v1/personas/" + persona + "/proxy", {{"proxy", second}}).status, 409u);
  auto other = CreatePersona("Other");
  EXPECT_EQ(Send(verb::put, "/api/v1/personas/" + other + "/proxy", {{"proxy", proxy}}).status, 409u);
  EXPECT_EQ(Send(verb::delete_, "/api/v1/proxies/" + proxy).status, 409u);
  EXPECT_EQ(Send(verb::patch, "/api/v1/proxies/" + proxy, {{"assignment_status", "maintenance"}}).status, 409u);

  // A change of the proxy's address follows to the persona.
  ASSERT_EQ(Send(verb::patch, "/api/v1/proxies/" + proxy, {{"proxy_ip", "127.0.0.2"}, {"city", "Cebu"}}).status, 200u);
  auto follows = Send(verb::get, "/api/v1/personas/" + persona).Json();
  EXPECT_EQ(follows["proxy_ip"], "127.0.0.2");
  EXPECT_EQ(follows["proxy_location"], "Cebu");

  // Another user's proxy or persona in the request is not found.
  auto bens_proxy = Send(verb::post, "/api/v1/proxies", ProxyBody("pc-9"), ben_cookie_).Json()["id"];
  EXPECT_EQ(Send(verb::put, "/api/v1/personas/" + other + "/proxy", {{"proxy", bens_proxy}}).status, 404u);
  EXPECT_EQ(Send(verb::put, "/api/v1/personas/" + other + "/proxy", {{"proxy", proxy}}, ben_cookie_).status, 404u);

  auto released = Send(verb::delete_, "/api/v1/personas/" + persona + "/proxy");
  ASSERT_EQ(released.status, 200u) << released.body;
  EXPECT_TRUE(released.Json()["proxy_id"].is_null());
  EXPECT_EQ(released.Json()["proxy_status"], "unassigned");
  EXPECT_EQ(Send(verb::get, "/api/v1/proxies/" + proxy).Json()["assignment_status"], "available");
  EXPECT_EQ(Send(verb::delete_, "/api/v1/personas/" + persona + "/proxy").status, 409u);

  // A proxy in maintenance cannot be assigned.
  ASSERT_EQ(Send(verb::patch, "/api/v1/proxies/" + second, {{"assignment_status", "maintenance"}}).status, 200u);
  EXPECT_EQ(Send(verb::put, "/api/v1/personas/" + other + "/proxy", {{"proxy", second}}).status, 409u);
  EXPECT_EQ(Count("SELECT count(*) FROM activity_logs WHERE activity_type = 'proxy_assign' AND persona_id = '" +
                  persona + "'"),
            1);
  EXPECT_EQ(Count("SELECT count(*) FROM activity_logs WHERE activity_type = 'proxy_release'"), 1);
}

TEST_F(ProxyApi, TwentySimultaneousAssignmentsOfOneProxyLetExactlyOneWin) {
  auto proxy = CreateProxy(ProxyBody());
  Execute("UPDATE users SET max_personas = 100 WHERE id = '" + ana_ + "'");  // room for 20 personas
  std::vector<std::string> personas;
  for (int i = 0; i < 20; ++i) personas.push_back(CreatePersona("P" + std::to_string(i)));

  std::atomic<int> ok{0}, conflict{0}, other{0};
  std::vector<std::thread> threads;
  for (const auto& persona : personas) {
    threads.emplace_back([&, persona] {
      auto res = Send(verb::put, "/api/v1/personas/" + persona + "/proxy", {{"proxy", proxy}});
      (res.status == 200 ? ok : res.status == 409 ? conflict : other)++;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok, 1);
  EXPECT_EQ(conflict, 19);
  EXPECT_EQ(other, 0);
  EXPECT_EQ(Count("SELECT count(*) FROM personas WHERE proxy_id IS NOT NULL"), 1);
  EXPECT_EQ(Count("SELECT count(*) FROM personas p JOIN proxy_assignments x ON x.assigned_persona_id = p.id "
                  "WHERE p.proxy_id = x.proxy_id AND p.proxy_ip = x.proxy_ip AND p.proxy_location = x.city "
                  "AND p.proxy_status = 'assigned' AND x.assignment_status = 'assigned'"),
            1);
}

TEST_F(ProxyApi, OnePersonaCannotTakeTwoProxiesAtOnce) {
  auto persona = CreatePersona();
  std::vector<std::string> proxies;
  for (int i = 0; i < 10; ++i) proxies.push_back(CreateProxy(ProxyBody("pc-" + std::to_string(i))));
  std::atomic<int> ok{0}, conflict{0};
  std::vector<std::thread> threads;
  for (const auto& proxy : proxies) {
    threads.emplace_back([&, proxy] {
      auto res = Send(verb::put, "/api/v1/personas/" + persona + "/proxy", {{"proxy", proxy}});
      (res.status == 200 ? ok : conflict)++;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok, 1);
  EXPECT_EQ(conflict, 9);
  EXPECT_EQ(Count("SELECT count(*) FROM proxy_assignments WHERE assignment_status = 'assigned'"), 1);
}

TEST_F(ProxyApi, HealthChecksRecordStatusHistoryAndUptime) {
  FakeProxy up;
  auto healthy = CreateProxy(ProxyBody("up", up.port()));
  auto down = CreateProxy(ProxyBody("down", ClosedPort()));
  auto persona = CreatePersona();
  ASSERT_EQ(Send(verb::put, "/api/v1/personas/" + persona + "/proxy", {{"proxy", down}}).status, 200u);

  auto checked = Send(verb::post, "/api/v1/proxies/" + healthy + "/check");
  ASSERT_EQ(checked.status, 200u) << checked.body;
  EXPECT_EQ(checked.Json()["health_status"], "healthy");
  EXPECT_GE(checked.Json()["response_time_ms"].get<int>(), 1);
  EXPECT_FALSE(checked.Json()["last_health_check"].is_null());
  EXPECT_DOUBLE_EQ(checked.Json()["uptime_percentage"].get<double>(), 100.0);

  auto failed = Send(verb::post, "/api/v1/proxies/" + down + "/check").Json();
  EXPECT_EQ(failed["health_status"], "failed");
  EXPECT_TRUE(failed["response_time_ms"].is_null());
  EXPECT_DOUBLE_EQ(failed["uptime_percentage"].get<double>(), 0.0);
  EXPECT_EQ(Send(verb::get, "/api/v1/personas/" + persona).Json()["proxy_status"], "error");

  // Three checks of the healthy one later, one of them failing: 3 of 4 up = 75 %.
  clock_.Advance(std::chrono::minutes(1));
  Send(verb::post, "/api/v1/proxies/" + healthy + "/check");
  Execute("UPDATE proxy_assignments SET proxy_port = " + std::to_string(ClosedPort()) + " WHERE proxy_id = 'up'");
  clock_.Advance(std::chrono::minutes(1));
  EXPECT_EQ(Send(verb::post, "/api/v1/proxies/" + healthy + "/check").Json()["health_status"], "failed");
  Execute("UPDATE proxy_assignments SET proxy_port = " + std::to_string(up.port()) + " WHERE proxy_id = 'up'");
  clock_.Advance(std::chrono::minutes(1));
  auto last = Send(verb::post, "/api/v1/proxies/" + healthy + "/check").Json();
  EXPECT_DOUBLE_EQ(last["uptime_percentage"].get<double>(), 75.0);

  auto history = Send(verb::get, "/api/v1/proxies/" + healthy + "/checks?limit=3");
  ASSERT_EQ(history.status, 200u) << history.body;
  auto items = history.Json()["items"];
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0]["health_status"], "healthy");
  EXPECT_EQ(items[1]["health_status"], "failed");
  EXPECT_THAT(items[1]["error"].get<std::string>(), HasSubstr("refused"));
  auto rest = Send(verb::get,
                   "/api/v1/proxies/" + healthy + "/checks?cursor=" + history.Json()["next_cursor"].get<std::string>())
                  .Json();
  EXPECT_EQ(rest["items"].size(), 1u);
  EXPECT_EQ(Send(verb::get, "/api/v1/proxies/" + healthy + "/checks", nullptr, ben_cookie_).status, 404u);
  EXPECT_EQ(Send(verb::post, "/api/v1/proxies/" + healthy + "/check", nullptr, ben_cookie_).status, 404u);

  // History older than 30 days is dropped and no longer counts.
  clock_.Advance(std::chrono::hours(24 * 31));
  cookie_ = *Login("ana@example.com");  // the session expired meanwhile
  auto month_later = Send(verb::post, "/api/v1/proxies/" + healthy + "/check").Json();
  EXPECT_DOUBLE_EQ(month_later["uptime_percentage"].get<double>(), 100.0);
  EXPECT_EQ(Count("SELECT count(*) FROM proxy_health_checks c JOIN proxy_assignments x ON x.id = "
                  "c.proxy_assignment_id WHERE x.proxy_id = 'up'"),
            1);
  EXPECT_EQ(Count("SELECT count(*) FROM activity_logs WHERE activity_type = 'proxy_check'"), 6);
}

TEST_F(ProxyApi, PeriodicCheckerChecksWhatIsDue) {
  FakeProxy up;
  CreateProxy(ProxyBody("a", up.port()));
  CreateProxy(ProxyBody("b", up.port()));
  CreateProxy(ProxyBody("c", ClosedPort()));
  EXPECT_EQ(services_->proxies.CheckDue(std::chrono::minutes(5), 2).size(), 3u);
  EXPECT_EQ(services_->proxies.CheckDue(std::chrono::minutes(5), 2).size(), 0u);  // nothing due yet
  clock_.Advance(std::chrono::minutes(6));
  EXPECT_EQ(services_->proxies.CheckDue(std::chrono::minutes(5), 2).size(), 3u);
  EXPECT_EQ(Count("SELECT count(*) FROM proxy_assignments WHERE health_status = 'healthy'"), 2);
  EXPECT_EQ(Count("SELECT count(*) FROM proxy_assignments WHERE health_status = 'failed'"), 1);
  EXPECT_EQ(Count("SELECT count(*) FROM proxy_health_checks"), 6);
}

TEST_F(ProxyApi, TheCheckerThreadOfServeChecksOnItsOwnAndStops) {
  FakeProxy up;
  CreateProxy(ProxyBody("a", up.port()));
  {
    jobs::ProxyChecker checker(services_->proxies, std::chrono::seconds(1), 2, log_);
    // The first round starts after a second; poll briefly rather than sleep long.
    for (int i = 0; i < 50 && Count("SELECT count(*) FROM proxy_health_checks") == 0; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  }  // destroying it stops the thread
  EXPECT_GE(Count("SELECT count(*) FROM proxy_health_checks"), 1);
  EXPECT_EQ(Count("SELECT count(*) FROM proxy_assignments WHERE health_status = 'healthy'"), 1);
}

TEST_F(ProxyApi, MonthlyCostIsSummedPerMonth) {
  auto first_month = Send(verb::get, "/api/v1/proxies/" + CreateProxy(ProxyBody("a")))
                         .Json()["created_at"]
                         .get<std::string>()
                         .substr(0, 7);
  auto b = ProxyBody("b");
  b["monthly_cost_usd"] = 2.5;
  CreateProxy(b);
  clock_.Advance(std::chrono::hours(24 * 35));  // next month: one more
  cookie_ = *Login("ana@example.com");
  ben_cookie_ = *Login("ben@example.com");
  CreateProxy(ProxyBody("c"));
  auto res = Send(verb::get, "/api/v1/proxies/costs?months=3");
  ASSERT_EQ(res.status, 200u) << res.body;
  auto items = res.Json()["items"];
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0]["proxies"], 3);
  EXPECT_NEAR(items[0]["total_usd"].get<double>(), 5.04, 1e-9);
  // 35 days on is the next month or the one after: a and b count from their own month.
  for (std::size_t i = 1; i < items.size(); ++i) {
    bool before = items[i]["month"].get<std::string>() < first_month;
    EXPECT_EQ(items[i]["proxies"], before ? 0 : 2) << items[i];
    EXPECT_NEAR(items[i]["total_usd"].get<double>(), before ? 0.0 : 3.77, 1e-9);
  }
  EXPECT_EQ(items[2]["month"].get<std::string>() <= first_month, true);
  EXPECT_EQ(Send(verb::get, "/api/v1/proxies/costs?months=0").status, 422u);
  EXPECT_EQ(Send(verb::get, "/api/v1/proxies/costs", nullptr, ben_cookie_).Json()["items"][0]["proxies"], 0);
}

class ProxyConnectCheck : public ProxyApi {
 protected:
  ProxyConnectCheck() {
    proxy_checks_.connect_target = "example.com:443";
    proxy_checks_.degraded_after_ms = 100;
  }
};

TEST_F(ProxyConnectCheck, ConnectThroughTheProxyAndSlowAnswersAreDegraded) {
  FakeProxy fast;
  FakeProxy slow(std::chrono::milliseconds(250));
  auto a = CreateProxy(ProxyBody("fast", fast.port()));
  auto b = CreateProxy(ProxyBody("slow", slow.port()));
  EXPECT_EQ(Send(verb::post, "/api/v1/proxies/" + a + "/check").Json()["health_status"], "healthy");
  auto degraded = Send(verb::post, "/api/v1/proxies/" + b + "/check").Json();
  EXPECT_EQ(degraded["health_status"], "degraded");
  EXPECT_GE(degraded["response_time_ms"].get<int>(), 250);
  EXPECT_DOUBLE_EQ(degraded["uptime_percentage"].get<double>(), 100.0);
  EXPECT_EQ(fast.connects(), 1);
  EXPECT_EQ(slow.connects(), 1);
}

}  // namespace
}  // namespace persona
