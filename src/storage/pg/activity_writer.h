#pragma once

#include <pqxx/pqxx>

#include "app/activity.h"
#include "app/auth_service.h"
#include "core/clock.h"

namespace persona::storage {

// The activity row of a change by `client`, for a persona and a platform where there is one.
app::Activity ActivityOf(const std::string& user_id, const char* type, nlohmann::json data,
                         const app::ClientInfo& client, std::optional<std::string> persona_id = std::nullopt,
                         std::optional<std::string> platform_type = std::nullopt);

// Inserts the activity_logs row for a change, inside that change's transaction.
void RecordActivity(pqxx::work& tx, const app::Activity& activity, Clock::TimePoint now);

}  // namespace persona::storage
