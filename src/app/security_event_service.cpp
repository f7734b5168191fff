#include "app/security_event_service.h"

#include "core/errors.h"
#include "core/uuid.h"

namespace persona::app {

Page SecurityEventService::List(const std::string& user_id, const SecurityEventFilter& filter,
                                const PageRequest& page) {
  return store_.List(user_id, filter, page);
}

nlohmann::json SecurityEventService::Resolve(const std::string& user_id, const std::string& id,
                                             const nlohmann::json& body, const ClientInfo& client) {
  if (!IsUuid(id)) throw NotFoundError("no such security event");
  if (!body.is_object()) throw ValidationError("", "the request body must be a JSON object");
  nlohmann::json actions = nlohmann::json::array();
  for (const auto& [key, value] : body.items()) {
    if (key != "actions_taken") throw ValidationError(key, "is not a field you can set");
    if (!value.is_array() || value.size() > 20) {
      throw ValidationError(key, "must be a list of at most 20 actions such as \"password_changed\"");
    }
    for (std::size_t i = 0; i < value.size(); ++i) {
      const auto& action = value[i];
      if (!action.is_string() || action.get_ref<const std::string&>().empty() ||
          action.get_ref<const std::string&>().size() > 200) {
        throw ValidationError(key + "[" + std::to_string(i) + "]", "must be 1 to 200 characters");
      }
    }
    actions = value;
  }
  auto resolved = store_.Resolve(user_id, id, actions, clock_.Now(), client);
  if (!resolved) throw NotFoundError("no such security event");
  if (!*resolved) throw ConflictError("the security event is already resolved", {{"code", "already_resolved"}});
  return *store_.Find(user_id, id);
}

}  // namespace persona::app
