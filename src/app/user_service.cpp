#include "app/user_service.h"

#include <stdexcept>

#include "core/errors.h"
#include "domain/email.h"
#include "domain/tier.h"

namespace persona::app {

void UserService::CheckPassword(std::string_view password) {
  if (password.empty()) throw UsageError("the password is empty");
  if (password.size() < kMinPasswordLength) {
    throw UsageError("the password must have at least " + std::to_string(kMinPasswordLength) + " characters");
  }
  if (password.size() > kMaxPasswordLength) {
    throw UsageError("the password must have at most " + std::to_string(kMaxPasswordLength) + " characters");
  }
}

void UserService::CheckNewUser(std::string_view email, std::string_view password, std::string_view tier) {
  domain::NormalizeEmail(email);
  if (!domain::MaxPersonasForTier(tier)) {
    throw UsageError("unknown tier '" + std::string(tier) + "': use basic, pro or enterprise");
  }
  CheckPassword(password);
}

std::string UserService::Add(std::string_view email, std::string_view password, std::string_view tier,
                             bool password_change_required) {
  CheckNewUser(email, password, tier);
  return users_.Add({domain::NormalizeEmail(email), hasher_.Hash(password), std::string(tier),
                     *domain::MaxPersonasForTier(tier), password_change_required});
}

void UserService::ChangePassword(std::string_view email, std::string_view new_password) {
  std::string normalized = domain::NormalizeEmail(email);
  CheckPassword(new_password);
  if (!users_.SetPasswordHash(normalized, hasher_.Hash(new_password))) {
    throw NotFoundError("no user with email " + normalized);
  }
}

std::optional<std::string> UserService::IdOf(std::string_view email) {
  return users_.IdOf(domain::NormalizeEmail(email));
}

ErasureReport UserService::EraseByEmail(std::string_view email) {
  auto id = IdOf(email);
  if (!id) throw NotFoundError("no user has the email " + std::string(email));
  auto report = users_.Erase(*id, [](const std::string&) {});
  if (!report) throw NotFoundError("no user has the email " + std::string(email));
  return *report;
}

ErasureReport UserService::EraseSelf(const std::string& user_id, const std::string& password) {
  auto report = users_.Erase(user_id, [&](const std::string& password_hash) {
    if (!hasher_.Verify(password, password_hash)) throw ReauthFailed();
  });
  if (!report) throw NotFoundError("no such user");
  return *report;
}

}  // namespace persona::app
