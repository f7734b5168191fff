#pragma once

#include "app/persona_service.h"
#include "app/proxy_service.h"
#include "http/router.h"

namespace persona::http {

// /api/v1/personas and /api/v1/personas/{id}, with PUT/DELETE …/proxy.
void AddPersonaRoutes(Router& router, app::PersonaService& personas, app::ProxyService& proxies);

}  // namespace persona::http
