#include "crypto/password_hasher.h"

#include <stdexcept>
#include <vector>

#include <argon2.h>
#include <openssl/rand.h>

namespace persona::crypto {
namespace {
constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kHashBytes = 32;
}  // namespace

std::string PasswordHasher::Hash(std::string_view password) const {
  unsigned char salt[kSaltBytes];
  if (RAND_bytes(salt, sizeof salt) != 1) throw std::runtime_error("the system random generator failed");
  std::size_t length =
      argon2_encodedlen(params_.iterations, params_.memory_kib, params_.parallelism, kSaltBytes, kHashBytes, Argon2_id);
  std::vector<char> encoded(length);
  int rc = argon2id_hash_encoded(params_.iterations, params_.memory_kib, params_.parallelism, password.data(),
                                 password.size(), salt, sizeof salt, kHashBytes, encoded.data(), encoded.size());
  if (rc != ARGON2_OK) throw std::runtime_error(std::string("password hashing failed: ") + argon2_error_message(rc));
  return std::string(encoded.data());
}

bool PasswordHasher::Verify(std::string_view password, const std::string& encoded) const {
  return argon2id_verify(encoded.c_str(), password.data(), password.size()) == ARGON2_OK;
}

bool PasswordHasher::NeedsRehash(const std::string& encoded) const {
  std::string expected = "$argon2id$v=19$m=" + std::to_string(params_.memory_kib) +
                         ",t=" + std::to_string(params_.iterations) + ",p=" + std::to_string(params_.parallelism) + "$";
  return encoded.rfind(expected, 0) != 0;
}

}  // namespace persona::crypto
