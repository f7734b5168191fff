#pragma once

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
};

// Storage of operator accounts; implemented in storage/pg.
class UserRepository {
 public:
  virtual ~UserRepository() = default;
  // Throws ConflictError when the email is taken.
  virtual std::string Add(const NewUser& user) = 0;
  virtual std::vector<UserSummary> List() = 0;
  // False when no user has this email.
  virtual bool SetPasswordHash(const std::string& email, const std::string& password_hash) = 0;
  virtual long long Count() = 0;
};

}  // namespace persona::app
