#include "storage/pg/schema_version.h"

#include <gtest/gtest.h>

#include <regex>

#include "storage/pg/migration.h"

namespace persona::storage {
namespace {

TEST(SchemaVersion, EveryMigrationHasOneAndTheyOnlyGrow) {
  const auto& migrations = EmbeddedMigrations();
  std::string previous = SchemaVersionAfter(0);
  EXPECT_EQ(previous, "0.0.0");
  static const std::regex kSemver(R"(([0-9]+)\.([0-9]+)\.([0-9]+))");
  auto parts = [](const std::string& v) {
    std::smatch m;
    EXPECT_TRUE(std::regex_match(v, m, kSemver)) << v;
    return std::tuple(std::stoi(m[1]), std::stoi(m[2]), std::stoi(m[3]));
  };
  for (const auto& m : migrations) {
    auto version = SchemaVersionAfter(m.version);
    ASSERT_FALSE(version.empty()) << m.Label() << " has no schema version: add it to storage/pg/schema_version.cpp";
    EXPECT_GT(parts(version), parts(previous)) << m.Label();
    previous = version;
  }
  EXPECT_EQ(SchemaVersionAfter(migrations.back().version + 1), "") << "a version for a migration that does not exist";
}

}  // namespace
}  // namespace persona::storage
