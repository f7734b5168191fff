#include "cli/services.h"

#include "cache/memory_session_cache.h"
#include "cache/redis_session_cache.h"
#include "net/proxy_probe.h"

namespace persona::cli {

app::ProxyProber NetworkProxyProber(const ProxyCheckConfig& config) {
  net::ProbeOptions options{.timeout = config.timeout, .connect_target = config.connect_target};
  return [options](const app::ProxyEndpoint& proxy) {
    auto result = net::Probe({proxy.host, proxy.port, proxy.username, proxy.password}, options);
    return app::ProbeOutcome{result.reachable, result.response_time_ms, result.error};
  };
}

app::ProxyCheckSettings ProxyCheckSettingsOf(const ProxyCheckConfig& config) {
  return {.thresholds = {.degraded_after_ms = config.degraded_after_ms}};
}

app::SessionTimeouts SessionTimeoutsOf(const SessionConfig& config) {
  return {.idle_after = config.idle_after, .end_after = config.end_after};
}

std::unique_ptr<app::SessionCache> MakeSessionCache(const Config& config, const Clock& clock, Logger& log) {
  if (config.redis_url) return std::make_unique<cache::RedisSessionCache>(cache::ParseRedisUrl(*config.redis_url), log);
  return std::make_unique<cache::MemorySessionCache>(clock);
}

Services::Services(storage::ConnectionPool& pool, const crypto::FieldCipher& cipher,
                   const crypto::PasswordHasher& hasher, const Clock& clock, app::ProxyProber prober,
                   ServiceSettings settings)
    : pool_(pool),
      request_budget_(settings.request_budget),
      owned_session_cache_(settings.session_cache == nullptr ? std::make_unique<cache::MemorySessionCache>(clock)
                                                             : nullptr),
      session_cache_(settings.session_cache != nullptr ? *settings.session_cache : *owned_session_cache_),
      user_store_(pool, session_cache_),
      auth_store_(pool),
      account_store_(pool),
      persona_store_(pool, session_cache_),
      proxy_store_(pool),
      template_store_(pool),
      post_store_(pool, session_cache_),
      security_event_store_(pool),
      activity_store_(pool, session_cache_),
      session_store_(pool),
      dashboard_store_(pool),
      retention_store_(pool),
      export_store_(pool, cipher),
      key_usage_store_(pool),
      users(user_store_, hasher),
      auth(auth_store_, hasher, cipher, clock),
      accounts(account_store_, hasher, cipher, clock),
      personas(persona_store_, clock),
      proxies(proxy_store_, personas, cipher, std::move(prober), settings.proxy_checks, clock),
      templates(template_store_, personas, clock),
      posts(post_store_, personas, templates, clock),
      security_events(security_event_store_, clock),
      activity(activity_store_, clock),
      sessions(session_store_, session_cache_, settings.sessions, clock),
      dashboard(dashboard_store_, clock),
      retention(retention_store_, clock),
      exports(export_store_, hasher, clock),
      keys(cipher, key_usage_store_) {}

}  // namespace persona::cli
