#pragma once

#include "app/export_service.h"
#include "crypto/field_cipher.h"
#include "storage/pg/pool.h"

namespace persona::storage {

class PgExportStore : public app::ExportStore {
 public:
  PgExportStore(ConnectionPool& pool, const crypto::FieldCipher& cipher) : pool_(pool), cipher_(cipher) {}

  std::optional<std::string> PasswordHash(const std::string& user_id) override;
  void RecordSecretsExport(const std::string& user_id, bool allowed, Clock::TimePoint now,
                           const app::ClientInfo& client) override;
  void Write(const app::ExportRequest& request, const app::ExportWriter& write) override;

 private:
  ConnectionPool& pool_;
  const crypto::FieldCipher& cipher_;
};

}  // namespace persona::storage
