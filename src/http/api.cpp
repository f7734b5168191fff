#include "http/api.h"

#include "http/handlers/account_handler.h"
#include "http/handlers/activity_handler.h"
#include "http/handlers/auth_handler.h"
#include "http/handlers/dashboard_handler.h"
#include "http/handlers/export_handler.h"
#include "http/handlers/key_status_handler.h"
#include "http/handlers/metrics_handler.h"
#include "http/handlers/openapi_handler.h"
#include "http/handlers/persona_handler.h"
#include "http/handlers/post_handler.h"
#include "http/handlers/proxy_handler.h"
#include "http/handlers/security_event_handler.h"
#include "http/handlers/session_handler.h"
#include "http/handlers/template_handler.h"
#include "http/handlers/web_handler.h"

namespace persona::http {

void BuildApi(Router& router, ApiServices services) {
  router.SetAuthenticator(MakeAuthenticator(services.auth));
  router.SetRequestScope(std::move(services.request_scope));
  AddHealthRoutes(router, std::move(services.readiness));
  AddMetricsRoute(router, services.metrics);
  AddAuthRoutes(router, services.auth, services.users);
  AddOpenApiRoute(router);
  AddPersonaRoutes(router, services.personas, services.proxies);
  AddAccountRoutes(router, services.accounts);
  AddProxyRoutes(router, services.proxies);
  AddTemplateRoutes(router, services.templates);
  AddPostRoutes(router, services.posts);
  AddSecurityEventRoutes(router, services.security_events);
  AddActivityRoutes(router, services.activity);
  AddSessionRoutes(router, services.sessions);
  AddDashboardRoutes(router, services.dashboard);
  AddExportRoutes(router, services.exports);
  AddKeyStatusRoutes(router, services.keys);
  // Last: the UI answers only what no route above knows.
  AddWebUi(router, services.web_assets);
}

}  // namespace persona::http
