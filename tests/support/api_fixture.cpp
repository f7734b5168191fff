#include "support/api_fixture.h"

#include <pqxx/pqxx>

#include "http/api.h"
#include "storage/pg/migrator.h"
#include "support/test_cluster.h"

namespace persona::testing {

namespace bhttp = boost::beast::http;

ApiFixture::ApiFixture(crypto::Argon2Params hasher_params, Logger::Level log_level)
    : hasher_params_(hasher_params), log_(log_level) {}

ApiFixture::~ApiFixture() = default;

void ApiFixture::SetUp() {
  conninfo_ = TestCluster::Get().CreateDatabase();
  storage::Migrator(conninfo_, storage::EmbeddedMigrations(), log_).Up();
  pool_ = std::make_unique<storage::ConnectionPool>(conninfo_, 4);
  keys_ = std::make_unique<crypto::KeyStore>(dir_ / "master.key", std::nullopt);
  cipher_ = std::make_unique<crypto::FieldCipher>(*keys_);
  hasher_ = std::make_unique<crypto::PasswordHasher>(hasher_params_);
  services_ =
      std::make_unique<cli::Services>(*pool_, *cipher_, *hasher_, clock_, cli::NetworkProxyProber(proxy_checks_),
                                      cli::ServiceSettings{.proxy_checks = cli::ProxyCheckSettingsOf(proxy_checks_),
                                                           .sessions = session_timeouts_,
                                                           .session_cache = session_cache_.get()});
  metrics_ = std::make_unique<cli::ServerMetrics>(*pool_, clock_);
  http::BuildApi(router_, services_->Api(
                              [] {
                                http::Readiness r;
                                r.database_reachable = r.schema_current = true;
                                return r;
                              },
                              metrics_->metrics));
  http::ServerOptions options;
  options.port = 0;
  options.worker_threads = 4;
  server_ = std::make_unique<http::Server>(options, router_, log_, &metrics_->requests);
  endpoint_ = server_->Listen();
  server_thread_ = std::thread([this] { server_->Run(); });
}

void ApiFixture::TearDown() {
  if (server_) server_->RequestShutdown();
  if (server_thread_.joinable()) server_thread_.join();
}

std::string ApiFixture::CreateUser(const std::string& email, const std::string& password) {
  return services_->users.Add(email, password, "basic");
}

std::optional<std::string> ApiFixture::Login(const std::string& email, const std::string& password,
                                             const nlohmann::json& extra) {
  nlohmann::json body = {{"email", email}, {"password", password}};
  body.update(extra);
  auto res = Call(bhttp::verb::post, "/api/v1/auth/login", body.dump());
  if (res.status != 200) return std::nullopt;
  auto cookie = res.Header("Set-Cookie");
  return cookie.substr(0, cookie.find(';'));
}

std::string ApiFixture::Origin() const { return "http://127.0.0.1:" + std::to_string(endpoint_.port()); }

HttpResult ApiFixture::AsBrowser(bhttp::verb method, const std::string& target, const std::string& cookie,
                                 const std::string& body) {
  return Call(method, target, body, {{"Cookie", cookie}, {"Origin", Origin()}});
}

HttpResult ApiFixture::Call(bhttp::verb method, const std::string& target, const std::string& body,
                            const Headers& headers) {
  return Request(endpoint_, method, target, body, headers);
}

std::string ApiFixture::InsertPersona(const std::string& user_id, const std::string& name) {
  pqxx::connection conn(conninfo_);
  pqxx::work tx(conn);
  auto id = tx.exec_params1(
                  "INSERT INTO personas (user_id, name, demographics, personality, primary_location, timezone, "
                  "activity_schedule, content_themes, engagement_style) "
                  "VALUES ($1::uuid, $2, '{}', '{}', 'Manila', 'Asia/Manila', '{}', '{}', '{}') RETURNING id::text",
                  user_id, name)[0]
                .as<std::string>();
  tx.commit();
  return id;
}

std::set<std::string> ApiFixture::ErrorFields(const HttpResult& res) {
  std::set<std::string> fields;
  const auto body = res.Json();
  for (const auto& e : body["errors"]) fields.insert(e["field"].get<std::string>());
  return fields;
}

nlohmann::json ApiFixture::PersonaBody(const std::string& name) {
  return {{"name", name},
          {"status", "active"},
          {"demographics", {{"age", 27}, {"gender", "female"}, {"location", "Quezon City"}, {"occupation", "nurse"}}},
          {"personality", {{"interests", {"food", "travel"}}, {"communication_style", "warm"}}},
          {"backstory", "Grew up in Cebu."},
          {"primary_location", "Manila"},
          {"timezone", "Asia/Manila"},
          {"language_preferences", {"en", "fil"}},
          {"activity_schedule", {{"posting_times", {{"monday", {"08:30", "19:00"}}}}, {"posts_per_day", 2}}},
          {"content_themes", {{"topics", {"street food", "jeepney rides"}}, {"hashtags", {"#Manila", "pinoyfood"}}}},
          {"engagement_style", {{"comment_frequency", "medium"}}}};
}

void ApiFixture::Execute(const std::string& sql) {
  pqxx::connection conn(conninfo_);
  pqxx::nontransaction tx(conn);
  tx.exec0(sql);
}

long long ApiFixture::Count(const std::string& sql) {
  pqxx::connection conn(conninfo_);
  pqxx::nontransaction tx(conn);
  return tx.exec1(sql)[0].as<long long>();
}

}  // namespace persona::testing
