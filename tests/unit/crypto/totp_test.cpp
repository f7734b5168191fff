#include "crypto/totp.h"

#include <fstream>
#include <set>
#include <stdexcept>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "crypto/encoding.h"

namespace persona::crypto {
namespace {

TEST(Totp, PassesEveryRfc6238Vector) {
  std::ifstream in(PERSONA_SOURCE_DIR "/tests/data/rfc6238_totp.json");
  ASSERT_TRUE(in) << "cannot open rfc6238_totp.json";
  nlohmann::json data = nlohmann::json::parse(in);
  const int period = data.at("period");
  ASSERT_EQ(data.at("t0"), 0);
  int checked = 0;
  std::set<std::string> algorithms;
  bool past_2038 = false;
  for (const auto& v : data.at("vectors")) {
    const std::string name = v.at("algorithm");
    const std::int64_t time = v.at("time");
    SCOPED_TRACE(name + " at " + std::to_string(time));
    std::optional<TotpAlgorithm> algorithm = ParseTotpAlgorithm(name);
    ASSERT_TRUE(algorithm.has_value());
    const std::string key = v.at("secret_ascii");
    const int digits = v.at("digits");
    EXPECT_EQ(TotpAt(key, time, digits, *algorithm, period), v.at("totp").get<std::string>());
    // The counter the RFC lists for this time, fed to HOTP directly.
    const std::uint64_t step = std::stoull(v.at("step_hex").get<std::string>(), nullptr, 16);
    EXPECT_EQ(Hotp(key, step, digits, *algorithm), v.at("totp").get<std::string>());
    algorithms.insert(name);
    past_2038 = past_2038 || time > INT32_MAX;
    ++checked;
  }
  EXPECT_EQ(checked, 18);
  EXPECT_EQ(algorithms, (std::set<std::string>{"SHA1", "SHA256", "SHA512"}));
  EXPECT_TRUE(past_2038);
}

TEST(Totp, MatchesRfc4226AppendixD) {
  const std::string key = "12345678901234567890";
  const char* expected[] = {"755224", "287082", "359152", "969429", "338314",
                            "254676", "287922", "162583", "399871", "520489"};
  for (std::uint64_t counter = 0; counter < 10; ++counter) {
    EXPECT_EQ(Hotp(key, counter, 6, TotpAlgorithm::kSha1), expected[counter]);
  }
}

class VerifyTotpTest : public ::testing::Test {
 protected:
  const std::string key_ = "12345678901234567890";
  const std::int64_t now_ = 1'700'000'015;  // inside step 56'666'667
  const std::int64_t step_ = now_ / 30;
  std::string CodeAtStep(std::int64_t step) {
    return Hotp(key_, static_cast<std::uint64_t>(step), 6, TotpAlgorithm::kSha1);
  }
};

TEST_F(VerifyTotpTest, AcceptsTheCurrentStepAndOneStepEitherSide) {
  EXPECT_EQ(VerifyTotp(key_, CodeAtStep(step_), now_, -1), step_);
  EXPECT_EQ(VerifyTotp(key_, CodeAtStep(step_ - 1), now_, -1), step_ - 1);
  EXPECT_EQ(VerifyTotp(key_, CodeAtStep(step_ + 1), now_, -1), step_ + 1);
  EXPECT_EQ(VerifyTotp(key_, TotpAt(key_, now_), now_, -1), step_);
}

TEST_F(VerifyTotpTest, RejectsTwoStepsAway) {
  EXPECT_FALSE(VerifyTotp(key_, CodeAtStep(step_ - 2), now_, -1).has_value());
  EXPECT_FALSE(VerifyTotp(key_, CodeAtStep(step_ + 2), now_, -1).has_value());
  // A wider window is the caller's explicit choice.
  EXPECT_EQ(VerifyTotp(key_, CodeAtStep(step_ + 2), now_, -1, 2), step_ + 2);
}

TEST_F(VerifyTotpTest, AcceptsEachCodeOnce) {
  std::optional<std::int64_t> used = VerifyTotp(key_, CodeAtStep(step_), now_, -1);
  ASSERT_EQ(used, step_);
  EXPECT_FALSE(VerifyTotp(key_, CodeAtStep(step_), now_, *used).has_value());
  EXPECT_FALSE(VerifyTotp(key_, CodeAtStep(step_), now_ + 20, *used).has_value());
}

TEST_F(VerifyTotpTest, RejectsALowerStepAfterAHigherOne) {
  std::optional<std::int64_t> used = VerifyTotp(key_, CodeAtStep(step_ + 1), now_, -1);
  ASSERT_EQ(used, step_ + 1);
  EXPECT_FALSE(VerifyTotp(key_, CodeAtStep(step_), now_, *used).has_value());
  EXPECT_FALSE(VerifyTotp(key_, CodeAtStep(step_ - 1), now_, *used).has_value());
}

TEST_F(VerifyTotpTest, RejectsMalformedCodes) {
  std::string good = CodeAtStep(step_);
  EXPECT_FALSE(VerifyTotp(key_, "", now_, -1).has_value());
  EXPECT_FALSE(VerifyTotp(key_, good.substr(0, 5), now_, -1).has_value());
  EXPECT_FALSE(VerifyTotp(key_, good + "0", now_, -1).has_value());
  EXPECT_FALSE(VerifyTotp(key_, " " + good.substr(1), now_, -1).has_value());
  EXPECT_FALSE(VerifyTotp(key_, "12345a", now_, -1).has_value());
  EXPECT_FALSE(VerifyTotp(key_, "-12345", now_, -1).has_value());
  EXPECT_FALSE(VerifyTotp("another key", good, now_, -1).has_value());
}

TEST(Totp, RefusesNonsensicalParameters) {
  EXPECT_THROW(TotpAt("k", -1), std::invalid_argument);
  EXPECT_THROW(TotpAt("k", 0, 6, TotpAlgorithm::kSha1, 0), std::invalid_argument);
  EXPECT_THROW(Hotp("k", 0, 5, TotpAlgorithm::kSha1), std::invalid_argument);
  EXPECT_THROW(Hotp("k", 0, 11, TotpAlgorithm::kSha1), std::invalid_argument);
  EXPECT_THROW(VerifyTotp("k", "123456", 0, -1, -1), std::invalid_argument);
}

TEST(Totp, NewSecretsAre160RandomBits) {
  std::string a = NewTotpSecret(), b = NewTotpSecret();
  EXPECT_EQ(a.size(), 20u);
  EXPECT_NE(a, b);
}

TEST(Totp, OtpauthUriHasTheKeyUriFormat) {
  const std::string secret = "12345678901234567890";
  EXPECT_EQ(OtpauthUri("Persona", "alice@example.com", secret),
            "otpauth://totp/Persona:alice%40example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
            "&issuer=Persona&algorithm=SHA1&digits=6&period=30");
  EXPECT_EQ(Base32Decode("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"), secret);
}

TEST(Totp, OtpauthUriPercentEncodesIssuerAndAccount) {
  std::string uri = OtpauthUri("My Co:&=?", "bob smith/+#", "x");
  EXPECT_EQ(uri,
            "otpauth://totp/My%20Co%3A%26%3D%3F:bob%20smith%2F%2B%23?secret=PA"
            "&issuer=My%20Co%3A%26%3D%3F&algorithm=SHA1&digits=6&period=30");
  EXPECT_EQ(OtpauthUri("", "bob", "x"), "otpauth://totp/bob?secret=PA&algorithm=SHA1&digits=6&period=30");
}

TEST(Totp, EnrolmentRoundTripsThroughTheUriSecret) {
  std::string secret = NewTotpSecret();
  std::string uri = OtpauthUri("Persona", "a", secret);
  std::size_t begin = uri.find("secret=") + 7;
  std::string base32 = uri.substr(begin, uri.find('&', begin) - begin);
  std::optional<std::string> decoded = Base32Decode(base32);
  ASSERT_TRUE(decoded.has_value());
  EXPECT_EQ(*decoded, secret);
  EXPECT_EQ(VerifyTotp(*decoded, TotpAt(secret, 1'000'000'000), 1'000'000'000, -1), 1'000'000'000 / 30);
}

}  // namespace
}  // namespace persona::crypto
