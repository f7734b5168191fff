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
  users_ = std::make_unique<storage::PgUserRepository>(*pool_);
  user_service_ = std::make_unique<app::UserService>(*users_, *hasher_);
  auth_store_ = std::make_unique<storage::PgAuthStore>(*pool_);
  auth_ = std::make_unique<app::AuthService>(*auth_store_, *hasher_, *cipher_, clock_);
  account_store_ = std::make_unique<storage::PgAccountStore>(*pool_);
  accounts_ = std::make_unique<app::AccountService>(*account_store_, *hasher_, *cipher_, clock_);
  http::BuildApi(router_, {*auth_, *accounts_, [] {
                             http::Readiness r;
                             r.database_reachable = r.schema_current = true;
                             return r;
                           }});
  http::ServerOptions options;
  options.port = 0;
  options.worker_threads = 4;
  server_ = std::make_unique<http::Server>(options, router_, log_);
  endpoint_ = server_->Listen();
  server_thread_ = std::thread([this] { server_->Run(); });
}

void ApiFixture::TearDown() {
  if (server_) server_->RequestShutdown();
  if (server_thread_.joinable()) server_thread_.join();
}

std::string ApiFixture::CreateUser(const std::string& email, const std::string& password) {
  return user_service_->Add(email, password, "basic");
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

long long ApiFixture::Count(const std::string& sql) {
  pqxx::connection conn(conninfo_);
  pqxx::nontransaction tx(conn);
  return tx.exec1(sql)[0].as<long long>();
}

}  // namespace persona::testing
