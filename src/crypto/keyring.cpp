#include "crypto/keyring.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <map>
#include <optional>
#include <stdexcept>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include "core/random.h"
#include "crypto/aes_gcm.h"
#include "crypto/encoding.h"

namespace persona::crypto {
namespace {

constexpr std::size_t kMaxKidLength = 64;
constexpr const char* kEnvName = "PERSONA_MASTER_KEY";

// Owns a file descriptor for the few lines that need one.
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int Get() const { return fd_; }

 private:
  int fd_;
};

// Holds text that may contain key material and wipes it when done.
class SecretText {
 public:
  SecretText() = default;
  ~SecretText() { OPENSSL_cleanse(text_.data(), text_.size()); }
  SecretText(const SecretText&) = delete;
  SecretText& operator=(const SecretText&) = delete;
  std::string& Get() { return text_; }

 private:
  std::string text_;
};

std::string SystemError(const std::string& what) { return what + ": " + std::strerror(errno); }

bool ValidKid(std::string_view kid) {
  if (kid.empty() || kid.size() > kMaxKidLength) return false;
  return std::all_of(kid.begin(), kid.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
           c == '-';
  });
}

std::string_view Trim(std::string_view s) {
  constexpr std::string_view kSpace = " \t\r\n";
  std::size_t begin = s.find_first_not_of(kSpace);
  if (begin == std::string_view::npos) return {};
  return s.substr(begin, s.find_last_not_of(kSpace) - begin + 1);
}

std::string RandomKeyBytes() {
  std::string key(kAesGcmKeyBytes, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(key.data()), static_cast<int>(key.size())) != 1) {
    throw std::runtime_error("the system random generator failed");
  }
  return key;
}

// `where` reads like "in /data/master.key" or "in PERSONA_MASTER_KEY". The messages name
// kids and lines, never the base64 text, which is the key itself.
MasterKey DecodeKey(std::string_view kid, std::string_view base64, const std::string& where) {
  std::optional<std::string> key = Base64Decode(base64);
  if (!key) throw std::runtime_error("key " + std::string(kid) + " " + where + " is not valid base64");
  if (key->size() != kAesGcmKeyBytes) {
    std::size_t size = key->size();
    OPENSSL_cleanse(key->data(), key->size());
    throw std::runtime_error("key " + std::string(kid) + " " + where + " is " + std::to_string(size) +
                             " bytes; keys are 32 bytes (AES-256)");
  }
  return MasterKey{std::string(kid), std::move(*key)};
}

std::vector<MasterKey> ParseKeyFile(std::string_view content, const std::string& file) {
  std::vector<MasterKey> keys;
  std::map<std::string, int, std::less<>> line_of_kid;
  int line_number = 0;
  while (!content.empty()) {
    std::size_t newline = content.find('\n');
    std::string_view line = Trim(content.substr(0, newline));
    content = newline == std::string_view::npos ? std::string_view{} : content.substr(newline + 1);
    ++line_number;
    if (line.empty() || line.front() == '#') continue;
    std::string where = "line " + std::to_string(line_number);
    std::size_t space = line.find_first_of(" \t");
    if (space == std::string_view::npos) {
      throw std::runtime_error("key file " + file + " " + where + " is malformed: expected \"<kid> <base64 key>\"");
    }
    std::string_view kid = line.substr(0, space);
    std::string_view base64 = Trim(line.substr(space));
    if (base64.find_first_of(" \t") != std::string_view::npos) {
      throw std::runtime_error("key file " + file + " " + where + " is malformed: expected \"<kid> <base64 key>\"");
    }
    if (!ValidKid(kid)) {
      throw std::runtime_error("key file " + file + " " + where +
                               " has an invalid kid; a kid is 1-64 characters from A-Z a-z 0-9 . _ -");
    }
    auto [it, inserted] = line_of_kid.emplace(std::string(kid), line_number);
    if (!inserted) {
      throw std::runtime_error("key file " + file + " has kid " + std::string(kid) + " on lines " +
                               std::to_string(it->second) + " and " + std::to_string(line_number) +
                               "; kids must be unique");
    }
    keys.push_back(DecodeKey(kid, base64, "in " + file));
  }
  if (keys.empty()) throw std::runtime_error("key file " + file + " holds no key");
  return keys;
}

std::vector<MasterKey> ParseEnvironment(std::string_view value) {
  std::vector<std::string_view> entries;
  while (true) {
    std::size_t comma = value.find(',');
    entries.push_back(Trim(value.substr(0, comma)));
    if (comma == std::string_view::npos) break;
    value = value.substr(comma + 1);
  }
  const std::string where = std::string("in ") + kEnvName;
  // Base64 has no ':', so a lone entry without one can only be a bare key.
  if (entries.size() == 1 && entries[0].find(':') == std::string_view::npos) {
    return {DecodeKey("env-1", entries[0], where)};
  }
  std::vector<MasterKey> keys;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    std::size_t colon = entries[i].find(':');
    std::string entry_name = std::string(kEnvName) + " entry " + std::to_string(i + 1);
    if (colon == std::string_view::npos) {
      throw std::runtime_error(entry_name + " is malformed: with several keys each must be \"kid:base64key\"");
    }
    std::string_view kid = Trim(entries[i].substr(0, colon));
    if (!ValidKid(kid)) {
      throw std::runtime_error(entry_name + " has an invalid kid; a kid is 1-64 characters from A-Z a-z 0-9 . _ -");
    }
    for (const MasterKey& key : keys) {
      if (key.kid == kid) throw std::runtime_error(std::string(kEnvName) + " has kid " + key.kid + " twice");
    }
    keys.push_back(DecodeKey(kid, Trim(entries[i].substr(colon + 1)), where));
  }
  return keys;
}

std::string ReadAll(int fd, const std::string& file) {
  std::string content;
  char buffer[4096];
  off_t offset = 0;
  while (true) {
    ssize_t n = ::pread(fd, buffer, sizeof buffer, offset);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw std::runtime_error(SystemError("cannot read key file " + file));
    if (n == 0) break;
    content.append(buffer, static_cast<std::size_t>(n));
    offset += n;
  }
  OPENSSL_cleanse(buffer, sizeof buffer);
  return content;
}

void WriteAll(int fd, std::string_view data, const std::string& file) {
  while (!data.empty()) {
    ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw std::runtime_error(SystemError("cannot write key file " + file));
    data.remove_prefix(static_cast<std::size_t>(n));
  }
}

// The key file protects every secret in the database: anyone else who can read it
// defeats the encryption, so a loose mode is an error rather than a warning.
void CheckMode(int fd, const std::string& file) {
  struct stat st {};
  if (::fstat(fd, &st) != 0) throw std::runtime_error(SystemError("cannot stat key file " + file));
  if (!S_ISREG(st.st_mode)) throw std::runtime_error("key file " + file + " is not a regular file");
  if ((st.st_mode & 077) != 0) {
    char mode[8];
    std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(st.st_mode & 07777));
    throw std::runtime_error("key file " + file + " has mode " + mode + "; it must be 0600 (chmod 600 " + file + ")");
  }
}

void Lock(int fd, int operation, const std::string& file) {
  while (::flock(fd, operation) != 0) {
    if (errno != EINTR) throw std::runtime_error(SystemError("cannot lock key file " + file));
  }
}

std::vector<MasterKey> ReadKeyFile(int fd, const std::string& file) {
  CheckMode(fd, file);
  SecretText content;
  content.Get() = ReadAll(fd, file);
  return ParseKeyFile(content.Get(), file);
}

std::string KeyLine(const MasterKey& key) { return key.kid + " " + Base64Encode(key.key) + "\n"; }

MasterKey NewKey(std::size_t existing_keys) {
  // The random suffix keeps kids unique even across key files restored side by side.
  // Built by appending: g++ 12 at -O3 warns falsely (-Wrestrict) on "k" + std::string.
  std::string kid = "k";
  kid.append(std::to_string(existing_keys + 1)).append("-").append(RandomHex(4));
  return MasterKey{std::move(kid), RandomKeyBytes()};
}

void SyncDirectory(const std::filesystem::path& file) {
  std::filesystem::path dir = file.parent_path().empty() ? "." : file.parent_path();
  Fd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (fd.Get() < 0 || ::fsync(fd.Get()) != 0) {
    throw std::runtime_error(SystemError("cannot sync directory " + dir.string()));
  }
}

// Writes a complete file under a temporary name and links it into place, so a reader (a
// CLI command next to a starting server) never sees a half-written key file, and of two
// processes creating it at once exactly one wins. Returns nullopt if the file appeared.
std::optional<MasterKey> CreateKeyFile(const std::filesystem::path& key_file) {
  const std::string file = key_file.string();
  std::filesystem::path temp = key_file;
  temp += ".tmp-" + RandomHex(8);
  MasterKey key = NewKey(0);
  {
    Fd fd(::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600));
    if (fd.Get() < 0) throw std::runtime_error(SystemError("cannot create key file " + file));
    try {
      SecretText line;
      line.Get() = KeyLine(key);
      WriteAll(fd.Get(), line.Get(), file);
      if (::fsync(fd.Get()) != 0) throw std::runtime_error(SystemError("cannot sync key file " + file));
    } catch (...) {
      ::unlink(temp.c_str());
      throw;
    }
  }
  int rc = ::link(temp.c_str(), key_file.c_str());
  int link_errno = errno;
  ::unlink(temp.c_str());
  if (rc != 0) {
    if (link_errno == EEXIST) return std::nullopt;
    errno = link_errno;
    throw std::runtime_error(SystemError("cannot create key file " + file));
  }
  SyncDirectory(key_file);
  return key;
}

}  // namespace

Keyring::Keyring(std::vector<MasterKey> keys) : keys_(std::move(keys)) {
  if (keys_.empty()) throw std::invalid_argument("a keyring needs at least one key");
  for (std::size_t i = 0; i < keys_.size(); ++i) {
    if (!ValidKid(keys_[i].kid)) throw std::invalid_argument("invalid kid in keyring");
    if (keys_[i].key.size() != kAesGcmKeyBytes) {
      throw std::invalid_argument("key " + keys_[i].kid + " is not 32 bytes");
    }
    for (std::size_t j = 0; j < i; ++j) {
      if (keys_[j].kid == keys_[i].kid) throw std::invalid_argument("kid " + keys_[i].kid + " appears twice");
    }
  }
}

Keyring::~Keyring() {
  for (MasterKey& key : keys_) OPENSSL_cleanse(key.key.data(), key.key.size());
}

Keyring Keyring::Load(const std::filesystem::path& key_file, const char* env_master_key) {
  if (env_master_key != nullptr && *env_master_key != '\0') return Keyring(ParseEnvironment(env_master_key));
  const std::string file = key_file.string();
  // Two rounds: if another process creates the file between our open and our create,
  // the second open sees its complete file.
  for (int attempt = 0; attempt < 2; ++attempt) {
    Fd fd(::open(key_file.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.Get() >= 0) {
      // Shared lock: a concurrent Rotate appends under an exclusive one.
      Lock(fd.Get(), LOCK_SH, file);
      return Keyring(ReadKeyFile(fd.Get(), file));
    }
    if (errno != ENOENT) throw std::runtime_error(SystemError("cannot open key file " + file));
    if (std::optional<MasterKey> created = CreateKeyFile(key_file)) return Keyring({std::move(*created)});
  }
  throw std::runtime_error("key file " + file + " keeps disappearing");
}

MasterKey Keyring::Rotate(const std::filesystem::path& key_file) {
  const std::string file = key_file.string();
  for (int attempt = 0; attempt < 2; ++attempt) {
    Fd fd(::open(key_file.c_str(), O_RDWR | O_APPEND | O_CLOEXEC));
    if (fd.Get() < 0) {
      if (errno != ENOENT) throw std::runtime_error(SystemError("cannot open key file " + file));
      if (std::optional<MasterKey> created = CreateKeyFile(key_file)) return std::move(*created);
      continue;
    }
    Lock(fd.Get(), LOCK_EX, file);
    Keyring existing(ReadKeyFile(fd.Get(), file));
    MasterKey key = NewKey(existing.keys_.size());
    while (existing.Find(key.kid) != nullptr) key = NewKey(existing.keys_.size());
    SecretText line;
    // A hand-edited file may lack its final newline; the new key must start a line.
    struct stat st {};
    if (::fstat(fd.Get(), &st) != 0) throw std::runtime_error(SystemError("cannot stat key file " + file));
    if (st.st_size > 0) {
      char last = '\n';
      if (::pread(fd.Get(), &last, 1, st.st_size - 1) == 1 && last != '\n') line.Get() = "\n";
    }
    line.Get() += KeyLine(key);
    WriteAll(fd.Get(), line.Get(), file);
    if (::fsync(fd.Get()) != 0) throw std::runtime_error(SystemError("cannot sync key file " + file));
    return key;
  }
  throw std::runtime_error("key file " + file + " keeps disappearing");
}

const MasterKey* Keyring::Find(std::string_view kid) const {
  for (const MasterKey& key : keys_) {
    if (key.kid == kid) return &key;
  }
  return nullptr;
}

std::optional<MasterKey> Keyring::FindKey(std::string_view kid) const {
  const MasterKey* key = Find(kid);
  if (key == nullptr) return std::nullopt;
  return *key;
}

std::vector<std::string> Keyring::Kids() const {
  std::vector<std::string> kids;
  kids.reserve(keys_.size());
  for (const MasterKey& key : keys_) kids.push_back(key.kid);
  return kids;
}

}  // namespace persona::crypto
