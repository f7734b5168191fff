// Exports and backups appear whole or not at all, readable by the owner only.
#include "core/atomic_file.h"

#include <sys/stat.h>

#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "core/errors.h"
#include "support/temp_dir.h"

namespace persona {
namespace {

std::string Read(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(AtomicFile, AppearsOnlyOnCommitWithOwnerOnlyMode) {
  testing::TempDir dir;
  auto path = dir / "export.json";
  AtomicFile file(path);
  file.Write("{\"a\":");
  file.Write("1}");
  EXPECT_FALSE(std::filesystem::exists(path)) << "nothing under the final name before Commit";
  EXPECT_TRUE(std::filesystem::exists(file.partial_path()));
  file.Commit();
  EXPECT_EQ(Read(path), "{\"a\":1}");
  EXPECT_EQ(file.bytes(), 7u);
  EXPECT_FALSE(std::filesystem::exists(dir / "export.json.partial"));
  struct stat st {};
  ASSERT_EQ(stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
}

TEST(AtomicFile, AbandonedLeavesNothingAndKeepsAnOlderFile) {
  testing::TempDir dir;
  auto path = dir / "backup.dump";
  std::ofstream(path) << "older";
  {
    AtomicFile file(path);
    file.Write("half of it");
  }  // a failure before Commit
  EXPECT_EQ(Read(path), "older");
  EXPECT_FALSE(std::filesystem::exists(dir / "backup.dump.partial"));
}

TEST(AtomicFile, AnUnwritablePathIsAUsageError) {
  EXPECT_THROW(AtomicFile("/nonexistent-dir/export.json"), UsageError);
}

}  // namespace
}  // namespace persona
