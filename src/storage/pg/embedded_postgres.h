#pragma once

#include <sys/types.h>

#include <filesystem>
#include <optional>
#include <string>

#include "core/log.h"
#include "core/process.h"

namespace persona::storage {

// A private PostgreSQL cluster inside the data directory: created with initdb (SCRAM
// auth) on first use, listening on a Unix socket only, stopped cleanly with the process.
// Under root it runs as the `postgres` system user, since PostgreSQL refuses root.
//
// Layout: DIR/postgres (the cluster), DIR/run (its socket; a short path under /tmp when
// DIR is too long for a socket name), DIR/db-password (0600), DIR/postgres.log.
class EmbeddedPostgres {
 public:
  // kScratch is for throwaway clusters (the tests'): no fsync anywhere, so a crash of the
  // machine may lose it. Every real cluster is kDurable.
  enum class Durability { kDurable, kScratch };

  EmbeddedPostgres(std::filesystem::path data_dir, Logger& log, Durability durability = Durability::kDurable);
  ~EmbeddedPostgres();
  EmbeddedPostgres(const EmbeddedPostgres&) = delete;
  EmbeddedPostgres& operator=(const EmbeddedPostgres&) = delete;

  // Creates the cluster if needed, recovers from a killed previous owner, starts the
  // server and waits until it accepts connections. The caller must own the data
  // directory (DataDirectory::TryLockOwner). Throws std::runtime_error on failure.
  void Start();
  // Fast shutdown (in-flight transactions roll back, committed ones are durable).
  void Stop();
  bool Running() const { return pid_ > 0; }

  // Called periodically by the owner: if the cluster exited on its own (crash, OOM
  // kill, someone's kill), starts it again. Returns true when a restart happened.
  // Throws like Start() when the restart fails (the caller retries on its next tick).
  bool RestartIfExited();

  // Waits (up to `timeout_ms`) for a cluster another process started to accept
  // connections; throws DatabaseUnavailable when it does not.
  void WaitUntilReady(int timeout_ms) const;

  // libpq connection string for the `persona` database. Contains the password: never
  // log it.
  std::string ConnectionString() const { return ConnectionString("persona"); }
  std::string ConnectionString(const std::string& database) const;

  bool ClusterExists() const;

 private:
  void InitCluster();
  void StopOrphan();
  void EnsureDatabase();
  std::string ReadPassword() const;
  std::string LogTail() const;
  std::vector<std::string> ChildEnvironment() const;

  std::filesystem::path data_dir_;
  std::filesystem::path cluster_dir_;
  std::filesystem::path socket_dir_;
  std::filesystem::path password_file_;
  std::filesystem::path log_file_;
  std::filesystem::path bin_dir_;
  std::optional<SystemUser> run_as_;
  Logger& log_;
  Durability durability_;
  pid_t pid_ = -1;
};

// The directory holding the newest installed PostgreSQL server binaries
// (PERSONA_PG_BINDIR overrides). Throws with an install hint when there is none.
std::filesystem::path FindPostgresBinDir();

}  // namespace persona::storage
