#include "app/auth_service.h"

#include <algorithm>
#include <cctype>

#include "app/user_service.h"
#include "core/errors.h"
#include "core/random.h"
#include "core/time_format.h"
#include "crypto/encoding.h"
#include "crypto/qr_svg.h"
#include "crypto/recovery_codes.h"
#include "crypto/totp.h"
#include "domain/email.h"

namespace persona::app {
namespace {

constexpr const char* kTotpIssuer = "Persona";
constexpr int kRecoveryCodeCount = 10;
constexpr std::size_t kMaxTokenName = 100;

std::chrono::seconds Until(TimePoint then, TimePoint now) {
  auto secs = std::chrono::ceil<std::chrono::seconds>(then - now);
  return std::max(secs, std::chrono::seconds(1));
}

SecurityEvent Event(std::string type, std::string severity, std::optional<std::string> user_id, std::string description,
                    nlohmann::json data, const ClientInfo& client) {
  return SecurityEvent{std::move(type), std::move(severity), std::move(user_id), std::move(description),
                       std::move(data), client.ip,           client.user_agent};
}

}  // namespace

AuthService::AuthService(AuthStore& store, const crypto::PasswordHasher& hasher, const crypto::FieldCipher& cipher,
                         const Clock& clock, AuthPolicy policy)
    : store_(store),
      hasher_(hasher),
      cipher_(cipher),
      clock_(clock),
      policy_(policy),
      dummy_hash_(hasher.Hash(RandomHex(16))) {}

std::optional<std::string> AuthService::DecryptTotpSecret(const std::string& user_id, const std::string& column,
                                                          const std::optional<std::string>& stored) const {
  if (!stored) return std::nullopt;
  return cipher_.Decrypt(*stored, "users", column, user_id);
}

LoginOutcome AuthService::Login(const LoginRequest& request) {
  const TimePoint now = clock_.Now();
  // An invalid email is simply an unknown account: same answer, same work.
  const std::string email = domain::LoginEmail(request.email);
  const std::string& ip = request.client.ip;
  LoginOutcome outcome;

  store_.Transaction([&](AuthTx& tx) {
    tx.LockLogin(email, ip);
    auto by_email = tx.ThrottledUntilEmail(email, now, policy_.account_failure_limit, policy_.throttle_window);
    auto by_ip = tx.ThrottledUntilAddress(ip, now, policy_.address_failure_limit, policy_.throttle_window);
    if (by_email || by_ip) {
      TimePoint until = std::max(by_email.value_or(now), by_ip.value_or(now));
      outcome.kind = LoginOutcome::Kind::kThrottled;
      outcome.retry_after = Until(until, now);
      auto account = tx.FindAccount(email);
      tx.RecordSecurityEvent(
          Event("rate_limit_hit", "warning", account ? std::optional(account->user_id) : std::nullopt,
                by_email ? "login throttled: too many failures for this account"
                         : "login throttled: too many failures from this address",
                {{"retry_after_s", outcome.retry_after.count()}}, request.client),
          now);
      return;
    }

    auto account = tx.FindAccount(email);
    bool password_ok = hasher_.Verify(request.password, account ? account->password_hash : dummy_hash_);
    bool ok = account && account->is_active && password_ok;
    std::string failure = !account ? "unknown account" : !account->is_active ? "inactive account" : "wrong password";

    if (ok && account->two_factor_enabled) {
      bool has_totp = request.totp_code && !request.totp_code->empty();
      bool has_recovery = request.recovery_code && !request.recovery_code->empty();
      if (!has_totp && !has_recovery) {
        // The password was right: not a failure, the client must ask for the code.
        outcome.kind = LoginOutcome::Kind::kTotpRequired;
        return;
      }
      if (has_totp) {
        auto secret = DecryptTotpSecret(account->user_id, "two_factor_secret", account->two_factor_secret);
        auto step = secret ? crypto::VerifyTotp(*secret, *request.totp_code, UnixSeconds(now), account->totp_last_step)
                           : std::nullopt;
        ok = step && tx.UseTotpStep(account->user_id, *step);
        failure = "wrong or reused TOTP code";
      } else {
        ok = tx.UseRecoveryCode(account->user_id,
                                crypto::HashToken(crypto::NormalizeRecoveryCode(*request.recovery_code)), now);
        failure = "wrong or used recovery code";
        if (ok) {
          tx.RecordSecurityEvent(Event("recovery_code_used", "warning", account->user_id,
                                       "logged in with a recovery code", {}, request.client),
                                 now);
        }
      }
    }

    tx.RecordAttempt(email, ip, ok, now);
    if (!ok) {
      outcome.kind = LoginOutcome::Kind::kBadCredentials;
      std::optional<std::string> user_id = account ? std::optional(account->user_id) : std::nullopt;
      tx.RecordSecurityEvent(
          Event("login_failure", "warning", user_id, "login failed: " + failure, {{"reason", failure}}, request.client),
          now);
      if (tx.CountFailures(email, now, policy_.throttle_window) == policy_.account_failure_limit) {
        tx.RecordSecurityEvent(
            Event("account_lockout", "error", user_id, "login locked for this account after repeated failures",
                  {{"window_s", policy_.throttle_window.count()}}, request.client),
            now);
      }
      return;
    }

    outcome.kind = LoginOutcome::Kind::kOk;
    outcome.user_id = account->user_id;
    outcome.session_token = crypto::NewToken(32);
    tx.CreateSession(account->user_id, crypto::HashToken(outcome.session_token), now, policy_.session_lifetime, ip,
                     request.client.user_agent);
    tx.MarkLogin(account->user_id, now);
    // Parameters raised since this hash was made: upgrade it while we hold the password.
    if (hasher_.NeedsRehash(account->password_hash)) {
      tx.RehashPassword(account->user_id, hasher_.Hash(request.password));
    }
    tx.RecordActivity({account->user_id, "login", {}, ip, request.client.user_agent}, now);
  });
  return outcome;
}

void AuthService::Logout(const std::string& user_id, const std::string& session_id, const ClientInfo& client) {
  const TimePoint now = clock_.Now();
  store_.Transaction([&](AuthTx& tx) {
    tx.DeleteSession(user_id, session_id);
    tx.RecordActivity({user_id, "logout", {}, client.ip, client.user_agent}, now);
  });
}

std::optional<CallerIdentity> AuthService::AuthenticateSession(const std::string& token) {
  if (token.empty() || token.size() > 256) return std::nullopt;
  return store_.SessionCaller(crypto::HashToken(token), clock_.Now(), policy_.session_idle);
}

std::optional<CallerIdentity> AuthService::AuthenticateToken(const std::string& token) {
  if (token.empty() || token.size() > 256) return std::nullopt;
  return store_.TokenCaller(crypto::HashToken(token), clock_.Now());
}

Profile AuthService::Me(const std::string& user_id) {
  std::optional<Profile> profile;
  store_.Transaction([&](AuthTx& tx) { profile = tx.FindProfile(user_id); });
  if (!profile) throw NotFoundError("no such user");
  return *profile;
}

void AuthService::ChangePassword(const std::string& user_id, const std::string& current_session_id,
                                 const std::string& current_password, const std::string& new_password,
                                 const ClientInfo& client) {
  try {
    UserService::CheckPassword(new_password);
  } catch (const UsageError& e) {
    throw ValidationError("new_password", e.what());
  }
  const TimePoint now = clock_.Now();
  store_.Transaction([&](AuthTx& tx) {
    auto profile = tx.FindProfile(user_id);
    if (!profile) throw NotFoundError("no such user");
    if (!hasher_.Verify(current_password, profile->password_hash)) {
      tx.RecordSecurityEvent(
          Event("reauth_failure", "warning", user_id, "wrong current password on password change", {}, client), now);
      throw ReauthFailed();
    }
    tx.SetPasswordHash(user_id, hasher_.Hash(new_password), now);
    tx.DeleteOtherSessions(user_id, current_session_id);
    tx.RecordSecurityEvent(
        Event("password_changed", "info", user_id, "password changed; other sessions ended", {}, client), now);
    tx.RecordActivity({user_id, "password_change", {}, client.ip, client.user_agent}, now);
  });
}

TotpEnrolment AuthService::SetupTotp(const std::string& user_id, const ClientInfo& client) {
  TotpEnrolment enrolment;
  store_.Transaction([&](AuthTx& tx) {
    auto profile = tx.FindProfile(user_id);
    if (!profile) throw NotFoundError("no such user");
    if (profile->two_factor_enabled) throw ConflictError("two-factor authentication is already enabled");
    std::string secret = crypto::NewTotpSecret();
    tx.SetPendingTotp(user_id, cipher_.Encrypt(secret, "users", "totp_pending_secret", user_id));
    enrolment.secret = crypto::Base32Encode(secret);
    enrolment.otpauth_uri = crypto::OtpauthUri(kTotpIssuer, profile->email, secret);
    enrolment.qr_svg = crypto::QrSvg(enrolment.otpauth_uri);
    tx.RecordActivity({user_id, "2fa_setup", {}, client.ip, client.user_agent}, clock_.Now());
  });
  return enrolment;
}

std::vector<std::string> AuthService::EnableTotp(const std::string& user_id, const std::string& code,
                                                 const ClientInfo& client) {
  const TimePoint now = clock_.Now();
  std::vector<std::string> codes;
  store_.Transaction([&](AuthTx& tx) {
    auto profile = tx.FindProfile(user_id);
    if (!profile) throw NotFoundError("no such user");
    if (profile->two_factor_enabled) throw ConflictError("two-factor authentication is already enabled");
    auto secret = DecryptTotpSecret(user_id, "totp_pending_secret", profile->totp_pending_secret);
    if (!secret) throw ConflictError("no enrolment in progress: call /me/2fa/setup first");
    auto step = crypto::VerifyTotp(*secret, code, UnixSeconds(now), 0);
    if (!step) throw ValidationError("code", "the code does not match; check the authenticator app's clock");
    if (!tx.EnableTotp(user_id, cipher_.Encrypt(*secret, "users", "two_factor_secret", user_id), *step, now)) {
      throw ConflictError("two-factor authentication is already enabled");
    }
    codes = crypto::NewRecoveryCodes(kRecoveryCodeCount);
    std::vector<std::string> hashes;
    for (const auto& c : codes) hashes.push_back(crypto::HashToken(crypto::NormalizeRecoveryCode(c)));
    tx.ReplaceRecoveryCodes(user_id, hashes);
    tx.RecordSecurityEvent(Event("2fa_enabled", "info", user_id, "two-factor authentication enabled", {}, client), now);
    tx.RecordActivity({user_id, "2fa_enable", {}, client.ip, client.user_agent}, now);
  });
  return codes;
}

void AuthService::DisableTotp(const std::string& user_id, const std::string& password, const std::string& code,
                              const ClientInfo& client) {
  const TimePoint now = clock_.Now();
  bool reauth_failed = false;
  store_.Transaction([&](AuthTx& tx) {
    auto profile = tx.FindProfile(user_id);
    if (!profile) throw NotFoundError("no such user");
    if (!profile->two_factor_enabled) throw ConflictError("two-factor authentication is not enabled");
    if (!hasher_.Verify(password, profile->password_hash)) {
      reauth_failed = true;
      return;  // commit nothing but the event below
    }
    // The authenticator's code, or a recovery code: whoever lost the phone logs in with
    // a recovery code and must be able to turn 2FA off (and enrol the new phone).
    auto secret = DecryptTotpSecret(user_id, "two_factor_secret", profile->two_factor_secret);
    auto step = secret ? crypto::VerifyTotp(*secret, code, UnixSeconds(now), profile->totp_last_step) : std::nullopt;
    bool code_ok = step ? tx.UseTotpStep(user_id, *step)
                        : tx.UseRecoveryCode(user_id, crypto::HashToken(crypto::NormalizeRecoveryCode(code)), now);
    if (!code_ok) {
      reauth_failed = true;
      return;
    }
    tx.DisableTotp(user_id, now);
    tx.ReplaceRecoveryCodes(user_id, {});
    tx.RecordSecurityEvent(Event("2fa_disabled", "warning", user_id, "two-factor authentication disabled", {}, client),
                           now);
    tx.RecordActivity({user_id, "2fa_disable", {}, client.ip, client.user_agent}, now);
  });
  if (reauth_failed) {
    store_.Transaction([&](AuthTx& tx) {
      tx.RecordSecurityEvent(
          Event("reauth_failure", "warning", user_id, "wrong password or code on 2FA disable", {}, client), now);
    });
    throw ReauthFailed();
  }
}

CreatedToken AuthService::CreateToken(const std::string& user_id, const std::string& name, const ClientInfo& client) {
  if (name.empty() || name.size() > kMaxTokenName ||
      std::any_of(name.begin(), name.end(), [](unsigned char c) { return c < 0x20 || c == 0x7f; })) {
    throw ValidationError("name", "a name of 1 to 100 characters, without control characters");
  }
  const TimePoint now = clock_.Now();
  CreatedToken created;
  // A prefix makes leaked tokens recognisable to secret scanners and to people.
  created.token = "pst_" + crypto::NewToken(32);
  store_.Transaction([&](AuthTx& tx) {
    created.info = tx.CreateToken(user_id, name, crypto::HashToken(created.token), now);
    tx.RecordActivity(
        {user_id, "api_token_create", {{"token_id", created.info.id}, {"name", name}}, client.ip, client.user_agent},
        now);
  });
  return created;
}

std::vector<ApiTokenInfo> AuthService::ListTokens(const std::string& user_id) {
  std::vector<ApiTokenInfo> tokens;
  store_.Transaction([&](AuthTx& tx) { tokens = tx.ListTokens(user_id); });
  return tokens;
}

void AuthService::RevokeToken(const std::string& user_id, const std::string& token_id, const ClientInfo& client) {
  const TimePoint now = clock_.Now();
  store_.Transaction([&](AuthTx& tx) {
    if (!tx.DeleteToken(user_id, token_id)) throw NotFoundError("no such API token");
    tx.RecordActivity({user_id, "api_token_revoke", {{"token_id", token_id}}, client.ip, client.user_agent}, now);
  });
}

}  // namespace persona::app
