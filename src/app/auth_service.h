#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "app/auth_store.h"
#include "core/clock.h"
#include "crypto/field_cipher.h"
#include "crypto/password_hasher.h"

namespace persona::app {

struct AuthPolicy {
  // A session ends after this long without a request, and after `session_lifetime`
  // in any case. Chosen for one operator's working day: long enough not to nag,
  // short enough that a forgotten browser does not stay logged in for days.
  std::chrono::seconds session_idle{std::chrono::hours(4)};
  std::chrono::seconds session_lifetime{std::chrono::hours(24 * 7)};
  // API.md: 429 after 5 failures for one account or 20 from one address in 15 min.
  int account_failure_limit = 5;
  int address_failure_limit = 20;
  std::chrono::seconds throttle_window{std::chrono::minutes(15)};
};

struct ClientInfo {
  std::string ip;
  std::string user_agent;
};

struct LoginRequest {
  std::string email;
  std::string password;
  std::optional<std::string> totp_code;
  std::optional<std::string> recovery_code;
  ClientInfo client;
};

struct LoginOutcome {
  enum class Kind { kOk, kBadCredentials, kTotpRequired, kThrottled };
  Kind kind = Kind::kBadCredentials;
  std::string session_token;            // kOk: the cookie value, shown once
  std::string user_id;                  // kOk
  std::chrono::seconds retry_after{0};  // kThrottled
};

struct TotpEnrolment {
  std::string secret;  // base32, for typing into an authenticator app
  std::string otpauth_uri;
  std::string qr_svg;
};

struct CreatedToken {
  ApiTokenInfo info;
  std::string token;  // shown once, never stored
};

// Login, sessions, password changes, TOTP 2FA and API tokens. Every rule that decides
// who gets in lives here; storage only keeps state, and the HTTP layer only translates.
class AuthService {
 public:
  AuthService(AuthStore& store, const crypto::PasswordHasher& hasher, const crypto::FieldCipher& cipher,
              const Clock& clock, AuthPolicy policy = {});

  LoginOutcome Login(const LoginRequest& request);
  void Logout(const std::string& user_id, const std::string& session_id, const ClientInfo& client);

  std::optional<CallerIdentity> AuthenticateSession(const std::string& token);
  std::optional<CallerIdentity> AuthenticateToken(const std::string& token);

  // NotFoundError when the user is gone.
  Profile Me(const std::string& user_id);
  // ReauthFailed for a wrong current password, UsageError for a bad new one. Ends every
  // other session of the user (the one making the change stays).
  void ChangePassword(const std::string& user_id, const std::string& current_session_id,
                      const std::string& current_password, const std::string& new_password, const ClientInfo& client);

  // ConflictError when 2FA is already on.
  TotpEnrolment SetupTotp(const std::string& user_id, const ClientInfo& client);
  // Returns the 10 recovery codes (shown once). ValidationError for a wrong code,
  // ConflictError without a setup first or when already on.
  std::vector<std::string> EnableTotp(const std::string& user_id, const std::string& code, const ClientInfo& client);
  // ReauthFailed for a wrong password or code; ConflictError when 2FA is off.
  void DisableTotp(const std::string& user_id, const std::string& password, const std::string& code,
                   const ClientInfo& client);

  CreatedToken CreateToken(const std::string& user_id, const std::string& name, const ClientInfo& client);
  std::vector<ApiTokenInfo> ListTokens(const std::string& user_id);
  // NotFoundError when the user has no such token.
  void RevokeToken(const std::string& user_id, const std::string& token_id, const ClientInfo& client);

  const AuthPolicy& policy() const { return policy_; }

 private:
  std::optional<std::string> DecryptTotpSecret(const std::string& user_id, const std::string& column,
                                               const std::optional<std::string>& stored) const;

  AuthStore& store_;
  const crypto::PasswordHasher& hasher_;
  const crypto::FieldCipher& cipher_;
  const Clock& clock_;
  AuthPolicy policy_;
  // Verified against when the email is unknown, so both answers take as long.
  std::string dummy_hash_;
};

}  // namespace persona::app
