#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/user_repository.h"
#include "crypto/password_hasher.h"

namespace persona::app {

// Operator accounts as the CLI manages them: add, list, change a password.
class UserService {
 public:
  UserService(UserRepository& users, const crypto::PasswordHasher& hasher) : users_(users), hasher_(hasher) {}

  // Validates (UsageError: bad email, empty or short password, unknown tier), hashes
  // the password with Argon2id and stores the user; returns the new id. ConflictError
  // when the email is taken. `password_change_required` marks a generated password
  // (the first admin's), until the user sets their own.
  std::string Add(std::string_view email, std::string_view password, std::string_view tier,
                  bool password_change_required = false);
  std::vector<UserSummary> List() { return users_.List(); }
  // UsageError for a bad email or password; NotFoundError when no user has the email.
  void ChangePassword(std::string_view email, std::string_view new_password);
  bool HasUsers() { return users_.Count() > 0; }
  // The id of the user with this email (UsageError for a malformed one); nullopt for none.
  std::optional<std::string> IdOf(std::string_view email);
  // `persona user delete`: erases the user with this email and everything they own
  // (docs/retention.md, "Erasure"). NotFoundError when no user has it.
  ErasureReport EraseByEmail(std::string_view email);
  // DELETE /me: the same for the caller, after their password again (ReauthFailed).
  ErasureReport EraseSelf(const std::string& user_id, const std::string& password);

  static constexpr std::size_t kMinPasswordLength = 8;
  static constexpr std::size_t kMaxPasswordLength = 1024;  // bounds Argon2 input work
  static void CheckPassword(std::string_view password);
  // Everything Add checks before it touches storage; UsageError on the first problem.
  static void CheckNewUser(std::string_view email, std::string_view password, std::string_view tier);

 private:
  UserRepository& users_;
  const crypto::PasswordHasher& hasher_;
};

}  // namespace persona::app
