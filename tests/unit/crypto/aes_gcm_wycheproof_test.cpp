#include <fstream>
#include <stdexcept>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "crypto/aes_gcm.h"
#include "crypto/encoding.h"

namespace persona::crypto {
namespace {

nlohmann::json LoadVectors() {
  std::ifstream in(PERSONA_SOURCE_DIR "/tests/data/wycheproof/aes_gcm_test.json");
  if (!in) throw std::runtime_error("cannot open Wycheproof aes_gcm_test.json");
  return nlohmann::json::parse(in);
}

std::string Hex(const nlohmann::json& test, const char* field) {
  auto bytes = HexDecode(test.at(field).get<std::string>());
  if (!bytes) throw std::runtime_error(std::string("bad hex in field ") + field);
  return *bytes;
}

const std::string kKey(kAesGcmKeyBytes, 'k');

// Every AES-256 case with a 96-bit IV: valid ones encrypt to exactly the expected
// ciphertext and tag and decrypt back; invalid ones (tampered tags) are rejected.
TEST(AesGcmWycheproof, Aes256With96BitIvGivesTheExpectedResultForEveryCase) {
  nlohmann::json vectors = LoadVectors();
  int total = 0, valid = 0, invalid = 0;
  for (const auto& group : vectors.at("testGroups")) {
    if (group.at("keySize") != 256 || group.at("ivSize") != 96) continue;
    for (const auto& test : group.at("tests")) {
      SCOPED_TRACE("tcId " + std::to_string(test.at("tcId").get<int>()));
      const std::string key = Hex(test, "key"), iv = Hex(test, "iv"), aad = Hex(test, "aad"), msg = Hex(test, "msg"),
                        ct = Hex(test, "ct"), tag = Hex(test, "tag");
      const std::string result = test.at("result");
      ++total;
      std::optional<std::string> decrypted = AesGcmDecrypt(key, iv, ct, aad, tag);
      if (result == "valid") {
        ++valid;
        AesGcmResult sealed = AesGcmEncrypt(key, iv, msg, aad, tag.size());
        EXPECT_EQ(HexEncode(sealed.ciphertext), HexEncode(ct));
        EXPECT_EQ(HexEncode(sealed.tag), HexEncode(tag));
        ASSERT_TRUE(decrypted.has_value());
        EXPECT_EQ(HexEncode(*decrypted), HexEncode(msg));
      } else {
        ASSERT_EQ(result, "invalid");
        ++invalid;
        EXPECT_FALSE(decrypted.has_value());
      }
    }
  }
  // Issue 3 counts 66 such cases: 39 valid, 27 with tampered tags. The file agrees.
  EXPECT_EQ(total, 66);
  EXPECT_EQ(valid, 39);
  EXPECT_EQ(invalid, 27);
}

// Wycheproof's AES-256 groups with an empty IV: OpenSSL would compute something, the
// wrapper must refuse before it does.
TEST(AesGcmWycheproof, ZeroLengthIvCasesAreRefused) {
  nlohmann::json vectors = LoadVectors();
  int refused = 0;
  for (const auto& group : vectors.at("testGroups")) {
    if (group.at("keySize") != 256 || group.at("ivSize") != 0) continue;
    for (const auto& test : group.at("tests")) {
      EXPECT_THROW(AesGcmEncrypt(Hex(test, "key"), "", Hex(test, "msg"), Hex(test, "aad")), std::invalid_argument);
      EXPECT_THROW(AesGcmDecrypt(Hex(test, "key"), "", Hex(test, "ct"), Hex(test, "aad"), Hex(test, "tag")),
                   std::invalid_argument);
      ++refused;
    }
  }
  EXPECT_GT(refused, 0);
}

TEST(AesGcm, RefusesAZeroLengthIv) {
  EXPECT_THROW(AesGcmEncrypt(kKey, "", "secret", ""), std::invalid_argument);
  EXPECT_THROW(AesGcmDecrypt(kKey, "", "ciphertext", "", std::string(16, 't')), std::invalid_argument);
}

TEST(AesGcm, RefusesKeysThatAreNot32Bytes) {
  const std::string iv(12, 'i');
  EXPECT_THROW(AesGcmEncrypt(std::string(16, 'k'), iv, "x", ""), std::invalid_argument);
  EXPECT_THROW(AesGcmEncrypt(std::string(33, 'k'), iv, "x", ""), std::invalid_argument);
  EXPECT_THROW(AesGcmDecrypt(std::string(24, 'k'), iv, "x", "", std::string(16, 't')), std::invalid_argument);
}

TEST(AesGcm, RoundTripsWithAnyIvLengthAndEmptyInputs) {
  for (std::size_t iv_length : {1u, 8u, 12u, 16u, 64u}) {
    const std::string iv(iv_length, 'i');
    AesGcmResult sealed = AesGcmEncrypt(kKey, iv, "attack at dawn", "header");
    EXPECT_EQ(sealed.ciphertext.size(), 14u);
    EXPECT_EQ(sealed.tag.size(), kAesGcmTagBytes);
    EXPECT_EQ(AesGcmDecrypt(kKey, iv, sealed.ciphertext, "header", sealed.tag), "attack at dawn");
  }
  AesGcmResult empty = AesGcmEncrypt(kKey, std::string(12, 'i'), "", "");
  EXPECT_TRUE(empty.ciphertext.empty());
  EXPECT_EQ(AesGcmDecrypt(kKey, std::string(12, 'i'), "", "", empty.tag), "");
}

TEST(AesGcm, RejectsWrongAadTruncatedOrOversizedTags) {
  const std::string iv(12, 'i');
  AesGcmResult sealed = AesGcmEncrypt(kKey, iv, "secret", "aad");
  EXPECT_FALSE(AesGcmDecrypt(kKey, iv, sealed.ciphertext, "aae", sealed.tag).has_value());
  // A one-byte tag prefix would verify one forgery in 256 if it were accepted.
  EXPECT_FALSE(AesGcmDecrypt(kKey, iv, sealed.ciphertext, "aad", sealed.tag.substr(0, 1)).has_value());
  EXPECT_FALSE(AesGcmDecrypt(kKey, iv, sealed.ciphertext, "aad", "").has_value());
  EXPECT_FALSE(AesGcmDecrypt(kKey, iv, sealed.ciphertext, "aad", sealed.tag + "x").has_value());
  EXPECT_THROW(AesGcmEncrypt(kKey, iv, "secret", "", 8), std::invalid_argument);
}

}  // namespace
}  // namespace persona::crypto
