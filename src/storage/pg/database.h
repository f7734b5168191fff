#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "config/config.h"
#include "core/log.h"

namespace persona::storage {

class DataDirectory;
class EmbeddedPostgres;

// Finds the database a process works on: PERSONA_DATABASE_URL, or else the embedded
// cluster of the data directory — started here when no other persona process runs it,
// joined when one does (so commands work while `serve` runs).
class Database {
 public:
  enum class Role {
    kServer,   // must own the data directory: a second server there is refused
    kCommand,  // joins a running owner, or becomes a temporary one
  };

  // Throws ConflictError when a server finds the data directory owned, and
  // std::runtime_error / DatabaseUnavailable when the cluster cannot start.
  Database(const Config& config, Role role, std::string_view command, Logger& log);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // libpq connection string; may contain a password, never log it.
  const std::string& ConnectionString() const { return conninfo_; }
  // The same, safe to show.
  std::string Description() const;
  bool Embedded() const { return embedded_ != nullptr; }

  // For the owner of an embedded cluster: restart it if it died. Call it from one
  // thread only, periodically; errors are logged and retried on the next call.
  void Supervise();

 private:
  Logger& log_;
  std::unique_ptr<DataDirectory> data_dir_;
  std::unique_ptr<EmbeddedPostgres> embedded_;
  bool owner_ = false;
  bool client_ = false;
  std::string conninfo_;
  std::string description_;
};

}  // namespace persona::storage
