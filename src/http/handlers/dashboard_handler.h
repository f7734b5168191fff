#pragma once

#include "app/dashboard_service.h"
#include "http/router.h"

namespace persona::http {

// GET /api/v1/dashboard.
void AddDashboardRoutes(Router& router, app::DashboardService& dashboard);

}  // namespace persona::http
