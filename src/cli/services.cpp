#include "cli/services.h"

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

Services::Services(storage::ConnectionPool& pool, const crypto::FieldCipher& cipher,
                   const crypto::PasswordHasher& hasher, const Clock& clock, app::ProxyProber prober,
                   app::ProxyCheckSettings proxy_checks)
    : user_store_(pool),
      auth_store_(pool),
      account_store_(pool),
      persona_store_(pool),
      proxy_store_(pool),
      template_store_(pool),
      post_store_(pool),
      security_event_store_(pool),
      activity_store_(pool),
      users(user_store_, hasher),
      auth(auth_store_, hasher, cipher, clock),
      accounts(account_store_, hasher, cipher, clock),
      personas(persona_store_, clock),
      proxies(proxy_store_, personas, cipher, std::move(prober), proxy_checks, clock),
      templates(template_store_, personas, clock),
      posts(post_store_, personas, templates, clock),
      security_events(security_event_store_, clock),
      activity(activity_store_, clock) {}

}  // namespace persona::cli
