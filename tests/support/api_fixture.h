#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <thread>

#include "cli/server_metrics.h"
#include "cli/services.h"
#include "core/clock.h"
#include "core/log.h"
#include "crypto/field_cipher.h"
#include "crypto/key_store.h"
#include "crypto/password_hasher.h"
#include "http/router.h"
#include "http/server.h"
#include "storage/pg/pool.h"
#include "support/http_client.h"
#include "support/temp_dir.h"

namespace persona::testing {

// Time that moves only when a test says so.
class ManualClock : public Clock {
 public:
  explicit ManualClock(TimePoint start) : now_(start) {}
  TimePoint Now() const override { return now_; }
  void Advance(std::chrono::seconds d) { now_ += d; }

 private:
  TimePoint now_;
};

// The whole API as `serve` builds it (http::BuildApi), on a fresh database of the test
// cluster, served over real HTTP on 127.0.0.1:0, with an injected clock.
class ApiFixture : public ::testing::Test {
 protected:
  explicit ApiFixture(crypto::Argon2Params hasher_params = {1024, 1, 1},
                      Logger::Level log_level = Logger::Level::kError);
  ~ApiFixture() override;
  void SetUp() override;
  void TearDown() override;

  // Creates a user and returns its id.
  std::string CreateUser(const std::string& email, const std::string& password = "correct horse battery");
  // Logs in; returns the session cookie value ("persona_session=…"), or nullopt.
  std::optional<std::string> Login(const std::string& email, const std::string& password = "correct horse battery",
                                   const nlohmann::json& extra = nlohmann::json::object());

  // A request as the browser UI would send it: with the cookie and this server's Origin.
  HttpResult AsBrowser(boost::beast::http::verb method, const std::string& target, const std::string& cookie,
                       const std::string& body = "");
  HttpResult Call(boost::beast::http::verb method, const std::string& target, const std::string& body = "",
                  const Headers& headers = {});

  std::string Origin() const;
  long long Count(const std::string& sql);
  // Runs a statement directly (to arrange what the API cannot, like a raised tier limit).
  void Execute(const std::string& sql);
  // A persona of `user_id`, inserted directly (for tests about other resources).
  std::string InsertPersona(const std::string& user_id, const std::string& name = "Maria");
  // The `field` of each entry of a problem's "errors".
  static std::set<std::string> ErrorFields(const HttpResult& res);
  // A valid POST /personas body (docs/persona-shapes.md).
  static nlohmann::json PersonaBody(const std::string& name = "Maria");

  const boost::asio::ip::tcp::endpoint& endpoint() const { return endpoint_; }

  crypto::Argon2Params hasher_params_;
  std::string conninfo_;
  TempDir dir_;
  Logger log_;
  ManualClock clock_{std::chrono::system_clock::now()};
  std::unique_ptr<storage::ConnectionPool> pool_;
  std::unique_ptr<crypto::KeyStore> keys_;
  std::unique_ptr<crypto::FieldCipher> cipher_;
  std::unique_ptr<crypto::PasswordHasher> hasher_;
  // Health checks reach only listeners the tests open on 127.0.0.1, and give up fast.
  ProxyCheckConfig proxy_checks_{.timeout = std::chrono::milliseconds(500)};
  app::SessionTimeouts session_timeouts_;
  // Null: the services' own in-process cache; a test may set another before SetUp.
  std::unique_ptr<app::SessionCache> session_cache_;
  std::unique_ptr<cli::Services> services_;
  // What GET /metrics shows, wired as `serve` wires it.
  std::unique_ptr<cli::ServerMetrics> metrics_;
  http::Router router_;
  std::unique_ptr<http::Server> server_;
  boost::asio::ip::tcp::endpoint endpoint_;
  std::thread server_thread_;
};

}  // namespace persona::testing
