#pragma once

// In-memory stand-ins for the storage layer, for the fuzz targets only: a fuzzer runs
// millions of requests a minute and cannot reach PostgreSQL (the real tests use a real
// database). Each keeps just enough state for the use cases above it to behave as they do
// on a real database: one user, with one of each resource, restored before every input.
//
// They also stand in for what PostgreSQL would refuse. Every value handed to a store is
// checked the way the database would check it — text is valid UTF-8 without NUL, jsonb
// holds no NUL and serialises, a VARCHAR(n) value has at most n characters — and a value
// that fails aborts the process: on the real server it would be a database error, a 500.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

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
#include "app/session_cache.h"
#include "app/session_service.h"
#include "app/template_service.h"
#include "app/user_repository.h"

namespace persona::fuzz {

// The one user and its resources, as every input starts with them.
inline constexpr char kUserId[] = "11111111-1111-4111-8111-111111111111";
inline constexpr char kPersonaId[] = "22222222-2222-4222-8222-222222222222";
inline constexpr char kAccountId[] = "33333333-3333-4333-8333-333333333333";
inline constexpr char kProxyId[] = "44444444-4444-4444-8444-444444444444";
inline constexpr char kTemplateId[] = "55555555-5555-4555-8555-555555555555";
inline constexpr char kPostId[] = "66666666-6666-4666-8666-666666666666";  // a draft
inline constexpr char kPublishedPostId[] = "66666666-6666-4666-8666-666666666667";
inline constexpr char kSessionId[] = "77777777-7777-4777-8777-777777777777";
inline constexpr char kEventId[] = "88888888-8888-4888-8888-888888888888";
inline constexpr char kTokenId[] = "99999999-9999-4999-8999-999999999999";
inline constexpr char kActivityId[] = "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa";
inline constexpr char kEmail[] = "ana@example.com";
inline constexpr char kPassword[] = "correct horse battery";
// Bearer token and session cookie value that authenticate as kUserId.
inline constexpr char kApiToken[] = "fuzz-api-token";
inline constexpr char kSessionToken[] = "fuzz-session-token";
// What every input starts at: 2026-11-27T08:00:00Z, a Friday.
inline constexpr long long kNowUnixSeconds = 1795766400;

// Aborts, naming what PostgreSQL would have refused.
[[noreturn]] void Refused(const std::string& what);
// text, or VARCHAR(max_chars) when max_chars > 0.
void CheckText(std::string_view value, std::string_view column, std::size_t max_chars = 0);
void CheckOptionalText(const std::optional<std::string>& value, std::string_view column, std::size_t max_chars = 0);
// jsonb: serialisable (valid UTF-8) and no NUL in any key or string.
void CheckJsonb(const nlohmann::json& value, std::string_view column);
void CheckClient(const app::ClientInfo& client);

class FixedClock : public Clock {
 public:
  TimePoint Now() const override;
};

// Ids of what an input creates: deterministic, so a crash replays.
class Ids {
 public:
  std::string Next();
  void Reset() { next_ = 1; }

 private:
  long long next_ = 1;
};

class FakePersonaStore : public app::PersonaStore {
 public:
  explicit FakePersonaStore(Ids& ids) : ids_(ids) {}
  void Reset();
  bool Has(const std::string& id) const { return personas_.count(id) > 0; }
  const nlohmann::json* Get(const std::string& id) const;

  std::string Insert(const std::string& user_id, const nlohmann::json& body, Clock::TimePoint now,
                     const app::ClientInfo& client) override;
  std::optional<app::JsonText> Find(const std::string& user_id, const std::string& persona_id) override;
  app::Page List(const std::string& user_id, const app::PageRequest& page) override;
  bool Update(const std::string& user_id, const std::string& persona_id, const nlohmann::json& patch,
              Clock::TimePoint now, const app::ClientInfo& client) override;
  bool Delete(const std::string& user_id, const std::string& persona_id, Clock::TimePoint now,
              const app::ClientInfo& client) override;
  std::optional<nlohmann::json> Risk(const std::string& user_id, const std::string& persona_id) override;

 private:
  Ids& ids_;
  std::map<std::string, nlohmann::json> personas_;
  bool dirty_ = true;  // changed since the last Reset
};

class FakeAccountStore : public app::AccountStore {
 public:
  FakeAccountStore(FakePersonaStore& personas, const std::string& password_hash)
      : personas_(personas), password_hash_(password_hash) {}
  void Reset(const crypto::FieldCipher& cipher);
  const nlohmann::json* Get(const std::string& id) const;
  const std::map<std::string, nlohmann::json>& All() const { return accounts_; }

  bool Insert(const std::string& user_id, const std::string& account_id, const app::NewAccount& account,
              const std::string& credentials_encrypted, const std::optional<std::string>& auth_tokens_encrypted,
              app::TimePoint now, const app::ClientInfo& client) override;
  std::optional<nlohmann::json> Find(const std::string& user_id, const std::string& account_id,
                                     Clock::TimePoint now) override;
  std::optional<app::Page> List(const std::string& user_id, const std::string& persona_id, const app::PageRequest& page,
                                Clock::TimePoint now) override;
  bool Update(const std::string& user_id, const std::string& account_id, const nlohmann::json& patch,
              const std::optional<std::string>& credentials_encrypted,
              const std::optional<std::string>& auth_tokens_encrypted, app::TimePoint now,
              const app::ClientInfo& client) override;
  bool Delete(const std::string& user_id, const std::string& account_id, app::TimePoint now,
              const app::ClientInfo& client) override;
  std::optional<app::AccountSecrets> FindSecrets(const std::string& user_id, const std::string& account_id) override;
  std::optional<std::string> PasswordHash(const std::string& user_id) override;
  void RecordReveal(const std::string& user_id, const app::AccountSecrets& account, bool allowed, app::TimePoint now,
                    const app::ClientInfo& client) override;

 private:
  bool UsernameTaken(const std::string& platform, const std::string& username, const std::string& except_id) const;

  FakePersonaStore& personas_;
  std::string password_hash_;
  std::map<std::string, nlohmann::json> accounts_;
  std::map<std::string, app::AccountSecrets> secrets_;
  bool dirty_ = true;  // changed since the last Reset
};

class FakeProxyStore : public app::ProxyStore {
 public:
  explicit FakeProxyStore(FakePersonaStore& personas) : personas_(personas) {}
  void Reset(const crypto::FieldCipher& cipher);

  void Insert(const std::string& user_id, const std::string& id, const nlohmann::json& body,
              const std::string& password_encrypted, Clock::TimePoint now, const app::ClientInfo& client) override;
  std::optional<nlohmann::json> Find(const std::string& user_id, const std::string& id) override;
  app::Page List(const std::string& user_id, const app::PageRequest& page) override;
  bool Update(const std::string& user_id, const std::string& id, const nlohmann::json& patch,
              const std::optional<std::string>& password_encrypted, Clock::TimePoint now,
              const app::ClientInfo& client) override;
  bool Delete(const std::string& user_id, const std::string& id, Clock::TimePoint now,
              const app::ClientInfo& client) override;
  std::optional<app::StoredProxyEndpoint> Endpoint(const std::string& user_id, const std::string& id) override;
  std::vector<app::StoredProxyEndpoint> DueForCheck(Clock::TimePoint now, std::chrono::seconds interval,
                                                    int limit) override;
  void RecordCheck(const app::HealthRecord& record, Clock::TimePoint now,
                   const std::optional<app::Activity>& requested) override;
  std::optional<app::Page> Checks(const std::string& user_id, const std::string& id,
                                  const app::PageRequest& page) override;
  nlohmann::json MonthlyCosts(const std::string& user_id, int months, Clock::TimePoint now) override;
  app::AssignResult Assign(const std::string& user_id, const std::string& persona_id, const std::string& proxy_uuid,
                           Clock::TimePoint now, const app::ClientInfo& client) override;
  bool Release(const std::string& user_id, const std::string& persona_id, Clock::TimePoint now,
               const app::ClientInfo& client) override;

 private:
  void CheckBody(const nlohmann::json& body) const;

  FakePersonaStore& personas_;
  std::map<std::string, nlohmann::json> proxies_;
  std::map<std::string, std::string> passwords_;  // encrypted
  bool dirty_ = true;                             // changed since the last Reset
};

class FakeTemplateStore : public app::TemplateStore {
 public:
  FakeTemplateStore(Ids& ids, FakePersonaStore& personas) : ids_(ids), personas_(personas) {}
  void Reset();
  bool Has(const std::string& id) const { return templates_.count(id) > 0; }

  std::string Insert(const std::string& user_id, const nlohmann::json& body, Clock::TimePoint now,
                     const app::ClientInfo& client) override;
  std::optional<nlohmann::json> Find(const std::string& user_id, const std::string& id) override;
  app::Page List(const std::string& user_id, const app::PageRequest& page) override;
  bool Update(const std::string& user_id, const std::string& id, const nlohmann::json& patch, Clock::TimePoint now,
              const app::ClientInfo& client) override;
  bool Delete(const std::string& user_id, const std::string& id, Clock::TimePoint now,
              const app::ClientInfo& client) override;
  bool OwnsPersonas(const std::string& user_id, const std::vector<std::string>& persona_ids) override;

 private:
  void CheckBody(const nlohmann::json& body) const;

  Ids& ids_;
  FakePersonaStore& personas_;
  std::map<std::string, nlohmann::json> templates_;
  bool dirty_ = true;  // changed since the last Reset
};

class FakePostStore : public app::PostStore {
 public:
  FakePostStore(Ids& ids, FakePersonaStore& personas, FakeAccountStore& accounts, FakeTemplateStore& templates)
      : ids_(ids), personas_(personas), accounts_(accounts), templates_(templates) {}
  void Reset();

  std::optional<app::PostAccount> Account(const std::string& user_id, const std::string& account_id) override;
  std::pair<int, int> LocalTime(Clock::TimePoint at, const std::string& timezone) override;
  std::string Insert(const std::string& user_id, const app::PostAccount& account, const nlohmann::json& body,
                     Clock::TimePoint now, const app::ClientInfo& client) override;
  std::optional<nlohmann::json> Find(const std::string& user_id, const std::string& id) override;
  app::Page List(const std::string& user_id, const app::PostFilter& filter, const app::PageRequest& page) override;
  bool Update(const std::string& user_id, const std::string& id, const nlohmann::json& patch, Clock::TimePoint now,
              const app::ClientInfo& client) override;
  bool Delete(const std::string& user_id, const std::string& id, Clock::TimePoint now,
              const app::ClientInfo& client) override;
  app::PublishOutcome Publish(const std::string& user_id, const std::string& id, const std::string& platform_post_id,
                              Clock::TimePoint published_at, Clock::TimePoint now,
                              const app::ClientInfo& client) override;
  app::EngagementOutcome RecordEngagement(const std::string& user_id, const std::string& id, const std::string& window,
                                          const nlohmann::json& metrics, Clock::TimePoint now,
                                          const app::ClientInfo& client) override;
  std::vector<nlohmann::json> Due(const std::string& user_id, Clock::TimePoint now) override;
  std::vector<std::string> MatchAccounts(const std::string& user_id, const std::string& persona,
                                         const std::string& account) override;
  std::string LocalToUtc(const std::string& local, const std::string& timezone) override;
  std::vector<nlohmann::json> Warnings(const std::string& user_id, const app::WarningsQuery& query) override;
  std::vector<nlohmann::json> Export(const std::string& user_id, const app::PostFilter& filter) override;

 private:
  void CheckBody(const nlohmann::json& body) const;

  Ids& ids_;
  FakePersonaStore& personas_;
  FakeAccountStore& accounts_;
  FakeTemplateStore& templates_;
  std::map<std::string, nlohmann::json> posts_;
  bool dirty_ = true;  // changed since the last Reset
};

class FakeSessionStore : public app::SessionStore {
 public:
  FakeSessionStore(Ids& ids, FakePersonaStore& personas) : ids_(ids), personas_(personas) {}
  void Reset();

  app::SessionOutcome Start(const std::string& user_id, const std::string& persona_id,
                            const nlohmann::json& active_platforms, const nlohmann::json& platform_sessions,
                            Clock::TimePoint now, const app::ClientInfo& client) override;
  std::optional<app::StoredSession> Find(const std::string& user_id, const std::string& id) override;
  app::Page List(const std::string& user_id, const app::SessionFilter& filter, const app::PageRequest& page) override;
  app::SessionOutcome Update(const std::string& user_id, const std::string& id, const app::SessionPatch& patch,
                             Clock::TimePoint now, const app::ClientInfo& client) override;
  app::SessionOutcome End(const std::string& user_id, const std::string& id, Clock::TimePoint now,
                          const app::ClientInfo& client) override;
  app::SessionSweep Sweep(Clock::TimePoint now, Clock::TimePoint idle_before, Clock::TimePoint end_before) override;

 private:
  Ids& ids_;
  FakePersonaStore& personas_;
  std::map<std::string, app::StoredSession> sessions_;
  bool dirty_ = true;  // changed since the last Reset
};

// The session cache of one input (the real ones are tested against Redis and in memory).
class FakeSessionCache : public app::SessionCache {
 public:
  void Reset() { entries_.clear(); }
  std::optional<app::CachedSession> Get(const std::string& session_id) override;
  void Put(const std::string& session_id, long long version, const app::CachedSession& session) override;
  void Forget(const std::string& session_id, long long version) override;

 private:
  std::map<std::string, std::pair<long long, std::optional<app::CachedSession>>> entries_;
};

class FakeActivityStore : public app::ActivityStore {
 public:
  FakeActivityStore(Ids& ids, FakePersonaStore& personas) : ids_(ids), personas_(personas) {}
  app::Page List(const std::string& user_id, const app::ActivityFilter& filter, const app::PageRequest& page) override;
  std::optional<app::JsonText> Find(const std::string& user_id, const std::string& id) override;
  std::optional<nlohmann::json> RecordManual(const std::string& user_id, const app::ManualAction& action,
                                             Clock::TimePoint now, const app::ClientInfo& client) override;

 private:
  Ids& ids_;
  FakePersonaStore& personas_;
};

class FakeSecurityEventStore : public app::SecurityEventStore {
 public:
  void Reset() { resolved_ = false; }
  app::Page List(const std::string& user_id, const app::SecurityEventFilter& filter,
                 const app::PageRequest& page) override;
  std::optional<nlohmann::json> Find(const std::string& user_id, const std::string& id) override;
  std::optional<bool> Resolve(const std::string& user_id, const std::string& id, const nlohmann::json& actions_taken,
                              Clock::TimePoint now, const app::ClientInfo& client) override;

 private:
  bool resolved_ = false;
};

class FakeDashboardStore : public app::DashboardStore {
 public:
  explicit FakeDashboardStore(FakePersonaStore& personas) : personas_(personas) {}
  std::vector<nlohmann::json> Personas(const std::string& user_id, Clock::TimePoint now) override;
  nlohmann::json Totals(const std::string& user_id, Clock::TimePoint now) override;

 private:
  FakePersonaStore& personas_;
};

class FakeExportStore : public app::ExportStore {
 public:
  explicit FakeExportStore(const std::string& password_hash) : password_hash_(password_hash) {}
  std::optional<std::string> PasswordHash(const std::string& user_id) override;
  void RecordSecretsExport(const std::string& user_id, bool allowed, Clock::TimePoint now,
                           const app::ClientInfo& client) override;
  void Write(const app::ExportRequest& request, const app::ExportWriter& write) override;

 private:
  std::string password_hash_;
};

class FakeKeyUsageStore : public app::KeyUsageStore {
 public:
  std::map<std::string, long long> ValuesPerKid() override { return {{"fuzz-1", 3}, {"gone-0", 1}, {"", 0}}; }
};

// The auth tables: the one user (kEmail, kPassword), its API token and session.
class FakeAuthStore : public app::AuthStore {
 public:
  FakeAuthStore(const std::string& password_hash) : initial_hash_(password_hash) { Reset(); }
  void Reset();

  void Transaction(const std::function<void(app::AuthTx&)>& work) override;
  std::optional<app::CallerIdentity> SessionCaller(const std::string& token_hash, app::TimePoint now,
                                                   std::chrono::seconds idle_timeout) override;
  std::optional<app::CallerIdentity> TokenCaller(const std::string& token_hash, app::TimePoint now) override;

  // The state a transaction works on (copied in, and back on commit).
  struct State {
    app::Profile profile;
    std::vector<app::ApiTokenInfo> tokens;
    std::vector<std::string> recovery_hashes;
    int failures = 0;
    int next_id = 1;
  };

 private:
  std::string initial_hash_;
  State state_;
};

class FakeUserRepository : public app::UserRepository {
 public:
  explicit FakeUserRepository(const std::string& password_hash) : password_hash_(password_hash) {}
  std::string Add(const app::NewUser& user) override;
  std::vector<app::UserSummary> List() override;
  bool SetPasswordHash(const std::string& email, const std::string& password_hash) override;
  long long Count() override { return 1; }
  std::optional<std::string> IdOf(const std::string& email) override;
  std::optional<app::ErasureReport> Erase(const std::string& user_id,
                                          const std::function<void(const std::string&)>& check) override;

 private:
  std::string password_hash_;
};

}  // namespace persona::fuzz
