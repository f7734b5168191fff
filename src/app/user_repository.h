#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace persona::app {

struct UserSummary {
  std::string id;
  std::string email;
  std::string subscription_tier;
  int max_personas = 0;
  bool is_active = true;
  bool two_factor_enabled = false;
  std::string created_at;
  std::optional<std::string> last_login;
};

struct NewUser {
  std::string email;  // normalized
  std::string password_hash;
  std::string subscription_tier;
  int max_personas = 0;
  // The first admin's generated password: the UI asks for a new one until it changes.
  bool password_change_required = false;
};

// What erasing a user removed, per table, and how many security events were kept
// de-identified.
struct ErasureReport {
  std::vector<std::pair<std::string, long long>> removed;
  long long security_events_deidentified = 0;
};

// Storage of operator accounts; implemented in storage/pg.
class UserRepository {
 public:
  virtual ~UserRepository() = default;
  // Throws ConflictError when the email is taken.
  virtual std::string Add(const NewUser& user) = 0;
  virtual std::vector<UserSummary> List() = 0;
  // False when no user has this email. A new password clears password_change_required.
  virtual bool SetPasswordHash(const std::string& email, const std::string& password_hash) = 0;
  virtual long long Count() = 0;
  virtual std::optional<std::string> IdOf(const std::string& email) = 0;
  // One transaction: the user and everything they own go; their security events stay,
  // de-identified. `check` sees the user's password hash first and may throw to refuse
  // (nothing changes then). nullopt when there is no such user.
  virtual std::optional<ErasureReport> Erase(const std::string& user_id,
                                             const std::function<void(const std::string&)>& check) = 0;
};

}  // namespace persona::app
