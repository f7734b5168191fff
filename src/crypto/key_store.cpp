#include "crypto/key_store.h"

namespace persona::crypto {
namespace {
constexpr auto kRecheckInterval = std::chrono::seconds(1);
}

KeyStore::KeyStore(std::filesystem::path key_file, std::optional<std::string> env_keys)
    : key_file_(std::move(key_file)), env_keys_(std::move(env_keys)) {
  keyring_ = std::make_shared<const Keyring>(Keyring::Load(key_file_, env_keys_ ? env_keys_->c_str() : nullptr));
  std::error_code ec;
  loaded_mtime_ = std::filesystem::last_write_time(key_file_, ec);
  last_check_ = std::chrono::steady_clock::now();
}

std::shared_ptr<const Keyring> KeyStore::Snapshot(bool force_reload) const {
  std::lock_guard lock(mutex_);
  if (env_keys_) return keyring_;
  auto now = std::chrono::steady_clock::now();
  if (!force_reload && now - last_check_ < kRecheckInterval) return keyring_;
  last_check_ = now;
  std::error_code ec;
  auto mtime = std::filesystem::last_write_time(key_file_, ec);
  if (ec || (!force_reload && mtime == loaded_mtime_)) return keyring_;
  try {
    keyring_ = std::make_shared<const Keyring>(Keyring::Load(key_file_, nullptr));
    loaded_mtime_ = mtime;
  } catch (const std::exception&) {
    // A file caught half-written or made unsafe keeps the keys already loaded; the
    // next check tries again.
  }
  return keyring_;
}

MasterKey KeyStore::CurrentKey() const { return Snapshot(false)->CurrentKey(); }

std::optional<MasterKey> KeyStore::FindKey(std::string_view kid) const {
  if (auto key = Snapshot(false)->FindKey(kid)) return key;
  return Snapshot(true)->FindKey(kid);
}

std::vector<std::string> KeyStore::Kids() const { return Snapshot(false)->Kids(); }

}  // namespace persona::crypto
