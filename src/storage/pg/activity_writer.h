#pragma once

#include <pqxx/pqxx>

#include "app/activity.h"
#include "core/clock.h"

namespace persona::storage {

// Inserts the activity_logs row for a change, inside that change's transaction.
void RecordActivity(pqxx::work& tx, const app::Activity& activity, Clock::TimePoint now);

}  // namespace persona::storage
