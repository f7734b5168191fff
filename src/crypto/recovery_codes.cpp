#include "crypto/recovery_codes.h"

#include <cctype>
#include <stdexcept>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include "crypto/encoding.h"

namespace persona::crypto {
namespace {

// Crockford's base32 alphabet in lowercase: digits and letters without i, l, o and u,
// so nothing reads as something else. 32 symbols: a random byte's low 5 bits pick one
// without bias.
constexpr std::string_view kAlphabet = "0123456789abcdefghjkmnpqrstvwxyz";
static_assert(kAlphabet.size() == 32);
constexpr std::size_t kGroups = 3;
constexpr std::size_t kGroupLength = 4;

std::string RandomBytes(std::size_t n) {
  std::string bytes(n, '\0');
  if (n > 0 && RAND_bytes(reinterpret_cast<unsigned char*>(bytes.data()), static_cast<int>(n)) != 1) {
    throw std::runtime_error("the system random generator failed");
  }
  return bytes;
}

}  // namespace

std::vector<std::string> NewRecoveryCodes(int n) {
  if (n < 0) throw std::invalid_argument("negative number of recovery codes");
  std::vector<std::string> codes;
  codes.reserve(static_cast<std::size_t>(n));
  while (codes.size() < static_cast<std::size_t>(n)) {
    std::string random = RandomBytes(kGroups * kGroupLength);
    std::string code;
    for (std::size_t i = 0; i < kGroups * kGroupLength; ++i) {
      if (i > 0 && i % kGroupLength == 0) code.push_back('-');
      code.push_back(kAlphabet[static_cast<unsigned char>(random[i]) & 31]);
    }
    OPENSSL_cleanse(random.data(), random.size());
    // A repeat within one set (chance about 2^-54) would make two codes one; draw again.
    bool repeated = false;
    for (const std::string& other : codes) repeated = repeated || other == code;
    if (!repeated) codes.push_back(std::move(code));
  }
  return codes;
}

std::string NormalizeRecoveryCode(std::string_view typed) {
  std::string code;
  code.reserve(typed.size());
  for (char c : typed) {
    if (c == ' ' || c == '-' || c == '\t') continue;
    char lower = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower == 'o') lower = '0';
    if (lower == 'i' || lower == 'l') lower = '1';
    code.push_back(lower);
  }
  return code;
}

std::string HashToken(std::string_view token) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(token.data(), token.size(), digest, &length, EVP_sha256(), nullptr) != 1) {
    throw std::runtime_error("SHA-256 failed");
  }
  return HexEncode(std::string_view(reinterpret_cast<const char*>(digest), length));
}

std::string NewToken(std::size_t bytes) {
  std::string random = RandomBytes(bytes);
  std::string token = Base64UrlEncode(random);
  OPENSSL_cleanse(random.data(), random.size());
  return token;
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  // Lengths are not secret (tokens and hashes have fixed sizes); contents are.
  if (a.size() != b.size()) return false;
  return a.empty() || CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace persona::crypto
