#include "app/account_service.h"

#include <array>
#include <utility>

#include "core/errors.h"
#include "core/random.h"
#include "core/time_format.h"
#include "core/uuid.h"
#include "domain/platform.h"

namespace persona::app {
namespace {

void Validate(const NewAccount& a) {
  std::vector<ValidationError::Field> errors;
  if (domain::CanonicalPlatform(a.platform_type) != a.platform_type) {
    errors.push_back({"platform_type", std::string("must be one of ") + domain::kPlatformChoices});
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

bool IsCount(const nlohmann::json& v) {
  return (v.is_number_unsigned() && v.get<unsigned long long>() <= 2147483647ULL) ||
         (v.is_number_integer() && v.get<long long>() >= 0 && v.get<long long>() <= 2147483647LL);
}

bool IsTextUpTo(const nlohmann::json& v, std::size_t max) {
  return v.is_string() && v.get_ref<const std::string&>().size() <= max;
}

// The checked patch (cooldown_until normalised to UTC) and the secrets taken out of it.
struct CheckedPatch {
  nlohmann::json fields = nlohmann::json::object();
  std::optional<std::string> credentials;
  std::optional<std::string> auth_tokens;
};

std::optional<std::string> SecretText(const nlohmann::json& v) {
  if (!v.is_object() && !v.is_string()) return std::nullopt;
  auto text = v.dump();
  if (text.size() > 16384) return std::nullopt;
  return text;
}

CheckedPatch ValidatePatch(const nlohmann::json& patch) {
  std::vector<ValidationError::Field> errors;
  CheckedPatch out;
  if (!patch.is_object()) throw ValidationError("", "the request body must be a JSON object");
  for (const auto& [key, v] : patch.items()) {
    bool ok = true;
    std::string message;
    if (key == "username") {
      ok = v.is_string() && !v.get_ref<const std::string&>().empty() && IsTextUpTo(v, 100);
      message = "must be 1 to 100 characters";
    } else if (key == "display_name") {
      ok = v.is_null() || IsTextUpTo(v, 100);
      message = "must be at most 100 characters or null";
    } else if (key == "bio") {
      ok = v.is_null() || IsTextUpTo(v, 4096);
      message = "must be at most 4096 characters or null";
    } else if (key == "profile_image_url") {
      ok = v.is_null() || IsTextUpTo(v, 2048);
      message = "must be at most 2048 characters or null";
    } else if (key == "auth_tokens" && v.is_null()) {
      out.fields[key] = nullptr;  // removes the stored tokens (update.sql)
      continue;
    } else if (key == "credentials" || key == "auth_tokens") {
      auto text = SecretText(v);
      ok = text.has_value();
      message = "must be an object or a string of at most 16 KiB";
      if (!ok) {
        errors.push_back({key, message});
      } else {
        (key == "credentials" ? out.credentials : out.auth_tokens) = text;  // kept out of `fields`
      }
      continue;
    } else if (key == "platform_settings" || key == "posting_schedule") {
      ok = v.is_object();
      message = "must be an object";
    } else if (key == "daily_post_limit") {
      ok = IsCount(v) && v.get<long long>() >= 1 && v.get<long long>() <= 1000;
      message = "must be an integer from 1 to 1000";
    } else if (key == "cooldown_until") {
      message = "must be an RFC 3339 time such as \"2026-11-27T08:00:00Z\", or null";
      if (v.is_null()) {
        out.fields[key] = nullptr;
        continue;
      }
      auto at = v.is_string() ? ParseTimestamp(v.get<std::string>()) : std::nullopt;
      if (!at) {
        errors.push_back({key, message});
      } else {
        out.fields[key] = FormatTimestamp(*at);
      }
      continue;
    } else if (key == "account_status") {
      ok = v == "pending" || v == "verified" || v == "suspended" || v == "banned";
      message = "must be pending, verified, suspended or banned";
    } else if (key == "verification_level") {
      ok = v == "basic" || v == "verified" || v == "business";
      message = "must be basic, verified or business";
    } else if (key == "follower_count" || key == "following_count" || key == "warning_count") {
      ok = IsCount(v);
      message = "must be an integer from 0 to 2147483647";
    } else if (key == "is_active") {
      ok = v.is_boolean();
      message = "must be true or false";
    } else if (key == "platform_type") {
      ok = false;
      message = "cannot change; create an account on the other platform instead";
    } else {
      ok = false;
      message = "is not a field you can set";
    }
    if (!ok) {
      errors.push_back({key, message});
    } else {
      out.fields[key] = v;
    }
  }
  if (!errors.empty()) throw ValidationError(errors);
  return out;
}

}  // namespace

nlohmann::json AccountService::Create(const std::string& user_id, const NewAccount& input, const ClientInfo& client) {
  NewAccount account = input;
  account.platform_type = domain::CanonicalPlatform(input.platform_type).value_or(input.platform_type);
  Validate(account);
  if (!IsUuid(account.persona_id)) throw NotFoundError("no such persona");
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
  auto account = IsUuid(account_id) ? store_.Find(user_id, account_id, clock_.Now()) : std::nullopt;
  if (!account) throw NotFoundError("no such account");
  return std::move(*account);
}

Page AccountService::List(const std::string& user_id, const std::string& persona_id, const PageRequest& page) {
  auto accounts = IsUuid(persona_id) ? store_.List(user_id, persona_id, page, clock_.Now()) : std::nullopt;
  if (!accounts) throw NotFoundError("no such persona");
  return std::move(*accounts);
}

nlohmann::json AccountService::Update(const std::string& user_id, const std::string& account_id,
                                      const nlohmann::json& patch, const ClientInfo& client) {
  if (!IsUuid(account_id)) throw NotFoundError("no such account");
  auto checked = ValidatePatch(patch);
  auto encrypt = [&](const std::optional<std::string>& plain, const char* column) -> std::optional<std::string> {
    if (!plain) return std::nullopt;
    return cipher_.Encrypt(*plain, "platform_accounts", column, account_id);
  };
  if (!store_.Update(user_id, account_id, checked.fields, encrypt(checked.credentials, "credentials_encrypted"),
                     encrypt(checked.auth_tokens, "auth_tokens_encrypted"), clock_.Now(), client)) {
    throw NotFoundError("no such account");
  }
  return Get(user_id, account_id);
}

void AccountService::Delete(const std::string& user_id, const std::string& account_id, const ClientInfo& client) {
  if (!IsUuid(account_id) || !store_.Delete(user_id, account_id, clock_.Now(), client)) {
    throw NotFoundError("no such account");
  }
}

nlohmann::json AccountService::Reveal(const std::string& user_id, const std::string& account_id,
                                      const std::string& password, const ClientInfo& client) {
  auto secrets = IsUuid(account_id) ? store_.FindSecrets(user_id, account_id) : std::nullopt;
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
