#include "storage/data_dir.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <thread>

namespace persona::storage {
namespace {

int OpenLockFile(const std::filesystem::path& path) {
  int fd = open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) {
    throw std::runtime_error("cannot open " + path.string() + ": " + std::strerror(errno));
  }
  return fd;
}

}  // namespace

DataDirectory::DataDirectory(std::filesystem::path root) : root_(std::filesystem::absolute(root).lexically_normal()) {
  std::error_code ec;
  bool created = std::filesystem::create_directories(root_, ec);
  if (ec) throw std::runtime_error("cannot create data directory " + root_.string() + ": " + ec.message());
  if (!std::filesystem::is_directory(root_)) {
    throw std::runtime_error("data directory " + root_.string() + " is not a directory");
  }
  if (created) {
    // Under root the cluster runs as `postgres`, which must traverse (not list) this one.
    mode_t mode = geteuid() == 0 ? 0711 : 0700;
    if (chmod(root_.c_str(), mode) != 0) {
      throw std::runtime_error("cannot set permissions on " + root_.string() + ": " + std::strerror(errno));
    }
  }
  if (access(root_.c_str(), W_OK | X_OK) != 0) {
    throw std::runtime_error("data directory " + root_.string() + " is not writable: " + std::strerror(errno));
  }
  owner_fd_ = OpenLockFile(Path("owner.lock"));
  clients_fd_ = OpenLockFile(Path("clients.lock"));
}

DataDirectory::~DataDirectory() {
  if (owner_fd_ >= 0) close(owner_fd_);
  if (clients_fd_ >= 0) close(clients_fd_);
}

bool DataDirectory::TryLockOwner(std::string_view command, std::string& holder) {
  if (flock(owner_fd_, LOCK_EX | LOCK_NB) == 0) {
    std::string who = "pid " + std::to_string(getpid()) + ": persona " + std::string(command) + "\n";
    if (ftruncate(owner_fd_, 0) == 0) {
      [[maybe_unused]] auto n = pwrite(owner_fd_, who.data(), who.size(), 0);
    }
    return true;
  }
  if (errno != EWOULDBLOCK) {
    throw std::runtime_error(std::string("cannot lock the data directory: ") + std::strerror(errno));
  }
  char buf[256] = {};
  ssize_t n = pread(owner_fd_, buf, sizeof buf - 1, 0);
  holder = n > 0 ? std::string(buf, static_cast<std::size_t>(n)) : "another process";
  while (!holder.empty() && (holder.back() == '\n' || holder.back() == '\r')) holder.pop_back();
  return false;
}

void DataDirectory::UnlockOwner() { flock(owner_fd_, LOCK_UN); }

void DataDirectory::LockClient() {
  while (flock(clients_fd_, LOCK_SH) != 0) {
    if (errno != EINTR)
      throw std::runtime_error(std::string("cannot lock the data directory: ") + std::strerror(errno));
  }
}

void DataDirectory::UnlockClient() { flock(clients_fd_, LOCK_UN); }

bool DataDirectory::WaitForClients(std::chrono::milliseconds max) {
  auto deadline = std::chrono::steady_clock::now() + max;
  while (flock(clients_fd_, LOCK_EX | LOCK_NB) != 0) {
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return true;
}

}  // namespace persona::storage
