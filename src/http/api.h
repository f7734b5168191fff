#pragma once

#include <functional>
#include <span>

#include "app/account_service.h"
#include "app/activity_service.h"
#include "app/auth_service.h"
#include "app/dashboard_service.h"
#include "app/export_service.h"
#include "app/key_status_service.h"
#include "app/persona_service.h"
#include "app/post_service.h"
#include "app/proxy_service.h"
#include "app/security_event_service.h"
#include "app/session_service.h"
#include "app/template_service.h"
#include "app/user_service.h"
#include "core/metrics.h"
#include "http/handlers/health_handler.h"
#include "http/router.h"
#include "http/web_assets.h"

namespace persona::http {

// Everything the HTTP API needs, built once by the composition root (serve) or a test.
struct ApiServices {
  app::AuthService& auth;
  app::UserService& users;
  app::AccountService& accounts;
  app::PersonaService& personas;
  app::ProxyService& proxies;
  app::TemplateService& templates;
  app::PostService& posts;
  app::SecurityEventService& security_events;
  app::ActivityService& activity;
  app::SessionService& sessions;
  app::DashboardService& dashboard;
  app::ExportService& exports;
  app::KeyStatusService& keys;
  // What GET /metrics shows.
  const Metrics& metrics;
  std::function<Readiness()> readiness;
  // Opens what one request's work shares (Router::SetRequestScope): the database lease.
  RequestScope request_scope;
  // The UI's files: the embedded copy, or a WebDirectory's (PERSONA_WEB_DIR).
  std::span<const WebAsset> web_assets = kWebAssets;
};

// Every route of the server, with authentication by default: the one place that says
// what the API is, so `serve` and the tests run the same thing.
void BuildApi(Router& router, ApiServices services);

}  // namespace persona::http
