#include <fstream>
#include <stdexcept>
#include <string>

#include <gtest/gtest.h>
#include <openssl/crypto.h>
#include <nlohmann/json.hpp>

#include "crypto/encoding.h"
#include "crypto/totp.h"

namespace persona::crypto {
namespace {

struct Counts {
  int valid = 0;
  int invalid = 0;
  int truncated = 0;
};

std::string Hex(const nlohmann::json& test, const char* field) {
  auto bytes = HexDecode(test.at(field).get<std::string>());
  if (!bytes) throw std::runtime_error(std::string("bad hex in field ") + field);
  return *bytes;
}

// A tag of tagSize bits is the HMAC truncated to its leading bytes (RFC 2104 section 5),
// so full and truncated cases are both checked by comparing against the same prefix.
Counts CheckFile(const std::string& name, TotpAlgorithm algorithm, std::size_t digest_bytes) {
  std::ifstream in(std::string(PERSONA_SOURCE_DIR "/tests/data/wycheproof/") + name);
  if (!in) throw std::runtime_error("cannot open " + name);
  nlohmann::json vectors = nlohmann::json::parse(in);
  Counts counts;
  for (const auto& group : vectors.at("testGroups")) {
    const std::size_t tag_bytes = group.at("tagSize").get<std::size_t>() / 8;
    for (const auto& test : group.at("tests")) {
      SCOPED_TRACE(name + " tcId " + std::to_string(test.at("tcId").get<int>()));
      const std::string expected_tag = Hex(test, "tag");
      const std::string mac = HmacDigest(algorithm, Hex(test, "key"), Hex(test, "msg"));
      EXPECT_EQ(mac.size(), digest_bytes);
      const bool matches = expected_tag.size() == tag_bytes && tag_bytes <= mac.size() &&
                           CRYPTO_memcmp(mac.data(), expected_tag.data(), tag_bytes) == 0;
      const std::string result = test.at("result");
      if (result == "valid") {
        EXPECT_TRUE(matches);
        ++counts.valid;
      } else {
        EXPECT_EQ(result, "invalid");
        EXPECT_FALSE(matches);
        ++counts.invalid;
      }
      if (tag_bytes < digest_bytes) ++counts.truncated;
    }
  }
  return counts;
}

TEST(HmacWycheproof, Sha1MatchesEveryVector) {
  Counts counts = CheckFile("hmac_sha1_test.json", TotpAlgorithm::kSha1, 20);
  EXPECT_GT(counts.valid, 0);
  EXPECT_GT(counts.invalid, 0);
  EXPECT_GT(counts.truncated, 0);
}

TEST(HmacWycheproof, Sha256MatchesEveryVector) {
  Counts counts = CheckFile("hmac_sha256_test.json", TotpAlgorithm::kSha256, 32);
  EXPECT_GT(counts.valid, 0);
  EXPECT_GT(counts.invalid, 0);
  EXPECT_GT(counts.truncated, 0);
}

}  // namespace
}  // namespace persona::crypto
