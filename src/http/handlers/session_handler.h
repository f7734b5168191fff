#pragma once

#include "app/session_service.h"
#include "http/router.h"

namespace persona::http {

// Work sessions: POST /personas/{id}/sessions, GET /sessions (filters persona_id,
// status, from, to), GET/PATCH /sessions/{id}, POST /sessions/{id}/end.
void AddSessionRoutes(Router& router, app::SessionService& sessions);

}  // namespace persona::http
