#include "storage/pg/schema_version.h"

#include <array>
#include <string_view>

namespace persona::storage {
namespace {

// One entry per migration, in order; a new migration adds its own (a test holds this
// table and db/migrations to the same length).
constexpr std::array<std::string_view, 12> kVersions = {
    "1.0.0",  // 0001 initial_schema: the seed's data model
    "1.1.0",  // 0002 auth: login sessions, API tokens, TOTP, throttling
    "1.2.0",  // 0003 account_owner: accounts carry their user
    "1.3.0",  // 0004 core_api: proxies per user, assignment checks, health history, tier trigger
    "1.4.0",  // 0005 posts: owner, schedule, persona-local daily count
    "1.5.0",  // 0006 activity_queries: activity indexes, risk_level check
    "1.6.0",  // 0007 sessions: owner, quiet-period tracking, one live session per persona
    "1.7.0",  // 0008 risk: risk factors and their triggers
    "1.8.0",  // 0009 retention: DEFAULT rows moved into new partitions, retention indexes
    "2.0.0",  // 0010 activity_source: activity_data as sent, its writer in activity_logs.source
    "2.1.0",  // 0011 password_change_required: the first admin's generated password is flagged
    "2.2.0",  // 0012 activity_rates: per-persona action counters score manual actions
};

}  // namespace

std::string SchemaVersionAfter(int migration) {
  if (migration == 0) return "0.0.0";
  if (migration < 0 || migration > static_cast<int>(kVersions.size())) return "";
  return std::string(kVersions[migration - 1]);
}

}  // namespace persona::storage
