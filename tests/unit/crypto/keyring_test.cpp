#include "crypto/keyring.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <thread>

#include <sys/stat.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "crypto/encoding.h"
#include "support/temp_dir.h"

namespace persona::crypto {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

const std::string kKeyA(32, 'A');
const std::string kKeyB(32, 'B');

unsigned ModeOf(const std::filesystem::path& path) {
  struct stat st {};
  EXPECT_EQ(::stat(path.c_str(), &st), 0);
  return st.st_mode & 07777;
}

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

class KeyringTest : public ::testing::Test {
 protected:
  void WriteKeyFile(const std::string& content, unsigned mode = 0600) {
    std::ofstream(file_) << content;
    ASSERT_EQ(::chmod(file_.c_str(), mode), 0);
  }
  // Loads, expecting failure, and returns the message.
  std::string LoadError(const char* env = nullptr) {
    try {
      Keyring::Load(file_, env);
    } catch (const std::runtime_error& e) {
      return e.what();
    }
    ADD_FAILURE() << "Load succeeded";
    return "";
  }

  testing::TempDir dir_;
  std::filesystem::path file_ = dir_ / "master.key";
};

TEST_F(KeyringTest, CreatesA0600FileWithOneKeyOnFirstLoad) {
  Keyring keyring = Keyring::Load(file_, nullptr);
  ASSERT_TRUE(std::filesystem::exists(file_));
  EXPECT_EQ(ModeOf(file_), 0600u);
  ASSERT_EQ(keyring.Kids().size(), 1u);
  EXPECT_EQ(keyring.Current().key.size(), 32u);
  EXPECT_THAT(keyring.Current().kid, ::testing::MatchesRegex("k1-[0-9a-f]{8}"));
  EXPECT_EQ(ReadFile(file_), keyring.Current().kid + " " + Base64Encode(keyring.Current().key) + "\n");
  // No temporary file left next to it.
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir_.path()), {}), 1);
}

TEST_F(KeyringTest, LoadsTheSameKeyAgain) {
  Keyring first = Keyring::Load(file_, nullptr);
  Keyring second = Keyring::Load(file_, nullptr);
  EXPECT_EQ(second.Current().kid, first.Current().kid);
  EXPECT_EQ(second.Current().key, first.Current().key);
}

// A CLI command started next to a starting server: both see one complete key file.
TEST_F(KeyringTest, ConcurrentFirstLoadsAgreeOnOneKey) {
  constexpr int kThreads = 8;
  std::vector<std::string> kids(kThreads);
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] { kids[i] = Keyring::Load(file_, nullptr).Current().kid; });
  }
  for (std::thread& thread : threads) thread.join();
  for (const std::string& kid : kids) EXPECT_EQ(kid, kids[0]);
  EXPECT_EQ(Keyring::Load(file_, nullptr).Kids(), std::vector<std::string>{kids[0]});
}

TEST_F(KeyringTest, ConcurrentRotationsAllLand) {
  Keyring::Load(file_, nullptr);
  constexpr int kThreads = 4;
  std::vector<std::string> added(kThreads);
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] { added[i] = Keyring::Rotate(file_).kid; });
  }
  for (std::thread& thread : threads) thread.join();
  std::vector<std::string> kids = Keyring::Load(file_, nullptr).Kids();
  EXPECT_EQ(kids.size(), 1u + kThreads);
  for (const std::string& kid : added) EXPECT_NE(std::find(kids.begin(), kids.end(), kid), kids.end()) << kid;
}

TEST_F(KeyringTest, ReadsKeysInOrderWithTheLastOneCurrent) {
  WriteKeyFile("# comment\nk1 " + Base64Encode(kKeyA) + "\n\nk2\t" + Base64Encode(kKeyB) + "\n");
  Keyring keyring = Keyring::Load(file_, nullptr);
  EXPECT_EQ(keyring.Kids(), (std::vector<std::string>{"k1", "k2"}));
  EXPECT_EQ(keyring.Current().kid, "k2");
  ASSERT_NE(keyring.Find("k1"), nullptr);
  EXPECT_EQ(keyring.Find("k1")->key, kKeyA);
  EXPECT_EQ(keyring.Find("k3"), nullptr);
}

TEST_F(KeyringTest, RefusesAFileOthersCanRead) {
  WriteKeyFile("k1 " + Base64Encode(kKeyA) + "\n", 0644);
  EXPECT_EQ(LoadError(),
            "key file " + file_.string() + " has mode 0644; it must be 0600 (chmod 600 " + file_.string() + ")");
  ASSERT_EQ(::chmod(file_.c_str(), 0640), 0);
  EXPECT_THAT(LoadError(), HasSubstr("has mode 0640"));
  ASSERT_EQ(::chmod(file_.c_str(), 0400), 0);
  EXPECT_NO_THROW(Keyring::Load(file_, nullptr));
}

TEST_F(KeyringTest, RefusesAKeyOfTheWrongLength) {
  WriteKeyFile("k1 " + Base64Encode(std::string(16, 'x')) + "\n");
  EXPECT_EQ(LoadError(), "key k1 in " + file_.string() + " is 16 bytes; keys are 32 bytes (AES-256)");
}

TEST_F(KeyringTest, RefusesMalformedLinesNamingTheLine) {
  WriteKeyFile("k1 " + Base64Encode(kKeyA) + "\njust-one-field\n");
  EXPECT_THAT(LoadError(), HasSubstr("line 2 is malformed"));
  WriteKeyFile("k1 " + Base64Encode(kKeyA) + " extra\n");
  EXPECT_THAT(LoadError(), HasSubstr("line 1 is malformed"));
  WriteKeyFile("\n\nk/1 " + Base64Encode(kKeyA) + "\n");
  EXPECT_THAT(LoadError(), HasSubstr("line 3 has an invalid kid"));
}

TEST_F(KeyringTest, RefusesBadBase64DuplicateKidsAndEmptyFiles) {
  WriteKeyFile("k1 not*base64\n");
  EXPECT_THAT(LoadError(), HasSubstr("key k1 in " + file_.string() + " is not valid base64"));
  WriteKeyFile("k1 " + Base64Encode(kKeyA) + "\nk1 " + Base64Encode(kKeyB) + "\n");
  EXPECT_THAT(LoadError(), HasSubstr("kid k1 on lines 1 and 2"));
  WriteKeyFile("\n# nothing\n");
  EXPECT_THAT(LoadError(), HasSubstr("holds no key"));
}

TEST_F(KeyringTest, ErrorMessagesNeverContainKeyMaterial) {
  const std::string short_key = Base64Encode(std::string(16, 'S'));
  const std::string good_key = Base64Encode(kKeyA);
  std::vector<std::string> contents = {
      "k1 " + short_key + "\n",
      "k1 " + good_key + " trailing\n",
      good_key + "\n",
      "k1 " + good_key + "\nk1 " + good_key + "\n",
      "k1 " + good_key.substr(0, 20) + "\n",
  };
  for (const std::string& content : contents) {
    WriteKeyFile(content);
    std::string message = LoadError();
    EXPECT_THAT(message, Not(HasSubstr(short_key)));
    EXPECT_THAT(message, Not(HasSubstr(good_key.substr(0, 20))));
  }
  WriteKeyFile("k1 " + good_key + "\n", 0644);
  EXPECT_THAT(LoadError(), Not(HasSubstr(good_key.substr(0, 20))));
  std::string env = "k1:" + short_key;
  EXPECT_THAT(LoadError(env.c_str()), Not(HasSubstr(short_key)));
  env = good_key.substr(0, 20) + "," + good_key;
  EXPECT_THAT(LoadError(env.c_str()), Not(HasSubstr(good_key.substr(0, 20))));
}

TEST_F(KeyringTest, RotateAppendsAKeyThatBecomesCurrent) {
  Keyring before = Keyring::Load(file_, nullptr);
  MasterKey added = Keyring::Rotate(file_);
  EXPECT_EQ(added.key.size(), 32u);
  EXPECT_THAT(added.kid, ::testing::MatchesRegex("k2-[0-9a-f]{8}"));
  EXPECT_NE(added.key, before.Current().key);
  Keyring after = Keyring::Load(file_, nullptr);
  EXPECT_EQ(after.Kids(), (std::vector<std::string>{before.Current().kid, added.kid}));
  EXPECT_EQ(after.Current().key, added.key);
  EXPECT_EQ(after.Find(before.Current().kid)->key, before.Current().key);
  EXPECT_EQ(ModeOf(file_), 0600u);
}

TEST_F(KeyringTest, RotateStartsANewLineInAHandEditedFile) {
  WriteKeyFile("k1 " + Base64Encode(kKeyA));  // no final newline
  MasterKey added = Keyring::Rotate(file_);
  Keyring after = Keyring::Load(file_, nullptr);
  EXPECT_EQ(after.Kids(), (std::vector<std::string>{"k1", added.kid}));
}

TEST_F(KeyringTest, RotateRefusesABadFile) {
  WriteKeyFile("k1 " + Base64Encode(kKeyA) + "\n", 0644);
  EXPECT_THROW(Keyring::Rotate(file_), std::runtime_error);
  EXPECT_EQ(ReadFile(file_), "k1 " + Base64Encode(kKeyA) + "\n");
}

TEST_F(KeyringTest, EnvironmentKeyWinsOverTheFile) {
  std::string env = Base64Encode(kKeyA);
  Keyring keyring = Keyring::Load(file_, env.c_str());
  EXPECT_EQ(keyring.Kids(), (std::vector<std::string>{"env-1"}));
  EXPECT_EQ(keyring.Current().key, kKeyA);
  EXPECT_FALSE(std::filesystem::exists(file_));  // nothing written
}

TEST_F(KeyringTest, EnvironmentTakesSeveralKidKeyPairs) {
  std::string env = "old:" + Base64Encode(kKeyA) + ", new:" + Base64Encode(kKeyB);
  Keyring keyring = Keyring::Load(file_, env.c_str());
  EXPECT_EQ(keyring.Kids(), (std::vector<std::string>{"old", "new"}));
  EXPECT_EQ(keyring.Current().key, kKeyB);
  env = "only:" + Base64Encode(kKeyA);
  EXPECT_EQ(Keyring::Load(file_, env.c_str()).Current().kid, "only");
}

TEST_F(KeyringTest, AnEmptyEnvironmentValueFallsBackToTheFile) {
  Keyring keyring = Keyring::Load(file_, "");
  EXPECT_TRUE(std::filesystem::exists(file_));
  EXPECT_NE(keyring.Current().kid, "env-1");
}

TEST_F(KeyringTest, RefusesBadEnvironmentValues) {
  std::string wrong_length = Base64Encode(std::string(31, 'x'));
  EXPECT_THAT(LoadError(wrong_length.c_str()), HasSubstr("key env-1 in PERSONA_MASTER_KEY is 31 bytes"));
  std::string two_bare = Base64Encode(kKeyA) + "," + Base64Encode(kKeyB);
  EXPECT_THAT(LoadError(two_bare.c_str()), HasSubstr("entry 1 is malformed"));
  std::string duplicate = "a:" + Base64Encode(kKeyA) + ",a:" + Base64Encode(kKeyB);
  EXPECT_THAT(LoadError(duplicate.c_str()), HasSubstr("kid a twice"));
  EXPECT_THAT(LoadError("a:***"), HasSubstr("not valid base64"));
  std::string no_kid = ":" + Base64Encode(kKeyA);
  EXPECT_THAT(LoadError(no_kid.c_str()), HasSubstr("invalid kid"));
}

TEST(Keyring, ConstructorValidatesKeys) {
  EXPECT_THROW(Keyring({}), std::invalid_argument);
  EXPECT_THROW(Keyring({MasterKey{"k1", std::string(16, 'x')}}), std::invalid_argument);
  EXPECT_THROW(Keyring({MasterKey{"k1", kKeyA}, MasterKey{"k1", kKeyB}}), std::invalid_argument);
  EXPECT_THROW(Keyring({MasterKey{"", kKeyA}}), std::invalid_argument);
}

}  // namespace
}  // namespace persona::crypto
