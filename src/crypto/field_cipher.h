#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crypto/keyring.h"

namespace persona::crypto {

// Encrypts single column values for storage in a TEXT column, as the seed's EncryptedField
// JSON plus the key id: {"algorithm":"AES-256-GCM","iv":b64,"data":b64,"tag":b64,"kid":"k1-..."}.
//
// Each value gets a fresh random 96-bit IV, and its associated data binds it to
// (table, column, row id) and to the kid, so a ciphertext copied to another row, column
// or table, or relabelled with another kid, fails to decrypt instead of leaking a
// secret into the wrong place. Safe to share between threads: it holds no mutable state.
class FieldCipher {
 public:
  // The key provider (a Keyring, or a KeyStore following the key file) must outlive the
  // cipher. Each call asks it for keys, so a key rotated in while the process runs is
  // used for the next write.
  explicit FieldCipher(const KeyProvider& keys) : keys_(keys) {}

  // Encrypts under the keyring's current key. Throws std::runtime_error only if OpenSSL
  // or the random generator fails.
  std::string Encrypt(std::string_view plaintext, std::string_view table, std::string_view column,
                      std::string_view row_id) const;

  // The plaintext, or std::nullopt when `stored` cannot be trusted: malformed JSON, members
  // missing, extra or not strings, another algorithm, bad base64, an IV that is not 12
  // bytes or a tag that is not 16, an unknown kid, or a tag that does not verify (tampered
  // value, wrong table/column/row, relabelled kid). Callers treat nullopt as data
  // corruption or tampering and report it without the stored value's contents.
  std::optional<std::string> Decrypt(const std::string& stored, std::string_view table, std::string_view column,
                                     std::string_view row_id) const;

  // The kid new writes use; a stored value whose KidOf differs still needs a rewrap.
  std::string CurrentKid() const { return keys_.CurrentKey().kid; }
  // Every kid the cipher can decrypt, oldest first.
  std::vector<std::string> Kids() const { return keys_.Kids(); }

  // The kid a stored value names, without decrypting it (for `keys status` and rewrap,
  // which look for values not yet under the current key); nullopt if it names none.
  static std::optional<std::string> KidOf(const std::string& stored);

 private:
  const KeyProvider& keys_;
};

}  // namespace persona::crypto
