#pragma once

#include <chrono>
#include <filesystem>
#include <string>
#include <string_view>

namespace persona::storage {

// The data directory and the locks that let several persona processes share it.
//
// Whoever runs the embedded PostgreSQL holds `owner.lock` exclusively: `serve`, or a
// command run while no server is up. Every other process that uses the cluster holds
// `clients.lock` shared, and the owner takes it exclusively before stopping the
// cluster, so a command never loses its database half way. flock() locks die with
// their process, so a kill -9 never leaves a stale lock behind.
class DataDirectory {
 public:
  // Creates the directory (mode 0700; 0711 under root so the postgres user can reach
  // its cluster inside) if it is missing. Throws std::runtime_error on failure.
  explicit DataDirectory(std::filesystem::path root);
  ~DataDirectory();
  DataDirectory(const DataDirectory&) = delete;
  DataDirectory& operator=(const DataDirectory&) = delete;

  const std::filesystem::path& Root() const { return root_; }
  std::filesystem::path Path(std::string_view name) const { return root_ / name; }

  // Tries to become the owner; on failure `holder` says who is ("pid 42: persona serve").
  bool TryLockOwner(std::string_view command, std::string& holder);
  void UnlockOwner();

  // Shared hold while using a cluster someone else owns. Blocks while an owner stops.
  void LockClient();
  void UnlockClient();

  // The owner waits (up to `max`) for the other processes to finish before stopping.
  // Returns false if some were still running when time ran out.
  bool WaitForClients(std::chrono::milliseconds max);

 private:
  std::filesystem::path root_;
  int owner_fd_ = -1;
  int clients_fd_ = -1;
};

}  // namespace persona::storage
