#pragma once

#include "app/key_status_service.h"
#include "http/router.h"

namespace persona::http {

// GET /api/v1/keys.
void AddKeyStatusRoutes(Router& router, app::KeyStatusService& keys);

}  // namespace persona::http
