#pragma once

#include <chrono>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crypto/keyring.h"

namespace persona::crypto {

// The master keys of a running process, following the key file as other processes
// change it: `persona keys rotate` appends a key while the server runs, and
// `keys rewrap` re-encrypts values under it. So the server picks up a new key for
// writes (the file's mtime is checked at most once a second) and reloads at once when
// it meets a value under a key it does not know yet — reads never fail during a rewrap.
// Keys from PERSONA_MASTER_KEY are fixed for the life of the process.
class KeyStore : public KeyProvider {
 public:
  // Loads now (Keyring::Load rules: the file is created 0600 on first use; wrong mode or
  // length is refused with std::runtime_error).
  KeyStore(std::filesystem::path key_file, std::optional<std::string> env_keys);

  MasterKey CurrentKey() const override;
  std::optional<MasterKey> FindKey(std::string_view kid) const override;
  std::vector<std::string> Kids() const override;

 private:
  std::shared_ptr<const Keyring> Snapshot(bool force_reload) const;

  std::filesystem::path key_file_;
  std::optional<std::string> env_keys_;
  mutable std::mutex mutex_;
  mutable std::shared_ptr<const Keyring> keyring_;
  mutable std::filesystem::file_time_type loaded_mtime_;
  mutable std::chrono::steady_clock::time_point last_check_;
};

}  // namespace persona::crypto
