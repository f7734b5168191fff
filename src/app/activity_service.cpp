#include "app/activity_service.h"

#include <algorithm>
#include <array>
#include <utility>

#include "core/errors.h"
#include "core/uuid.h"
#include "domain/platform.h"

namespace persona::app {
namespace {

constexpr std::array<std::string_view, 11> kManualActions = {"comment",       "like",  "follow",         "unfollow",
                                                             "share",         "reply", "direct_message", "story_view",
                                                             "profile_visit", "save",  "other"};

}  // namespace

Page ActivityService::List(const std::string& user_id, const ActivityFilter& filter, const PageRequest& page) {
  return store_.List(user_id, filter, page);
}

JsonText ActivityService::Get(const std::string& user_id, const std::string& id) {
  auto found = IsUuid(id) ? store_.Find(user_id, id) : std::nullopt;
  if (!found) throw NotFoundError("no such activity");
  return std::move(*found);
}

nlohmann::json ActivityService::Record(const std::string& user_id, const nlohmann::json& body,
                                       const ClientInfo& client) {
  if (!body.is_object()) throw ValidationError("", "the request body must be a JSON object");
  std::vector<ValidationError::Field> errors;
  ManualAction action;
  for (const auto& [key, v] : body.items()) {
    if (key == "persona_id") {
      if (!v.is_string() || !IsUuid(v.get<std::string>())) {
        errors.push_back({key, "must be an id"});
      } else {
        action.persona_id = v.get<std::string>();
      }
    } else if (key == "activity_type") {
      if (!v.is_string() ||
          std::find(kManualActions.begin(), kManualActions.end(), v.get<std::string>()) == kManualActions.end()) {
        errors.push_back({key,
                          "must be one of comment, like, follow, unfollow, share, reply, direct_message, story_view, "
                          "profile_visit, save, other"});
      } else {
        action.activity_type = v.get<std::string>();
      }
    } else if (key == "platform_type") {
      auto platform = v.is_string() ? domain::CanonicalPlatform(v.get<std::string>()) : std::nullopt;
      if (!platform) {
        errors.push_back({key, std::string("must be one of ") + domain::kPlatformChoices});
      } else {
        action.platform_type = *platform;
      }
    } else if (key == "activity_data") {
      if (!v.is_object() || v.dump().size() > 16384) {
        errors.push_back({key, "must be an object of at most 16 KiB"});
      } else {
        action.activity_data = v;
      }
    } else if (key == "details") {
      errors.push_back({key, "is now activity_data, the seed's name: send the object there"});
    } else {
      errors.push_back({key, "is not a field you can set"});
    }
  }
  for (const char* required : {"persona_id", "activity_type", "platform_type"}) {
    if (!body.contains(required)) errors.push_back({required, "is required"});
  }
  if (!errors.empty()) throw ValidationError(errors);
  auto row = store_.RecordManual(user_id, action, clock_.Now(), client);
  if (!row) throw NotFoundError("no such persona");
  return std::move(*row);
}

}  // namespace persona::app
