#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/auth_service.h"
#include "app/page.h"
#include "app/persona_service.h"
#include "core/clock.h"
#include "core/errors.h"
#include "crypto/field_cipher.h"
#include "domain/proxy_health.h"

namespace persona::app {

// What a health check needs to reach a proxy.
struct ProxyEndpoint {
  std::string id;  // the record's UUID
  std::string host;
  int port = 0;
  std::string username;
  std::string password;  // decrypted just for the check
};

struct ProbeOutcome {
  bool reachable = false;
  int response_time_ms = 0;
  std::string error;  // empty when reachable; never holds the password
};

// Opens a connection to the proxy (and an HTTP CONNECT through it when configured).
using ProxyProber = std::function<ProbeOutcome(const ProxyEndpoint&)>;

struct StoredProxyEndpoint {
  std::string id;
  std::string host;
  int port = 0;
  std::string username;
  std::string password_encrypted;
};

// A checked proxy's new health, recorded with its history row.
struct HealthRecord {
  std::string proxy_uuid;
  domain::HealthStatus status = domain::HealthStatus::kFailed;
  std::optional<int> response_time_ms;  // only when reachable
  std::string error;
};

// One check, as `persona proxies check` prints it.
struct CheckReport {
  StoredProxyEndpoint proxy;
  HealthRecord health;
};

enum class AssignResult { kAssigned, kNoPersona, kNoProxy, kPersonaHasProxy, kProxyTaken, kProxyInMaintenance };

class ProxyStore {
 public:
  virtual ~ProxyStore() = default;
  // `body` is validated; ConflictError when its proxy_id is taken for this user.
  virtual void Insert(const std::string& user_id, const std::string& id, const nlohmann::json& body,
                      const std::string& password_encrypted, Clock::TimePoint now, const ClientInfo& client) = 0;
  virtual std::optional<nlohmann::json> Find(const std::string& user_id, const std::string& id) = 0;
  virtual Page List(const std::string& user_id, const PageRequest& page) = 0;
  // False when not the user's. ConflictError for a taken proxy_id, or for a status
  // change of an assigned proxy. Keeps the assigned persona's proxy columns in step.
  virtual bool Update(const std::string& user_id, const std::string& id, const nlohmann::json& patch,
                      const std::optional<std::string>& password_encrypted, Clock::TimePoint now,
                      const ClientInfo& client) = 0;
  // False when not the user's; ConflictError while assigned.
  virtual bool Delete(const std::string& user_id, const std::string& id, Clock::TimePoint now,
                      const ClientInfo& client) = 0;
  virtual std::optional<StoredProxyEndpoint> Endpoint(const std::string& user_id, const std::string& id) = 0;
  // Proxies of every user not checked within `interval` (oldest first, at most `limit`).
  virtual std::vector<StoredProxyEndpoint> DueForCheck(Clock::TimePoint now, std::chrono::seconds interval,
                                                       int limit) = 0;
  // Stores the check, trims history older than 30 days, recomputes uptime, updates the
  // proxy and its persona's proxy_status. `requested` is the activity row of a check a
  // user asked for (the periodic checker's own checks write none).
  virtual void RecordCheck(const HealthRecord& record, Clock::TimePoint now,
                           const std::optional<Activity>& requested) = 0;
  virtual std::optional<Page> Checks(const std::string& user_id, const std::string& id, const PageRequest& page) = 0;
  virtual nlohmann::json MonthlyCosts(const std::string& user_id, int months, Clock::TimePoint now) = 0;
  // One transaction with row locks on the persona and the proxy.
  virtual AssignResult Assign(const std::string& user_id, const std::string& persona_id, const std::string& proxy_uuid,
                              Clock::TimePoint now, const ClientInfo& client) = 0;
  // False when the persona is not the user's; ConflictError when it has no proxy.
  virtual bool Release(const std::string& user_id, const std::string& persona_id, Clock::TimePoint now,
                       const ClientInfo& client) = 0;
};

struct ProxyCheckSettings {
  domain::HealthThresholds thresholds;
};

// The proxy inventory: records, bulk import, assignment to personas, health checks.
class ProxyService {
 public:
  ProxyService(ProxyStore& store, PersonaService& personas, const crypto::FieldCipher& cipher, ProxyProber prober,
               ProxyCheckSettings settings, const Clock& clock)
      : store_(store),
        personas_(personas),
        cipher_(cipher),
        prober_(std::move(prober)),
        settings_(settings),
        clock_(clock) {}

  nlohmann::json Create(const std::string& user_id, const nlohmann::json& body, const ClientInfo& client);
  nlohmann::json Get(const std::string& user_id, const std::string& id);
  Page List(const std::string& user_id, const PageRequest& page);
  nlohmann::json Update(const std::string& user_id, const std::string& id, const nlohmann::json& patch,
                        const ClientInfo& client);
  void Delete(const std::string& user_id, const std::string& id, const ClientInfo& client);
  // {"imported": [proxy…], "errors": [{line, message}]}: every valid line is imported.
  nlohmann::json Import(const std::string& user_id, const std::string& text, const std::string& city,
                        const std::optional<std::string>& country_code, const ClientInfo& client);

  // Checks one proxy now and answers it as updated.
  nlohmann::json Check(const std::string& user_id, const std::string& id, const ClientInfo& client);
  Page Checks(const std::string& user_id, const std::string& id, const PageRequest& page);
  nlohmann::json MonthlyCosts(const std::string& user_id, int months);
  // Checks every proxy (of every user) not checked within `interval`, `concurrency` at
  // a time, and reports each check; an interval of 0 checks them all.
  std::vector<CheckReport> CheckDue(std::chrono::seconds interval, int concurrency);

  // Both answer the persona as it is afterwards.
  JsonText Assign(const std::string& user_id, const std::string& persona_id, const std::string& proxy_uuid,
                  const ClientInfo& client);
  JsonText Release(const std::string& user_id, const std::string& persona_id, const ClientInfo& client);

 private:
  HealthRecord CheckEndpoint(const StoredProxyEndpoint& endpoint, const std::optional<Activity>& requested);

  ProxyStore& store_;
  PersonaService& personas_;
  const crypto::FieldCipher& cipher_;
  ProxyProber prober_;
  ProxyCheckSettings settings_;
  const Clock& clock_;
};

// Every problem of a proxy body (create, or with `partial` a PATCH) as (field, message);
// proxy_ip is checked as an IP address. Unknown members are problems too.
std::vector<ValidationError::Field> ValidateProxy(const nlohmann::json& body, bool partial);

}  // namespace persona::app
