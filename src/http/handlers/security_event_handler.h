#pragma once

#include "app/security_event_service.h"
#include "http/router.h"

namespace persona::http {

// GET /api/v1/security-events, POST /api/v1/security-events/{id}/resolve.
void AddSecurityEventRoutes(Router& router, app::SecurityEventService& events);

}  // namespace persona::http
