#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace persona::crypto {

// One AES-256 master key. `kid` is stored next to every value it encrypts, so a value is
// always decrypted with the key that made it, whatever has been rotated in since.
struct MasterKey {
  std::string kid;
  std::string key;  // 32 raw bytes
};

// Where FieldCipher gets its keys: a fixed Keyring, or something that follows the key
// file while the process runs (KeyStore). Implementations must be safe to call from
// several threads; keys are returned by value so a reload cannot pull one away mid-use.
class KeyProvider {
 public:
  virtual ~KeyProvider() = default;
  // The key new writes use.
  virtual MasterKey CurrentKey() const = 0;
  // The key with this kid, or nullopt if there is none.
  virtual std::optional<MasterKey> FindKey(std::string_view kid) const = 0;
  // Every kid, oldest first (the current one last).
  virtual std::vector<std::string> Kids() const = 0;
};

// The master keys, oldest first; the newest encrypts new writes and the others remain for
// reading until `keys rewrap` has re-encrypted everything under the newest.
//
// Sources, in order of precedence:
//  - PERSONA_MASTER_KEY: `kid:base64key[,kid:base64key...]` (the last one is current), or a
//    single bare base64 key, which gets kid "env-1". Nothing is written to disk.
//  - the key file: one `kid base64key` line per key, append-only, the last line current;
//    blank lines and lines starting with '#' are ignored. Created on first use with one
//    random key. Must be a regular file with mode 0600 (or stricter).
// Errors name the file, line and kid, never key material.
class Keyring : public KeyProvider {
 public:
  // Throws std::invalid_argument when `keys` is empty, a key is not 32 bytes, a kid is
  // malformed (1-64 characters from [A-Za-z0-9._-]) or a kid repeats.
  explicit Keyring(std::vector<MasterKey> keys);
  // Wipes the key bytes, so a dead keyring leaves no key in freed memory.
  ~Keyring() override;
  Keyring(const Keyring&) = default;
  Keyring& operator=(const Keyring&) = default;
  Keyring(Keyring&&) = default;
  Keyring& operator=(Keyring&&) = default;

  // `env_master_key` is the value of PERSONA_MASTER_KEY (may be null); when it is
  // non-empty it wins and `key_file` is not touched. Otherwise `key_file` is read, or
  // created with one new key if it does not exist. Throws std::runtime_error with a
  // message fit for the operator on any problem.
  static Keyring Load(const std::filesystem::path& key_file, const char* env_master_key);

  // Appends a new random key to `key_file` (creating the file if missing), flushes it to
  // disk and returns it; it is current for every keyring loaded afterwards. Validates the
  // existing file first and serialises concurrent rotations with a file lock. It does not
  // know about PERSONA_MASTER_KEY: callers must refuse to rotate when that is set, since
  // a key added to the file would be ignored.
  static MasterKey Rotate(const std::filesystem::path& key_file);

  const MasterKey& Current() const { return keys_.back(); }
  // Null when no key has this kid.
  const MasterKey* Find(std::string_view kid) const;
  std::vector<std::string> Kids() const override;

  MasterKey CurrentKey() const override { return Current(); }
  std::optional<MasterKey> FindKey(std::string_view kid) const override;

 private:
  std::vector<MasterKey> keys_;
};

}  // namespace persona::crypto
