#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/activity.h"

namespace persona::app {

// What a login needs to know about the account behind an email.
struct LoginAccount {
  std::string user_id;
  std::string password_hash;
  bool is_active = true;
  bool two_factor_enabled = false;
  std::optional<std::string> two_factor_secret;  // encrypted (FieldCipher)
  long long totp_last_step = 0;
};

struct Profile {
  std::string id;
  std::string email;
  std::string subscription_tier;
  int max_personas = 0;
  bool two_factor_enabled = false;
  std::string created_at;
  std::optional<std::string> last_login;
  std::string password_hash;
  std::optional<std::string> two_factor_secret;    // encrypted
  std::optional<std::string> totp_pending_secret;  // encrypted
  long long totp_last_step = 0;
  bool password_change_required = false;  // the generated first-admin password is unchanged
};

struct SecurityEvent {
  std::string event_type;  // login_failure, account_lockout, rate_limit_hit, …
  std::string severity;    // info, warning, error, critical
  std::optional<std::string> user_id;
  std::string description;
  nlohmann::json data = nlohmann::json::object();  // never a secret
  std::string source_ip;
  std::string user_agent;
};

struct ApiTokenInfo {
  std::string id;
  std::string name;
  std::string created_at;
  std::optional<std::string> last_used_at;
};

using TimePoint = std::chrono::system_clock::time_point;

// The operations of one transaction. Everything done through it commits together or
// not at all.
class AuthTx {
 public:
  virtual ~AuthTx() = default;
  // Holds a transaction-scoped lock on this email and this address until commit, so
  // concurrent attempts are counted one after another.
  virtual void LockLogin(const std::string& email, const std::string& source_ip) = 0;
  // When the throttle frees if `limit` failures fall inside `window` before `now`.
  virtual std::optional<TimePoint> ThrottledUntilEmail(const std::string& email, TimePoint now, int limit,
                                                       std::chrono::seconds window) = 0;
  virtual std::optional<TimePoint> ThrottledUntilAddress(const std::string& source_ip, TimePoint now, int limit,
                                                         std::chrono::seconds window) = 0;
  virtual int CountFailures(const std::string& email, TimePoint now, std::chrono::seconds window) = 0;
  virtual void RecordAttempt(const std::string& email, const std::string& source_ip, bool succeeded, TimePoint now) = 0;
  virtual std::optional<LoginAccount> FindAccount(const std::string& email) = 0;
  virtual std::optional<Profile> FindProfile(const std::string& user_id) = 0;
  // False when the step is not newer than the last one used (a replay).
  virtual bool UseTotpStep(const std::string& user_id, long long step) = 0;
  // False when no unused code with this hash exists.
  virtual bool UseRecoveryCode(const std::string& user_id, const std::string& code_hash, TimePoint now) = 0;
  virtual std::string CreateSession(const std::string& user_id, const std::string& token_hash, TimePoint now,
                                    std::chrono::seconds lifetime, const std::string& ip,
                                    const std::string& user_agent) = 0;
  virtual void DeleteSession(const std::string& user_id, const std::string& session_id) = 0;
  virtual void DeleteOtherSessions(const std::string& user_id, const std::string& keep_session_id) = 0;
  virtual void MarkLogin(const std::string& user_id, TimePoint now) = 0;
  // A new password (clears password_change_required).
  virtual void SetPasswordHash(const std::string& user_id, const std::string& hash, TimePoint now) = 0;
  // The same password hashed again with new parameters (changes nothing else).
  virtual void RehashPassword(const std::string& user_id, const std::string& hash) = 0;
  virtual void SetPendingTotp(const std::string& user_id, const std::string& encrypted_secret) = 0;
  // False when 2FA was already enabled.
  virtual bool EnableTotp(const std::string& user_id, const std::string& encrypted_secret, long long step,
                          TimePoint now) = 0;
  virtual void DisableTotp(const std::string& user_id, TimePoint now) = 0;
  virtual void ReplaceRecoveryCodes(const std::string& user_id, const std::vector<std::string>& code_hashes) = 0;
  virtual ApiTokenInfo CreateToken(const std::string& user_id, const std::string& name, const std::string& token_hash,
                                   TimePoint now) = 0;
  virtual std::vector<ApiTokenInfo> ListTokens(const std::string& user_id) = 0;
  virtual bool DeleteToken(const std::string& user_id, const std::string& token_id) = 0;
  virtual void RecordSecurityEvent(const SecurityEvent& event, TimePoint now) = 0;
  virtual void RecordActivity(const Activity& activity, TimePoint now) = 0;
};

struct CallerIdentity {
  std::string credential_id;
  std::string user_id;
};

class AuthStore {
 public:
  virtual ~AuthStore() = default;
  // Runs `work` in one transaction; commits when it returns, rolls back if it throws.
  virtual void Transaction(const std::function<void(AuthTx&)>& work) = 0;
  // One indexed query each: the caller behind a session or API token hash, if live.
  virtual std::optional<CallerIdentity> SessionCaller(const std::string& token_hash, TimePoint now,
                                                      std::chrono::seconds idle_timeout) = 0;
  virtual std::optional<CallerIdentity> TokenCaller(const std::string& token_hash, TimePoint now) = 0;
};

}  // namespace persona::app
