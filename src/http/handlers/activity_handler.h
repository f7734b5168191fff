#pragma once

#include "app/activity_service.h"
#include "http/router.h"

namespace persona::http {

// GET /api/v1/activity (filters persona_id, activity_type, platform_type, from, to) and
// POST /api/v1/activity (an action done by hand).
void AddActivityRoutes(Router& router, app::ActivityService& activity);

}  // namespace persona::http
