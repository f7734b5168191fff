#include "app/account_service.h"

#include <array>

#include "core/errors.h"
#include "core/random.h"

namespace persona::app {
namespace {

constexpr std::array<std::string_view, 4> kPlatforms = {"twitter", "instagram", "tiktok", "linkedin"};

void Validate(const NewAccount& a) {
  std::vector<ValidationError::Field> errors;
  if (std::find(kPlatforms.begin(), kPlatforms.end(), a.platform_type) == kPlatforms.end()) {
    errors.push_back({"platform_type", "must be one of twitter, instagram, tiktok, linkedin"});
  }
  if (a.username.empty() || a.username.size() > 100) errors.push_back({"username", "must be 1 to 100 characters"});
  if (a.display_name && a.display_name->size() > 100) errors.push_back({"display_name", "at most 100 characters"});
  if (!a.platform_settings.is_object()) errors.push_back({"platform_settings", "must be an object"});
  if (!a.posting_schedule.is_object()) errors.push_back({"posting_schedule", "must be an object"});
  if (a.daily_post_limit < 1 || a.daily_post_limit > 1000) {
    errors.push_back({"daily_post_limit", "must be an integer from 1 to 1000"});
  }
  if (!errors.empty()) throw ValidationError(errors);
}

}  // namespace

nlohmann::json AccountService::Create(const std::string& user_id, const NewAccount& account, const ClientInfo& client) {
  Validate(account);
  // The id is chosen here: the ciphertexts are bound to it before the row exists.
  const std::string id = NewUuid();
  auto credentials = cipher_.Encrypt(account.credentials, "platform_accounts", "credentials_encrypted", id);
  std::optional<std::string> tokens;
  if (account.auth_tokens) {
    tokens = cipher_.Encrypt(*account.auth_tokens, "platform_accounts", "auth_tokens_encrypted", id);
  }
  if (!store_.Insert(user_id, id, account, credentials, tokens, clock_.Now(), client)) {
    throw NotFoundError("no such persona");
  }
  return Get(user_id, id);
}

nlohmann::json AccountService::Get(const std::string& user_id, const std::string& account_id) {
  auto account = store_.Find(user_id, account_id);
  if (!account) throw NotFoundError("no such account");
  return *account;
}

nlohmann::json AccountService::Reveal(const std::string& user_id, const std::string& account_id,
                                      const std::string& password, const ClientInfo& client) {
  auto secrets = store_.FindSecrets(user_id, account_id);
  if (!secrets) throw NotFoundError("no such account");
  auto hash = store_.PasswordHash(user_id);
  bool allowed = hash && hasher_.Verify(password, *hash);
  store_.RecordReveal(user_id, *secrets, allowed, clock_.Now(), client);
  if (!allowed) throw ReauthFailed();
  auto open = [&](const std::optional<std::string>& stored, const char* column) -> nlohmann::json {
    if (!stored) return nullptr;
    auto plain = cipher_.Decrypt(*stored, "platform_accounts", column, secrets->id);
    if (!plain) throw std::runtime_error("a stored secret of account " + secrets->id + " cannot be decrypted");
    auto parsed = nlohmann::json::parse(*plain, nullptr, false);
    return parsed.is_discarded() ? nlohmann::json(*plain) : parsed;
  };
  return {{"id", secrets->id},
          {"credentials", open(secrets->credentials_encrypted, "credentials_encrypted")},
          {"auth_tokens", open(secrets->auth_tokens_encrypted, "auth_tokens_encrypted")}};
}

}  // namespace persona::app
