#include "storage/pg/activity_writer.h"

#include "core/time_format.h"

namespace persona::storage {

void RecordActivity(pqxx::work& tx, const app::Activity& a, Clock::TimePoint now) {
  auto or_null = [](const std::optional<std::string>& s) { return s ? s->c_str() : nullptr; };
  auto null_if_empty = [](const std::string& s) { return s.empty() ? nullptr : s.c_str(); };
  tx.exec_prepared("activity_insert", a.user_id, or_null(a.persona_id), a.activity_type, or_null(a.platform_type),
                   a.data.dump(), null_if_empty(a.ip_address), null_if_empty(a.user_agent), FormatTimestamp(now));
}

}  // namespace persona::storage
