#include "storage/pg/migration.h"

#include <gtest/gtest.h>

namespace persona::storage {
namespace {

TEST(EmbeddedMigrations, AreNumberedFromOneWithoutGapsAndHaveBothParts) {
  const auto& migrations = EmbeddedMigrations();
  ASSERT_FALSE(migrations.empty());
  for (std::size_t i = 0; i < migrations.size(); ++i) {
    EXPECT_EQ(migrations[i].version, static_cast<int>(i + 1));
    EXPECT_FALSE(migrations[i].up.empty()) << migrations[i].Label();
    EXPECT_FALSE(migrations[i].down.empty()) << migrations[i].Label();
  }
  EXPECT_EQ(migrations[0].Label(), "0001_initial_schema");
}

TEST(EmbeddedMigrations, CarryTheWholeFileText) {
  // The embedding splits long files into chunks; the joins must not lose a byte.
  const auto& first = EmbeddedMigrations().front();
  EXPECT_NE(first.up.find("CREATE TABLE users"), std::string::npos);
  EXPECT_NE(first.up.find("CREATE INDEX idx_security_events_created_at ON security_events(created_at);"),
            std::string::npos);
}

// What was applied is the up part: it may never change. A down part may be corrected.
TEST(MigrationChecksum, ChangesWithTheUpPartOnly) {
  Migration m{7, "x", "CREATE TABLE a (id INT);", "DROP TABLE a;"};
  auto original = m.Checksum();
  EXPECT_EQ(original.size(), 64u);
  EXPECT_EQ(m.Checksum(), original);
  Migration up_changed = m;
  up_changed.up += " ";
  EXPECT_NE(up_changed.Checksum(), original);
  Migration down_changed = m;
  down_changed.down = "DROP TABLE a CASCADE;";
  EXPECT_EQ(down_changed.Checksum(), original);
  EXPECT_NE(down_changed.LegacyChecksum(), m.LegacyChecksum()) << "the old checksum covered both";
}

}  // namespace
}  // namespace persona::storage
