#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/auth_service.h"
#include "app/page.h"
#include "core/clock.h"

namespace persona::app {

struct SecurityEventFilter {
  std::optional<std::string> severity;
  std::optional<std::string> event_type;
  std::optional<bool> resolved;
  std::optional<std::string> persona_id;
  std::optional<std::string> from;  // canonical UTC
  std::optional<std::string> to;
};

class SecurityEventStore {
 public:
  virtual ~SecurityEventStore() = default;
  virtual Page List(const std::string& user_id, const SecurityEventFilter& filter, const PageRequest& page) = 0;
  virtual std::optional<nlohmann::json> Find(const std::string& user_id, const std::string& id) = 0;
  // nullopt: not the user's; false: already resolved.
  virtual std::optional<bool> Resolve(const std::string& user_id, const std::string& id,
                                      const nlohmann::json& actions_taken, Clock::TimePoint now,
                                      const ClientInfo& client) = 0;
};

// The security events the rules raise (failed logins and lockouts, secrets revealed,
// posting limits hit, proxies that start failing), listed and resolved by the operator.
class SecurityEventService {
 public:
  SecurityEventService(SecurityEventStore& store, const Clock& clock) : store_(store), clock_(clock) {}

  Page List(const std::string& user_id, const SecurityEventFilter& filter, const PageRequest& page);
  // `body` is {actions_taken?: [text]}; ConflictError when already resolved.
  nlohmann::json Resolve(const std::string& user_id, const std::string& id, const nlohmann::json& body,
                         const ClientInfo& client);

 private:
  SecurityEventStore& store_;
  const Clock& clock_;
};

}  // namespace persona::app
