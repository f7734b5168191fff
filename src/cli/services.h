#pragma once

#include <functional>
#include <memory>

#include "app/account_service.h"
#include "app/activity_service.h"
#include "app/auth_service.h"
#include "app/dashboard_service.h"
#include "app/export_service.h"
#include "app/key_status_service.h"
#include "app/persona_service.h"
#include "app/post_service.h"
#include "app/proxy_service.h"
#include "app/retention_service.h"
#include "app/security_event_service.h"
#include "app/session_service.h"
#include "app/template_service.h"
#include "app/user_service.h"
#include "config/config.h"
#include "core/clock.h"
#include "crypto/field_cipher.h"
#include "crypto/password_hasher.h"
#include "http/api.h"
#include "storage/pg/account_store.h"
#include "storage/pg/activity_store.h"
#include "storage/pg/auth_store.h"
#include "storage/pg/dashboard_store.h"
#include "storage/pg/export_store.h"
#include "storage/pg/key_rewrap.h"
#include "storage/pg/persona_store.h"
#include "storage/pg/pool.h"
#include "storage/pg/post_store.h"
#include "storage/pg/proxy_store.h"
#include "storage/pg/retention_store.h"
#include "storage/pg/security_event_store.h"
#include "storage/pg/session_store.h"
#include "storage/pg/template_store.h"
#include "storage/pg/user_repository.h"

namespace persona::cli {

// Health checks over the network as configured: TCP connect, then CONNECT if set.
app::ProxyProber NetworkProxyProber(const ProxyCheckConfig& config);
app::ProxyCheckSettings ProxyCheckSettingsOf(const ProxyCheckConfig& config);
app::SessionTimeouts SessionTimeoutsOf(const SessionConfig& config);
// The session cache PERSONA_REDIS_URL asks for: Redis, or in-process when unset.
std::unique_ptr<app::SessionCache> MakeSessionCache(const Config& config, const Clock& clock, Logger& log);

struct ServiceSettings {
  app::ProxyCheckSettings proxy_checks;
  app::SessionTimeouts sessions;
  // Null: an in-process cache owned by the services.
  app::SessionCache* session_cache = nullptr;
  // The database budget of one HTTP request (PERSONA_DB_REQUEST_TIMEOUT_MS); zero: none.
  std::chrono::milliseconds request_budget{0};
};

// The use cases wired to their PostgreSQL stores: built once by `serve`, the commands
// that need them and the tests, so all of them run the same objects.
class Services {
 public:
  Services(storage::ConnectionPool& pool, const crypto::FieldCipher& cipher, const crypto::PasswordHasher& hasher,
           const Clock& clock, app::ProxyProber prober, ServiceSettings settings = {});

  http::ApiServices Api(std::function<http::Readiness()> readiness, const Metrics& metrics) {
    return {auth,
            users,
            accounts,
            personas,
            proxies,
            templates,
            posts,
            security_events,
            activity,
            sessions,
            dashboard,
            exports,
            keys,
            metrics,
            std::move(readiness),
            [&pool = pool_, budget = request_budget_] {
              return std::make_shared<storage::ConnectionPool::ThreadScope>(pool, budget);
            }};
  }

 private:
  storage::ConnectionPool& pool_;
  std::chrono::milliseconds request_budget_;
  std::unique_ptr<app::SessionCache> owned_session_cache_;
  app::SessionCache& session_cache_;
  storage::PgUserRepository user_store_;
  storage::PgAuthStore auth_store_;
  storage::PgAccountStore account_store_;
  storage::PgPersonaStore persona_store_;
  storage::PgProxyStore proxy_store_;
  storage::PgTemplateStore template_store_;
  storage::PgPostStore post_store_;
  storage::PgSecurityEventStore security_event_store_;
  storage::PgActivityStore activity_store_;
  storage::PgSessionStore session_store_;
  storage::PgDashboardStore dashboard_store_;
  storage::PgRetentionStore retention_store_;
  storage::PgExportStore export_store_;
  storage::PgKeyUsageStore key_usage_store_;

 public:
  app::UserService users;
  app::AuthService auth;
  app::AccountService accounts;
  app::PersonaService personas;
  app::ProxyService proxies;
  app::TemplateService templates;
  app::PostService posts;
  app::SecurityEventService security_events;
  app::ActivityService activity;
  app::SessionService sessions;
  app::DashboardService dashboard;
  app::RetentionService retention;
  app::ExportService exports;
  app::KeyStatusService keys;
};

}  // namespace persona::cli
