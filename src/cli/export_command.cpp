#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <istream>
#include <ostream>

#include "cli/commands.h"
#include "cli/schema.h"
#include "cli/services.h"
#include "core/errors.h"
#include "crypto/field_cipher.h"
#include "crypto/key_store.h"
#include "domain/email.h"
#include "storage/pg/database.h"
#include "storage/pg/pool.h"

namespace persona::cli {
namespace {

// The export file: written beside its final name, readable by the owner only (it holds
// personal data, and secrets when asked), renamed into place once complete, so a failed
// export never leaves a file that looks whole.
class ExportFile {
 public:
  explicit ExportFile(std::filesystem::path path) : path_(std::move(path)), partial_(path_.string() + ".partial") {
    fd_ = ::open(partial_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd_ < 0) throw UsageError("cannot write " + partial_.string() + ": " + std::strerror(errno));
  }
  ~ExportFile() {
    if (fd_ >= 0) ::close(fd_);
    if (!done_) std::filesystem::remove(partial_);
  }
  void Write(std::string_view data) {
    while (!data.empty()) {
      auto n = ::write(fd_, data.data(), data.size());
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) throw std::runtime_error("cannot write " + partial_.string() + ": " + std::strerror(errno));
      data.remove_prefix(static_cast<std::size_t>(n));
      bytes_ += static_cast<std::size_t>(n);
    }
  }
  void Finish() {
    if (::fsync(fd_) != 0 || ::close(fd_) != 0) {
      fd_ = -1;
      throw std::runtime_error("cannot write " + partial_.string() + ": " + std::strerror(errno));
    }
    fd_ = -1;
    std::filesystem::rename(partial_, path_);
    done_ = true;
  }
  std::size_t bytes() const { return bytes_; }

 private:
  std::filesystem::path path_;
  std::filesystem::path partial_;
  int fd_ = -1;
  std::size_t bytes_ = 0;
  bool done_ = false;
};

}  // namespace

int Export(const Config& config, Logger& log, const std::string& email, const std::optional<std::string>& output,
           bool include_secrets, std::istream& in, std::ostream& out) {
  auto normalized = domain::NormalizeEmail(email);
  std::optional<std::string> password;
  if (include_secrets) password = ReadPassword(in);
  storage::Database db(config, storage::Database::Role::kCommand, "export", log);
  PrepareSchema(config, db.ConnectionString(), log);
  storage::ConnectionPool pool(db.ConnectionString(), 1);
  crypto::KeyStore keys(config.KeyFile(), config.master_key);
  crypto::FieldCipher cipher(keys);
  crypto::PasswordHasher hasher;
  SystemClock clock;
  Services services(pool, cipher, hasher, clock, NetworkProxyProber(config.proxy_checks));

  auto user_id = services.users.IdOf(normalized);
  if (!user_id) throw NotFoundError("no user has the email " + normalized);
  auto request =
      services.exports.Prepare(*user_id, include_secrets, password, {.ip = "", .user_agent = "persona export"});
  if (!output) {
    services.exports.Write(request, [&](std::string_view piece) { out.write(piece.data(), std::ssize(piece)); });
    out.flush();
    if (!out) throw std::runtime_error("cannot write the export to standard output");
    return kExitOk;
  }
  ExportFile file(*output);
  services.exports.Write(request, [&](std::string_view piece) { file.Write(piece); });
  file.Finish();
  out << "exported " << normalized << " to " << *output << " (" << file.bytes() << " bytes)\n";
  return kExitOk;
}

}  // namespace persona::cli
