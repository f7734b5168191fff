#pragma once

#include "app/proxy_service.h"
#include "http/router.h"

namespace persona::http {

// /api/v1/proxies: inventory, import, health checks and their history, monthly costs.
void AddProxyRoutes(Router& router, app::ProxyService& proxies);

}  // namespace persona::http
