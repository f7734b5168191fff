#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

// AES-256-GCM over OpenSSL EVP. This is the primitive; values stored in the database go
// through FieldCipher, which fixes the IV and tag sizes and binds each value to its place.
namespace persona::crypto {

inline constexpr std::size_t kAesGcmKeyBytes = 32;
inline constexpr std::size_t kAesGcmIvBytes = 12;  // the 96-bit IV GCM is designed around
inline constexpr std::size_t kAesGcmTagBytes = 16;
// Shorter tags than 96 bits make forgeries cheap (NIST SP 800-38D); refuse them outright.
inline constexpr std::size_t kAesGcmMinTagBytes = 12;

struct AesGcmResult {
  std::string ciphertext;  // same length as the plaintext
  std::string tag;
};

// Throws std::invalid_argument for a key that is not 32 bytes, an empty IV or a tag
// length outside [12, 16]; std::runtime_error if OpenSSL fails. The caller owns IV
// uniqueness: never reuse an IV with the same key.
AesGcmResult AesGcmEncrypt(std::string_view key, std::string_view iv, std::string_view plaintext, std::string_view aad,
                           std::size_t tag_bytes = kAesGcmTagBytes);

// The plaintext, or std::nullopt when the tag does not verify (wrong key, IV, AAD,
// ciphertext or tag, or a tag length outside [12, 16]). Never returns or leaves behind
// partial plaintext. Throws std::invalid_argument for a bad key or an empty IV: those are
// programmer errors, not bad data.
std::optional<std::string> AesGcmDecrypt(std::string_view key, std::string_view iv, std::string_view ciphertext,
                                         std::string_view aad, std::string_view tag);

}  // namespace persona::crypto
