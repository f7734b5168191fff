#pragma once

#include <memory>
#include <string>

namespace persona::testing {

// A real PostgreSQL for the tests of this process: the same embedded cluster the
// server uses, in a scratch directory, started on first use and stopped at exit.
// Each call to CreateDatabase gives an empty database of its own, so tests never see
// each other's rows.
class TestCluster {
 public:
  static TestCluster& Get();
  // Connection string of a new, empty database.
  std::string CreateDatabase();
  // Connection string of an existing database by name.
  std::string ConnectionString(const std::string& database) const;

  ~TestCluster();

 private:
  TestCluster();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace persona::testing
