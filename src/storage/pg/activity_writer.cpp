#include "storage/pg/activity_writer.h"

#include "core/time_format.h"
#include "storage/pg/sql_params.h"

namespace persona::storage {

void RecordActivity(pqxx::work& tx, const app::Activity& a, Clock::TimePoint now) {
  tx.exec_prepared("activity_insert", a.user_id, OrNull(a.persona_id), a.activity_type, OrNull(a.platform_type),
                   a.data.dump(), NullIfEmpty(a.ip_address), NullIfEmpty(a.user_agent), FormatTimestamp(now));
}

}  // namespace persona::storage
