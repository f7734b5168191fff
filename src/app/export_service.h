#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "app/auth_service.h"
#include "core/clock.h"
#include "crypto/password_hasher.h"

namespace persona::app {

// Receives the export document one piece at a time (docs/export.md).
using ExportWriter = std::function<void(std::string_view)>;

struct ExportRequest {
  std::string user_id;
  bool include_secrets = false;
  std::string exported_at;  // RFC 3339, UTC
};

class ExportStore {
 public:
  virtual ~ExportStore() = default;
  // nullopt when there is no such user.
  virtual std::optional<std::string> PasswordHash(const std::string& user_id) = 0;
  // A security event for an export with secrets: granted, or refused for a wrong password.
  virtual void RecordSecretsExport(const std::string& user_id, bool allowed, Clock::TimePoint now,
                                   const ClientInfo& client) = 0;
  // Writes the whole document from one snapshot, reading rows through cursors, so
  // memory does not grow with the user's data.
  virtual void Write(const ExportRequest& request, const ExportWriter& write) = 0;
};

// GET /me/export and `persona export`: everything a user owns as one JSON document.
class ExportService {
 public:
  ExportService(ExportStore& store, const crypto::PasswordHasher& hasher, const Clock& clock)
      : store_(store), hasher_(hasher), clock_(clock) {}

  // Everything that can refuse, done before the first byte is written: NotFoundError
  // for no such user; with secrets, ReauthFailed unless `password` is the user's
  // (either way recorded as a security event).
  ExportRequest Prepare(const std::string& user_id, bool include_secrets, const std::optional<std::string>& password,
                        const ClientInfo& client);
  void Write(const ExportRequest& request, const ExportWriter& write) { store_.Write(request, write); }

 private:
  ExportStore& store_;
  const crypto::PasswordHasher& hasher_;
  const Clock& clock_;
};

}  // namespace persona::app
