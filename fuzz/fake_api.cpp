#include "fake_api.h"

#include <cstdio>
#include <cstdlib>

#include "crypto/field_cipher.h"
#include "crypto/keyring.h"
#include "core/metrics.h"
#include "crypto/password_hasher.h"
#include "fake_stores.h"
#include "http/api.h"
#include "http/web_assets.h"

namespace persona::fuzz {
namespace {

namespace bhttp = boost::beast::http;

// A stand-in for the UI's files, so the router's fallback serves something.
constexpr http::WebAsset kAssets[] = {
    {"/index.html", "text/html; charset=utf-8", "\"index-1\"", "<!doctype html><title>Persona</title>", ""},
    {"/assets/main-1.js", "text/javascript; charset=utf-8", "\"main-1\"", "console.log('persona')",
     std::string_view("\x1f\x8b\x08\x00\x00\x00\x00\x00", 8)},
};

bool HasLineBreakOrNul(std::string_view s) { return s.find_first_of(std::string_view("\r\n\0", 3)) != s.npos; }

}  // namespace

struct FakeApi::World {
  FixedClock clock;
  crypto::Keyring keyring{{{"fuzz-1", std::string(32, 'k')}}};
  crypto::FieldCipher cipher{keyring};
  // Argon2's smallest cost: a login per input must not take milliseconds.
  crypto::PasswordHasher hasher{crypto::Argon2Params{.memory_kib = 8, .iterations = 1, .parallelism = 1}};
  std::string password_hash = hasher.Hash(kPassword);
  Logger log{Logger::Level::kError};
  Metrics metrics;  // what GET /metrics renders: the registry alone, no scrapes

  Ids ids;
  FakePersonaStore persona_store{ids};
  FakeAccountStore account_store{persona_store, password_hash};
  FakeProxyStore proxy_store{persona_store};
  FakeTemplateStore template_store{ids, persona_store};
  FakePostStore post_store{ids, persona_store, account_store, template_store};
  FakeSessionStore session_store{ids, persona_store};
  FakeSessionCache session_cache;
  FakeActivityStore activity_store{ids, persona_store};
  FakeSecurityEventStore security_event_store;
  FakeDashboardStore dashboard_store{persona_store};
  FakeExportStore export_store{password_hash};
  FakeKeyUsageStore key_usage_store;
  FakeAuthStore auth_store{password_hash};
  FakeUserRepository users{password_hash};

  app::AuthService auth{auth_store, hasher, cipher, clock};
  app::UserService user_service{users, hasher};
  app::AccountService accounts{account_store, hasher, cipher, clock};
  app::PersonaService personas{persona_store, clock};
  app::ProxyService proxies{proxy_store,
                            personas,
                            cipher,
                            [](const app::ProxyEndpoint&) {
                              return app::ProbeOutcome{true, 12, ""};
                            },
                            app::ProxyCheckSettings{},
                            clock};
  app::TemplateService templates{template_store, personas, clock};
  app::PostService posts{post_store, personas, templates, clock};
  app::SecurityEventService security_events{security_event_store, clock};
  app::ActivityService activity{activity_store, clock};
  app::SessionService sessions{session_store, session_cache, app::SessionTimeouts{}, clock};
  app::DashboardService dashboard{dashboard_store, clock};
  app::ExportService exports{export_store, hasher, clock};
  app::KeyStatusService keys{cipher, key_usage_store};
  http::Router router;

  World() {
    http::BuildApi(router, http::ApiServices{.auth = auth,
                                             .users = user_service,
                                             .accounts = accounts,
                                             .personas = personas,
                                             .proxies = proxies,
                                             .templates = templates,
                                             .posts = posts,
                                             .security_events = security_events,
                                             .activity = activity,
                                             .sessions = sessions,
                                             .dashboard = dashboard,
                                             .exports = exports,
                                             .keys = keys,
                                             .metrics = metrics,
                                             .readiness =
                                                 [] {
                                                   return http::Readiness{.database_reachable = true,
                                                                          .schema_current = true,
                                                                          .schema_version = 12,
                                                                          .expected_schema_version = 12,
                                                                          .schema_semver = "0.12.0"};
                                                 },
                                             .request_scope = {},
                                             .web_assets = kAssets});
  }
};

FakeApi::FakeApi() : world_(std::make_unique<World>()) { Reset(); }
FakeApi::~FakeApi() = default;

void FakeApi::Reset() {
  auto& w = *world_;
  w.ids.Reset();
  w.persona_store.Reset();
  w.account_store.Reset(w.cipher);
  w.proxy_store.Reset(w.cipher);
  w.template_store.Reset();
  w.post_store.Reset();
  w.session_store.Reset();
  w.session_cache.Reset();
  w.security_event_store.Reset();
  w.auth_store.Reset();
}

http::Response FakeApi::Send(http::Request& req) {
  http::Response res = world_->router.Dispatch(req, world_->log);
  // PERSONA_FUZZ_TRACE=1: every request and its status, to see what a corpus reaches.
  static const bool kTrace = std::getenv("PERSONA_FUZZ_TRACE") != nullptr;
  if (kTrace) {
    std::fprintf(stderr, "%s %s -> %u %s\n", std::string(bhttp::to_string(req.method)).c_str(), req.target.c_str(),
                 res.status, res.status >= 400 ? res.body.substr(0, 300).c_str() : "");
  }
  if (res.status >= 500) Fail(req, "answered " + std::to_string(res.status) + ": " + res.body);
  if (res.status < 100 || http::ReasonPhrase(res.status) == "Unknown") {
    Fail(req, "answered a status the server does not know: " + std::to_string(res.status));
  }
  if (HasLineBreakOrNul(res.content_type)) Fail(req, "a Content-Type with a line break or NUL");
  for (const auto& [name, value] : res.headers) {
    if (name.empty() || HasLineBreakOrNul(name) || HasLineBreakOrNul(value)) {
      Fail(req, "a response header with a line break or NUL: " + name);
    }
  }
  if (res.stream) {
    std::string streamed;
    res.stream([&](std::string_view piece) { streamed.append(piece); });
    res.body = std::move(streamed);
    res.stream = nullptr;
  }
  bool json = res.content_type == http::kJsonType || res.content_type == http::kProblemType;
  if (json && !res.body.empty()) {
    auto parsed = nlohmann::json::parse(res.body, nullptr, false);
    if (parsed.is_discarded()) Fail(req, "a JSON answer that does not parse: " + res.body.substr(0, 200));
    if (res.content_type == http::kProblemType && (!parsed.is_object() || parsed.value("status", 0u) != res.status)) {
      Fail(req, "a problem whose status is not the HTTP status: " + res.body.substr(0, 200));
    }
  }
  return res;
}

http::Request FakeApi::JsonRequest(bhttp::verb method, std::string target, std::string_view body) {
  http::Request req;
  req.method = method;
  req.target = std::move(target);
  req.headers.set(bhttp::field::host, "persona.test");
  req.headers.set(bhttp::field::origin, "http://persona.test");
  req.headers.set(bhttp::field::cookie, std::string("persona_session=") + kSessionToken);
  req.headers.set(bhttp::field::content_type, "application/json");
  req.headers.set(bhttp::field::user_agent, "persona-fuzz");
  req.body = std::string(body);
  req.request_id = "fuzz";
  req.client_address = "203.0.113.9";
  return req;
}

FakeApi& SharedApi() {
  static FakeApi api;
  return api;
}

[[noreturn]] void Fail(const http::Request& req, const std::string& what) {
  std::fprintf(stderr, "%s %s: %s\n", std::string(bhttp::to_string(req.method)).c_str(), req.target.c_str(),
               what.c_str());
  std::abort();
}

}  // namespace persona::fuzz
