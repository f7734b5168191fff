#include "storage/pg/auth_store.h"

#include <pqxx/pqxx>

#include "core/errors.h"
#include "core/time_format.h"
#include "storage/pg/activity_writer.h"
#include "storage/pg/sql_params.h"
#include "storage/pg/transaction.h"

namespace persona::storage {
namespace {

using app::TimePoint;

std::string Interval(std::chrono::seconds s) { return std::to_string(s.count()) + " seconds"; }

std::optional<std::string> OptionalText(const pqxx::field& f) {
  if (f.is_null()) return std::nullopt;
  return f.as<std::string>();
}

// Nullable text parameter: pqxx sends a null for an empty optional.

std::optional<TimePoint> FromEpoch(const pqxx::result& r) {
  if (r.empty()) return std::nullopt;
  auto secs = std::chrono::duration<double>(r[0][0].as<double>());
  return TimePoint(std::chrono::duration_cast<TimePoint::duration>(secs));
}

class PgAuthTx : public app::AuthTx {
 public:
  explicit PgAuthTx(pqxx::work& tx) : tx_(tx) {}

  void LockLogin(const std::string& email, const std::string& source_ip) override {
    tx_.exec_prepared("auth_lock_login", email, source_ip);
  }
  std::optional<TimePoint> ThrottledUntilEmail(const std::string& email, TimePoint now, int limit,
                                               std::chrono::seconds window) override {
    return FromEpoch(
        tx_.exec_prepared("auth_throttled_until_email", email, FormatTimestamp(now), limit, Interval(window)));
  }
  std::optional<TimePoint> ThrottledUntilAddress(const std::string& source_ip, TimePoint now, int limit,
                                                 std::chrono::seconds window) override {
    return FromEpoch(
        tx_.exec_prepared("auth_throttled_until_ip", source_ip, FormatTimestamp(now), limit, Interval(window)));
  }
  int CountFailures(const std::string& email, TimePoint now, std::chrono::seconds window) override {
    return tx_.exec_prepared1("auth_count_failures", email, FormatTimestamp(now), Interval(window))[0].as<int>();
  }
  void RecordAttempt(const std::string& email, const std::string& source_ip, bool succeeded, TimePoint now) override {
    tx_.exec_prepared("auth_record_attempt", email, source_ip, succeeded, FormatTimestamp(now));
  }
  std::optional<app::LoginAccount> FindAccount(const std::string& email) override {
    auto r = tx_.exec_prepared("auth_user_for_login", email);
    if (r.empty()) return std::nullopt;
    app::LoginAccount a;
    a.user_id = r[0][0].as<std::string>();
    a.password_hash = r[0][1].as<std::string>();
    a.is_active = r[0][2].as<bool>(true);
    a.two_factor_enabled = r[0][3].as<bool>(false);
    a.two_factor_secret = OptionalText(r[0][4]);
    a.totp_last_step = r[0][5].as<long long>();
    return a;
  }
  std::optional<app::Profile> FindProfile(const std::string& user_id) override {
    auto r = tx_.exec_prepared("auth_user_profile", user_id);
    if (r.empty()) return std::nullopt;
    const auto& row = r[0];
    app::Profile p;
    p.id = row[0].as<std::string>();
    p.email = row[1].as<std::string>();
    p.subscription_tier = row[2].as<std::string>("basic");
    p.max_personas = row[3].as<int>(0);
    p.two_factor_enabled = row[4].as<bool>(false);
    p.created_at = row[5].as<std::string>("");
    p.last_login = OptionalText(row[6]);
    p.password_hash = row[7].as<std::string>();
    p.two_factor_secret = OptionalText(row[8]);
    p.totp_pending_secret = OptionalText(row[9]);
    p.totp_last_step = row[10].as<long long>();
    p.password_change_required = row[11].as<bool>(false);
    return p;
  }
  bool UseTotpStep(const std::string& user_id, long long step) override {
    return tx_.exec_prepared("auth_use_totp_step", user_id, step).affected_rows() == 1;
  }
  bool UseRecoveryCode(const std::string& user_id, const std::string& code_hash, TimePoint now) override {
    return tx_.exec_prepared("auth_use_recovery_code", user_id, code_hash, FormatTimestamp(now)).affected_rows() == 1;
  }
  std::string CreateSession(const std::string& user_id, const std::string& token_hash, TimePoint now,
                            std::chrono::seconds lifetime, const std::string& ip,
                            const std::string& user_agent) override {
    return tx_
        .exec_prepared1("auth_create_session", user_id, token_hash, FormatTimestamp(now), Interval(lifetime),
                        NullIfEmpty(ip), NullIfEmpty(user_agent))[0]
        .as<std::string>();
  }
  void DeleteSession(const std::string& user_id, const std::string& session_id) override {
    tx_.exec_prepared("auth_delete_session", session_id, user_id);
  }
  void DeleteOtherSessions(const std::string& user_id, const std::string& keep_session_id) override {
    tx_.exec_prepared("auth_delete_other_sessions", user_id, keep_session_id);
  }
  void MarkLogin(const std::string& user_id, TimePoint now) override {
    tx_.exec_prepared("auth_login_succeeded", user_id, FormatTimestamp(now));
  }
  void SetPasswordHash(const std::string& user_id, const std::string& hash, TimePoint now) override {
    tx_.exec_prepared("auth_set_password", user_id, hash, FormatTimestamp(now));
  }
  void RehashPassword(const std::string& user_id, const std::string& hash) override {
    tx_.exec_prepared("auth_rehash_password", user_id, hash);
  }
  void SetPendingTotp(const std::string& user_id, const std::string& encrypted_secret) override {
    tx_.exec_prepared("auth_set_pending_totp", user_id, encrypted_secret);
  }
  bool EnableTotp(const std::string& user_id, const std::string& encrypted_secret, long long step,
                  TimePoint now) override {
    return tx_.exec_prepared("auth_enable_totp", user_id, encrypted_secret, step, FormatTimestamp(now))
               .affected_rows() == 1;
  }
  void DisableTotp(const std::string& user_id, TimePoint now) override {
    tx_.exec_prepared("auth_disable_totp", user_id, FormatTimestamp(now));
  }
  void ReplaceRecoveryCodes(const std::string& user_id, const std::vector<std::string>& code_hashes) override {
    tx_.exec_prepared("auth_delete_recovery_codes", user_id);
    for (const auto& h : code_hashes) tx_.exec_prepared("auth_add_recovery_code", user_id, h);
  }
  app::ApiTokenInfo CreateToken(const std::string& user_id, const std::string& name, const std::string& token_hash,
                                TimePoint now) override {
    auto row = tx_.exec_prepared1("auth_create_token", user_id, name, token_hash, FormatTimestamp(now));
    return {row[0].as<std::string>(), name, row[1].as<std::string>(), std::nullopt};
  }
  std::vector<app::ApiTokenInfo> ListTokens(const std::string& user_id) override {
    std::vector<app::ApiTokenInfo> out;
    for (const auto& row : tx_.exec_prepared("auth_list_tokens", user_id)) {
      out.push_back(
          {row[0].as<std::string>(), row[1].as<std::string>(), row[2].as<std::string>(), OptionalText(row[3])});
    }
    return out;
  }
  bool DeleteToken(const std::string& user_id, const std::string& token_id) override {
    return tx_.exec_prepared("auth_delete_token", token_id, user_id).affected_rows() == 1;
  }
  void RecordSecurityEvent(const app::SecurityEvent& e, TimePoint now) override {
    tx_.exec_prepared("auth_security_event", e.event_type, e.severity, e.user_id ? e.user_id->c_str() : nullptr,
                      e.description, e.data.dump(), NullIfEmpty(e.source_ip), NullIfEmpty(e.user_agent),
                      FormatTimestamp(now));
  }
  void RecordActivity(const app::Activity& a, TimePoint now) override { storage::RecordActivity(tx_, a, now); }

 private:
  pqxx::work& tx_;
};

}  // namespace

void PgAuthStore::Transaction(const std::function<void(app::AuthTx&)>& work) {
  RunTransaction(pool_, [&](pqxx::work& tx) {
    PgAuthTx auth_tx(tx);
    work(auth_tx);
  });
}

std::optional<app::CallerIdentity> PgAuthStore::SessionCaller(const std::string& token_hash, TimePoint now,
                                                              std::chrono::seconds idle_timeout) {
  std::optional<app::CallerIdentity> caller;
  RunStatement(pool_, [&](pqxx::nontransaction& tx) {
    auto r = tx.exec_prepared("auth_session_caller", token_hash, FormatTimestamp(now), Interval(idle_timeout));
    if (!r.empty()) caller = app::CallerIdentity{r[0][0].as<std::string>(), r[0][1].as<std::string>()};
  });
  return caller;
}

std::optional<app::CallerIdentity> PgAuthStore::TokenCaller(const std::string& token_hash, TimePoint now) {
  std::optional<app::CallerIdentity> caller;
  RunStatement(pool_, [&](pqxx::nontransaction& tx) {
    auto r = tx.exec_prepared("auth_token_caller", token_hash, FormatTimestamp(now));
    if (!r.empty()) caller = app::CallerIdentity{r[0][0].as<std::string>(), r[0][1].as<std::string>()};
  });
  return caller;
}

}  // namespace persona::storage
