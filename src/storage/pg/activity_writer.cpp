#include "storage/pg/activity_writer.h"

#include "core/time_format.h"
#include "storage/pg/sql_params.h"

namespace persona::storage {

app::Activity ActivityOf(const std::string& user_id, const char* type, nlohmann::json data,
                         const app::ClientInfo& client, std::optional<std::string> persona_id,
                         std::optional<std::string> platform_type) {
  return {.user_id = user_id,
          .activity_type = type,
          .data = std::move(data),
          .ip_address = client.ip,
          .user_agent = client.user_agent,
          .persona_id = std::move(persona_id),
          .platform_type = std::move(platform_type)};
}

void RecordActivity(pqxx::work& tx, const app::Activity& a, Clock::TimePoint now) {
  tx.exec_prepared("activity_insert", a.user_id, OrNull(a.persona_id), a.activity_type, OrNull(a.platform_type),
                   a.data.dump(), NullIfEmpty(a.ip_address), NullIfEmpty(a.user_agent), FormatTimestamp(now));
}

}  // namespace persona::storage
