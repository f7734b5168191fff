#include "app/export_service.h"

#include "core/errors.h"
#include "core/time_format.h"

namespace persona::app {

ExportRequest ExportService::Prepare(const std::string& user_id, bool include_secrets,
                                     const std::optional<std::string>& password, const ClientInfo& client) {
  auto hash = store_.PasswordHash(user_id);
  if (!hash) throw NotFoundError("no such user");
  auto now = clock_.Now();
  if (include_secrets) {
    bool allowed = password && hasher_.Verify(*password, *hash);
    store_.RecordSecretsExport(user_id, allowed, now, client);
    if (!allowed) throw ReauthFailed();
  }
  return {.user_id = user_id, .include_secrets = include_secrets, .exported_at = FormatTimestamp(now)};
}

}  // namespace persona::app
