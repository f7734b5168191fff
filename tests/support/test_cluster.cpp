#include "support/test_cluster.h"

#include <pqxx/pqxx>

#include "core/log.h"
#include "core/random.h"
#include "storage/pg/embedded_postgres.h"
#include "support/temp_dir.h"

namespace persona::testing {

struct TestCluster::Impl {
  TempDir dir;
  Logger log{Logger::Level::kWarn};
  storage::EmbeddedPostgres pg{dir.path() / "data", log, storage::EmbeddedPostgres::Durability::kScratch};
};

TestCluster::TestCluster() : impl_(std::make_unique<Impl>()) {
  std::filesystem::create_directory(impl_->dir.path() / "data");
  std::filesystem::permissions(impl_->dir.path() / "data", std::filesystem::perms(0711));
  impl_->pg.Start();
}

TestCluster::~TestCluster() = default;

TestCluster& TestCluster::Get() {
  // One per test process; destroyed (cluster stopped, directory removed) at exit.
  static TestCluster cluster;
  return cluster;
}

std::string TestCluster::CreateDatabase() {
  std::string name = "test_" + RandomHex(6);
  pqxx::connection conn(impl_->pg.ConnectionString("postgres"));
  pqxx::nontransaction tx(conn);
  tx.exec0("CREATE DATABASE " + tx.quote_name(name));
  return impl_->pg.ConnectionString(name);
}

std::string TestCluster::ConnectionString(const std::string& database) const {
  return impl_->pg.ConnectionString(database);
}

}  // namespace persona::testing
