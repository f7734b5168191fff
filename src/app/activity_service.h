#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "app/auth_service.h"
#include "app/json_text.h"
#include "app/page.h"
#include "core/clock.h"

namespace persona::app {

struct ActivityFilter {
  std::optional<std::string> persona_id;
  std::optional<std::string> activity_type;
  std::optional<std::string> platform_type;
  std::optional<std::string> from;  // canonical UTC
  std::optional<std::string> to;
};

struct ManualAction {
  std::string persona_id;
  std::string activity_type;
  std::string platform_type;
  nlohmann::json activity_data = nlohmann::json::object();  // as the operator sent it
};

class ActivityStore {
 public:
  virtual ~ActivityStore() = default;
  virtual Page List(const std::string& user_id, const ActivityFilter& filter, const PageRequest& page) = 0;
  virtual std::optional<JsonText> Find(const std::string& user_id, const std::string& id) = 0;
  // Inserts the row, scored against the persona's usual rate by the database (migration
  // 0012), in the live session, whose actions_performed goes up. nullopt when the persona
  // is not the user's.
  virtual std::optional<nlohmann::json> RecordManual(const std::string& user_id, const ManualAction& action,
                                                     Clock::TimePoint now, const ClientInfo& client) = 0;
};

// The activity log: every change the API makes writes its own row; this lists them and
// records what the operator did by hand on a platform (comment, like, follow…), scoring
// each against the persona's usual rate (docs/activity.md).
class ActivityService {
 public:
  ActivityService(ActivityStore& store, const Clock& clock) : store_(store), clock_(clock) {}

  Page List(const std::string& user_id, const ActivityFilter& filter, const PageRequest& page);
  JsonText Get(const std::string& user_id, const std::string& id);
  nlohmann::json Record(const std::string& user_id, const nlohmann::json& body, const ClientInfo& client);

 private:
  ActivityStore& store_;
  const Clock& clock_;
};

}  // namespace persona::app
