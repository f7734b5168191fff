#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace persona::crypto {

// Argon2id cost parameters. The defaults are OWASP's first recommended configuration
// (m = 19 MiB, t = 2, p = 1); they are written into every hash so they can be raised
// later and old hashes rehashed on login.
struct Argon2Params {
  std::uint32_t memory_kib = 19 * 1024;
  std::uint32_t iterations = 2;
  std::uint32_t parallelism = 1;
};

class PasswordHasher {
 public:
  explicit PasswordHasher(Argon2Params params = {}) : params_(params) {}

  // PHC string "$argon2id$v=19$m=...,t=...,p=...$salt$hash" with a fresh random salt.
  std::string Hash(std::string_view password) const;
  // Constant-time comparison inside libargon2; false for a malformed hash.
  bool Verify(std::string_view password, const std::string& encoded) const;
  // True when `encoded` was made with other parameters than the current ones.
  bool NeedsRehash(const std::string& encoded) const;

 private:
  Argon2Params params_;
};

}  // namespace persona::crypto
