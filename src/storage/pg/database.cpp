#include "storage/pg/database.h"

#include <chrono>

#include "core/errors.h"
#include "storage/data_dir.h"
#include "storage/pg/embedded_postgres.h"

namespace persona::storage {

Database::Database(const Config& config, Role role, std::string_view command, Logger& log) : log_(log) {
  if (config.database_url && role == Role::kCommand) {
    conninfo_ = *config.database_url;
    description_ = RedactConnectionString(conninfo_);
    return;
  }
  data_dir_ = std::make_unique<DataDirectory>(config.data_dir);
  if (role == Role::kServer) {
    std::string holder;
    if (!data_dir_->TryLockOwner(command, holder)) {
      throw ConflictError("the data directory " + data_dir_->Root().string() +
                          " is in use by another persona process (" + holder + "); stop it first");
    }
    owner_ = true;
    if (config.database_url) {
      conninfo_ = *config.database_url;
      description_ = RedactConnectionString(conninfo_);
      return;
    }
    embedded_ = std::make_unique<EmbeddedPostgres>(data_dir_->Root(), log_);
    embedded_->Start();
  } else {
    // Held shared while we use the cluster, so its owner waits for us before stopping.
    data_dir_->LockClient();
    client_ = true;
    embedded_ = std::make_unique<EmbeddedPostgres>(data_dir_->Root(), log_);
    std::string holder;
    if (data_dir_->TryLockOwner(command, holder)) {
      owner_ = true;
      data_dir_->UnlockClient();
      client_ = false;
      embedded_->Start();
    } else {
      embedded_->WaitUntilReady(30000);
    }
  }
  conninfo_ = embedded_->ConnectionString();
  description_ = "embedded PostgreSQL in " + data_dir_->Root().string();
}

Database::~Database() {
  if (owner_) {
    if (embedded_ && embedded_->Running() && !data_dir_->WaitForClients(std::chrono::seconds(30))) {
      log_.Warn("stopping PostgreSQL while other persona commands still use it");
    }
    embedded_.reset();  // stops the cluster
    data_dir_->UnlockOwner();
    data_dir_->UnlockClient();
  } else if (client_) {
    data_dir_->UnlockClient();
  }
}

std::string Database::Description() const { return description_; }

void Database::Supervise() {
  if (!owner_ || !embedded_) return;
  try {
    if (embedded_->RestartIfExited()) log_.Info("the embedded PostgreSQL is back");
  } catch (const std::exception& e) {
    log_.Error("restarting the embedded PostgreSQL failed; retrying", {{"error", e.what()}});
  }
}

}  // namespace persona::storage
