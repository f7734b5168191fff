#include "support/test_cluster.h"

#include <cstdlib>
#include <optional>

#include <pqxx/pqxx>

#include "core/log.h"
#include "core/random.h"
#include "storage/pg/embedded_postgres.h"
#include "support/temp_dir.h"

namespace persona::testing {

// Under ctest, PERSONA_TEST_PG_HOST names the socket directory of the run's shared
// cluster (tests/test_cluster.sh); run by hand, a test binary starts a cluster of its own.
struct TestCluster::Impl {
  Logger log{Logger::Level::kWarn};
  std::optional<std::string> shared_host;
  std::optional<TempDir> dir;
  std::optional<storage::EmbeddedPostgres> pg;
};

TestCluster::TestCluster() : impl_(std::make_unique<Impl>()) {
  if (const char* host = std::getenv("PERSONA_TEST_PG_HOST"); host != nullptr && *host != '\0') {
    impl_->shared_host = host;
    return;
  }
  impl_->dir.emplace();
  std::filesystem::create_directory(*impl_->dir / "data");
  std::filesystem::permissions(*impl_->dir / "data", std::filesystem::perms(0711));
  impl_->pg.emplace(*impl_->dir / "data", impl_->log, storage::EmbeddedPostgres::Durability::kScratch);
  impl_->pg->Start();
}

TestCluster::~TestCluster() = default;

TestCluster& TestCluster::Get() {
  // One per test process; destroyed (an own cluster stopped, its directory removed) at exit.
  static TestCluster cluster;
  return cluster;
}

std::string TestCluster::CreateDatabase() {
  std::string name = "test_" + RandomHex(8);
  pqxx::connection conn(ConnectionString("postgres"));
  pqxx::nontransaction tx(conn);
  tx.exec0("CREATE DATABASE " + tx.quote_name(name));
  return ConnectionString(name);
}

std::string TestCluster::ConnectionString(const std::string& database) const {
  if (impl_->shared_host) return "host=" + *impl_->shared_host + " port=5432 user=postgres dbname=" + database;
  return impl_->pg->ConnectionString(database);
}

}  // namespace persona::testing
