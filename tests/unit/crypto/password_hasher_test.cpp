#include "crypto/password_hasher.h"

#include <gtest/gtest.h>

namespace persona::crypto {
namespace {

// Cheap parameters keep the unit test fast; production defaults are checked below.
const Argon2Params kFast{1024, 1, 1};

TEST(PasswordHasher, VerifiesTheRightPasswordOnly) {
  PasswordHasher hasher(kFast);
  auto hash = hasher.Hash("correct horse battery");
  EXPECT_TRUE(hasher.Verify("correct horse battery", hash));
  EXPECT_FALSE(hasher.Verify("correct horse batterY", hash));
  EXPECT_FALSE(hasher.Verify("", hash));
}

TEST(PasswordHasher, SaltsEveryHash) {
  PasswordHasher hasher(kFast);
  EXPECT_NE(hasher.Hash("same"), hasher.Hash("same"));
}

TEST(PasswordHasher, ProducesArgon2idWithItsParameters) {
  PasswordHasher hasher(kFast);
  auto hash = hasher.Hash("x");
  EXPECT_EQ(hash.rfind("$argon2id$v=19$m=1024,t=1,p=1$", 0), 0u) << hash;
  EXPECT_FALSE(hasher.NeedsRehash(hash));
  EXPECT_TRUE(PasswordHasher().NeedsRehash(hash));
}

TEST(PasswordHasher, DefaultsMeetOwaspMinimum) {
  Argon2Params defaults;
  EXPECT_GE(defaults.memory_kib, 19u * 1024u);
  EXPECT_GE(defaults.iterations, 2u);
  EXPECT_GE(defaults.parallelism, 1u);
}

TEST(PasswordHasher, RejectsMalformedHash) {
  PasswordHasher hasher(kFast);
  EXPECT_FALSE(hasher.Verify("x", "not a hash"));
  EXPECT_FALSE(hasher.Verify("x", ""));
}

}  // namespace
}  // namespace persona::crypto
