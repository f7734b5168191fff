#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "app/auth_service.h"
#include "app/page.h"
#include "core/clock.h"
#include "crypto/field_cipher.h"
#include "crypto/password_hasher.h"

namespace persona::app {

struct NewAccount {
  std::string persona_id;
  std::string platform_type;
  std::string username;
  std::optional<std::string> display_name;
  std::optional<std::string> bio;
  std::optional<std::string> profile_image_url;
  std::string credentials;                 // plaintext JSON text; stored encrypted
  std::optional<std::string> auth_tokens;  // plaintext JSON text; stored encrypted
  nlohmann::json platform_settings = nlohmann::json::object();
  nlohmann::json posting_schedule = nlohmann::json::object();
  int daily_post_limit = 10;
};

struct AccountSecrets {
  std::string id;
  std::string persona_id;
  std::string platform_type;
  std::optional<std::string> credentials_encrypted;
  std::optional<std::string> auth_tokens_encrypted;
};

class AccountStore {
 public:
  virtual ~AccountStore() = default;
  // False when the persona is not the user's. ConflictError for a taken username.
  virtual bool Insert(const std::string& user_id, const std::string& account_id, const NewAccount& account,
                      const std::string& credentials_encrypted, const std::optional<std::string>& auth_tokens_encrypted,
                      TimePoint now, const ClientInfo& client) = 0;
  // The account as the API shows it (no secrets), if it is the user's.
  // daily_posts_count is the count of the persona's day at `now`.
  virtual std::optional<nlohmann::json> Find(const std::string& user_id, const std::string& account_id,
                                             Clock::TimePoint now) = 0;
  // nullopt when the persona is not the user's.
  virtual std::optional<Page> List(const std::string& user_id, const std::string& persona_id, const PageRequest& page,
                                   Clock::TimePoint now) = 0;
  // `patch` is validated and holds no secrets; new encrypted secrets come apart. False
  // when the account is not the user's; ConflictError for a taken username.
  virtual bool Update(const std::string& user_id, const std::string& account_id, const nlohmann::json& patch,
                      const std::optional<std::string>& credentials_encrypted,
                      const std::optional<std::string>& auth_tokens_encrypted, TimePoint now,
                      const ClientInfo& client) = 0;
  virtual bool Delete(const std::string& user_id, const std::string& account_id, TimePoint now,
                      const ClientInfo& client) = 0;
  virtual std::optional<AccountSecrets> FindSecrets(const std::string& user_id, const std::string& account_id) = 0;
  virtual std::optional<std::string> PasswordHash(const std::string& user_id) = 0;
  // Security event + activity row for a reveal (or a refused one), in one transaction.
  virtual void RecordReveal(const std::string& user_id, const AccountSecrets& account, bool allowed, TimePoint now,
                            const ClientInfo& client) = 0;
};

// Platform accounts under a persona: create, read, list, change, delete, and reveal the
// write-only secrets after the password is given again.
class AccountService {
 public:
  AccountService(AccountStore& store, const crypto::PasswordHasher& hasher, const crypto::FieldCipher& cipher,
                 const Clock& clock)
      : store_(store), hasher_(hasher), cipher_(cipher), clock_(clock) {}

  // ValidationError listing every bad field; NotFoundError for another user's or an
  // unknown persona; ConflictError for a username taken on that platform.
  nlohmann::json Create(const std::string& user_id, const NewAccount& account, const ClientInfo& client);
  nlohmann::json Get(const std::string& user_id, const std::string& account_id);
  Page List(const std::string& user_id, const std::string& persona_id, const PageRequest& page);
  // PATCH: every member of `patch` is checked (ValidationError listing each bad one);
  // `credentials`/`auth_tokens` are replaced, encrypted.
  nlohmann::json Update(const std::string& user_id, const std::string& account_id, const nlohmann::json& patch,
                        const ClientInfo& client);
  void Delete(const std::string& user_id, const std::string& account_id, const ClientInfo& client);
  // {"credentials": …, "auth_tokens": …} decrypted. ReauthFailed for a wrong password.
  nlohmann::json Reveal(const std::string& user_id, const std::string& account_id, const std::string& password,
                        const ClientInfo& client);

 private:
  AccountStore& store_;
  const crypto::PasswordHasher& hasher_;
  const crypto::FieldCipher& cipher_;
  const Clock& clock_;
};

}  // namespace persona::app
