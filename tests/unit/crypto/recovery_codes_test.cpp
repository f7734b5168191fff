#include "crypto/recovery_codes.h"

#include <set>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace persona::crypto {
namespace {

TEST(RecoveryCodes, TenUniqueCodesInGroupsOfFour) {
  std::vector<std::string> codes = NewRecoveryCodes();
  ASSERT_EQ(codes.size(), 10u);
  EXPECT_EQ(std::set<std::string>(codes.begin(), codes.end()).size(), 10u);
  for (const std::string& code : codes) {
    // 12 symbols of a 32-letter alphabet: 60 bits, without i, l, o or u.
    EXPECT_THAT(code, ::testing::MatchesRegex("[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}"));
  }
  EXPECT_EQ(NewRecoveryCodes(3).size(), 3u);
}

TEST(RecoveryCodes, LooselyTypedCodesNormalizeToTheIssuedOne) {
  for (const std::string& code : NewRecoveryCodes()) {
    std::string canonical = NormalizeRecoveryCode(code);
    EXPECT_EQ(canonical.size(), 12u);
    std::string shouted;
    for (char c : code) shouted += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    EXPECT_EQ(NormalizeRecoveryCode(shouted), canonical);
    EXPECT_EQ(NormalizeRecoveryCode(" " + canonical.substr(0, 6) + " " + canonical.substr(6) + " "), canonical);
    EXPECT_EQ(HashToken(NormalizeRecoveryCode(shouted)), HashToken(canonical));
  }
  EXPECT_EQ(NormalizeRecoveryCode("O0-Il1"), "00111");
}

TEST(RecoveryCodes, HashesAre64HexAndDifferPerCode) {
  std::vector<std::string> codes = NewRecoveryCodes();
  std::set<std::string> hashes;
  for (const std::string& code : codes) {
    std::string hash = HashToken(NormalizeRecoveryCode(code));
    EXPECT_THAT(hash, ::testing::MatchesRegex("[0-9a-f]{64}"));
    EXPECT_EQ(hash.find(NormalizeRecoveryCode(code)), std::string::npos);
    hashes.insert(hash);
  }
  EXPECT_EQ(hashes.size(), codes.size());
}

TEST(Tokens, HashTokenIsSha256) {
  EXPECT_EQ(HashToken(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(HashToken("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Tokens, NewTokensAre256BitBase64Url) {
  std::string a = NewToken(), b = NewToken();
  EXPECT_THAT(a, ::testing::MatchesRegex("[A-Za-z0-9_-]{43}"));
  EXPECT_NE(a, b);
  EXPECT_EQ(NewToken(16).size(), 22u);
}

TEST(Tokens, ConstantTimeEqualsComparesContentsAndLengths) {
  EXPECT_TRUE(ConstantTimeEquals("", ""));
  EXPECT_TRUE(ConstantTimeEquals("abc", "abc"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "abd"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "abcd"));
  EXPECT_FALSE(ConstantTimeEquals("", "a"));
}

}  // namespace
}  // namespace persona::crypto
