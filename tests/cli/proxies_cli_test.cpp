// `persona proxies check`: every proxy checked now, one line each and a summary.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/asio.hpp>
#include <pqxx/pqxx>

#include "core/log.h"
#include "crypto/field_cipher.h"
#include "crypto/keyring.h"
#include "storage/pg/migrator.h"
#include "support/persona_process.h"
#include "support/temp_dir.h"
#include "support/test_cluster.h"

namespace persona {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
namespace asio = boost::asio;

TEST(ProxiesCli, ChecksEveryProxyAndSummarises) {
  testing::TempDir dir;
  auto conninfo = testing::TestCluster::Get().CreateDatabase();
  Logger log(Logger::Level::kError);
  storage::Migrator(conninfo, storage::EmbeddedMigrations(), log).Up();
  std::map<std::string, std::string> env = {{"PERSONA_DATABASE_URL", conninfo}};
  // The first command creates the key file the passwords below are encrypted with.
  ASSERT_EQ(testing::RunPersona({"keys", "status", "--data-dir", dir.path().string()}, "", env).exit_code, 0);

  asio::io_context io;
  asio::ip::tcp::acceptor listening(io, {asio::ip::make_address("127.0.0.1"), 0});  // accepts via the backlog
  int closed_port = 0;
  {
    asio::ip::tcp::acceptor closed(io, {asio::ip::make_address("127.0.0.1"), 0});
    closed_port = closed.local_endpoint().port();
  }
  auto keyring = crypto::Keyring::Load(dir.path() / "master.key", nullptr);
  crypto::FieldCipher cipher(keyring);
  {
    pqxx::connection conn(conninfo);
    pqxx::work tx(conn);
    auto user =
        tx.exec1("INSERT INTO users (email, password_hash) VALUES ('ana@example.com', 'x') RETURNING id::text")[0]
            .as<std::string>();
    for (auto [name, port] :
         {std::pair{"up", int(listening.local_endpoint().port())}, std::pair{"down", closed_port}}) {
      auto id = tx.exec_params1(
                      "INSERT INTO proxy_assignments (user_id, proxy_id, proxy_ip, proxy_port, proxy_username, "
                      "proxy_password_encrypted, city) VALUES ($1::uuid, $2, '127.0.0.1', $3, 'u', 'x', 'Manila') "
                      "RETURNING id::text",
                      user, name, port)[0]
                    .as<std::string>();
      tx.exec_params("UPDATE proxy_assignments SET proxy_password_encrypted = $1 WHERE id = $2::uuid",
                     cipher.Encrypt("Pr0xy-Pass", "proxy_assignments", "proxy_password_encrypted", id), id);
    }
    tx.commit();
  }

  auto res = testing::RunPersona({"proxies", "check", "--data-dir", dir.path().string()}, "", env);
  EXPECT_EQ(res.exit_code, 0) << res.err;
  EXPECT_THAT(res.out, HasSubstr("127.0.0.1:" + std::to_string(listening.local_endpoint().port())));
  EXPECT_THAT(res.out, HasSubstr("connection refused"));
  EXPECT_THAT(res.out, HasSubstr("2 checked: 1 healthy, 0 degraded, 1 failed"));
  EXPECT_THAT(res.out + res.err, Not(HasSubstr("Pr0xy-Pass")));
  pqxx::connection conn(conninfo);
  pqxx::nontransaction tx(conn);
  EXPECT_EQ(tx.exec1("SELECT count(*) FROM proxy_health_checks")[0].as<int>(), 2);
  EXPECT_EQ(tx.exec1("SELECT health_status FROM proxy_assignments WHERE proxy_id = 'down'")[0].as<std::string>(),
            "failed");

  auto bad = testing::RunPersona({"proxies", "check", "--data-dir", dir.path().string()}, "",
                                 {{"PERSONA_DATABASE_URL", conninfo}, {"PERSONA_PROXY_CHECK_TIMEOUT_MS", "soon"}});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_THAT(bad.err, HasSubstr("PERSONA_PROXY_CHECK_TIMEOUT_MS"));
}

}  // namespace
}  // namespace persona
