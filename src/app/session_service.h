#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/auth_service.h"
#include "app/page.h"
#include "app/session_cache.h"
#include "core/clock.h"

namespace persona::app {

struct SessionFilter {
  std::optional<std::string> persona_id;
  std::optional<std::string> status;  // a session_status, or "live" (starting, active, idle)
  std::optional<std::string> from;    // canonical UTC, on started_at
  std::optional<std::string> to;
};

// When quiet sessions turn idle and when the server ends them (PERSONA_SESSION_*).
struct SessionTimeouts {
  std::chrono::minutes idle_after{10};
  std::chrono::minutes end_after{120};
};

// A change of the operator to a live session; unset members stay as they are.
struct SessionPatch {
  std::optional<std::string> status;  // active or idle
  std::optional<nlohmann::json> active_platforms;
  std::optional<nlohmann::json> platform_sessions;
  std::optional<bool> suspicious_activity_detected;
  std::optional<nlohmann::json> risk_events;
  std::optional<std::string> error_message;  // set: the session ends in error
};

struct StoredSession {
  nlohmann::json session;
  long long version = 0;
  bool live = false;
};

struct SessionOutcome {
  enum class Kind { kDone, kNotFound, kNotLive, kLiveExists };
  Kind kind = Kind::kNotFound;
  std::string session_id;  // the new or changed session; for kLiveExists the live one
  long long version = 0;
};

struct SessionSweep {
  std::vector<std::pair<std::string, long long>> idled;  // (id, version)
  std::vector<std::pair<std::string, long long>> ended;
};

class SessionStore {
 public:
  virtual ~SessionStore() = default;
  // kNotFound: no such persona of the user; kLiveExists: it already has a live session.
  virtual SessionOutcome Start(const std::string& user_id, const std::string& persona_id,
                               const nlohmann::json& active_platforms, const nlohmann::json& platform_sessions,
                               Clock::TimePoint now, const ClientInfo& client) = 0;
  virtual std::optional<StoredSession> Find(const std::string& user_id, const std::string& id) = 0;
  virtual Page List(const std::string& user_id, const SessionFilter& filter, const PageRequest& page) = 0;
  virtual SessionOutcome Update(const std::string& user_id, const std::string& id, const SessionPatch& patch,
                                Clock::TimePoint now, const ClientInfo& client) = 0;
  virtual SessionOutcome End(const std::string& user_id, const std::string& id, Clock::TimePoint now,
                             const ClientInfo& client) = 0;
  // Live sessions quiet since `idle_before` become idle; quiet since `end_before`, ended.
  virtual SessionSweep Sweep(Clock::TimePoint now, Clock::TimePoint idle_before, Clock::TimePoint end_before) = 0;
};

// Work sessions of a persona (docs/sessions.md): start → active → idle → ended, or error;
// one live session per persona, on the persona's proxy; counters kept by the manual
// actions and publications recorded in it; ended by the server when quiet too long.
class SessionService {
 public:
  SessionService(SessionStore& store, SessionCache& cache, SessionTimeouts timeouts, const Clock& clock)
      : store_(store), cache_(cache), timeouts_(timeouts), clock_(clock) {}

  // `body` is {active_platforms?, platform_sessions?}; ConflictError with the live session's id.
  nlohmann::json Start(const std::string& user_id, const std::string& persona_id, const nlohmann::json& body,
                       const ClientInfo& client);
  nlohmann::json Get(const std::string& user_id, const std::string& id);
  Page List(const std::string& user_id, const SessionFilter& filter, const PageRequest& page);
  nlohmann::json Update(const std::string& user_id, const std::string& id, const nlohmann::json& body,
                        const ClientInfo& client);
  nlohmann::json End(const std::string& user_id, const std::string& id, const ClientInfo& client);
  // One round of the server's sweep (jobs/session_sweeper): the sessions it made idle or ended.
  SessionSweep Sweep();

 private:
  // The session as PostgreSQL has it now, cached when live.
  nlohmann::json Load(const std::string& user_id, const std::string& id);
  nlohmann::json Changed(const std::string& user_id, const SessionOutcome& outcome);

  SessionStore& store_;
  SessionCache& cache_;
  SessionTimeouts timeouts_;
  const Clock& clock_;
};

}  // namespace persona::app
