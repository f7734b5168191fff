#include "app/key_status_service.h"

#include <algorithm>

namespace persona::app {

nlohmann::json KeyStatusService::Status() {
  auto per_kid = store_.ValuesPerKid();
  const auto current = cipher_.CurrentKid();
  nlohmann::json keys = nlohmann::json::array();
  auto add = [&](const std::string& kid, bool known) {
    auto it = per_kid.find(kid);
    keys.push_back({{"kid", kid},
                    {"current", kid == current},
                    {"known", known},
                    {"values", it == per_kid.end() ? 0LL : it->second}});
  };
  const auto kids = cipher_.Kids();
  for (const auto& kid : kids) add(kid, true);
  for (const auto& [kid, count] : per_kid) {
    if (!kid.empty() && std::find(kids.begin(), kids.end(), kid) == kids.end()) add(kid, false);
  }
  auto plain = per_kid.find("");
  return {{"current_kid", current},
          {"keys", std::move(keys)},
          {"unencrypted_values", plain == per_kid.end() ? 0LL : plain->second}};
}

}  // namespace persona::app
