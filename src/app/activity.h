#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace persona::app {

// One activity_logs row: written by every mutating request, in the transaction of the
// change it records (API.md). The persona's live session, if any, is linked by storage.
struct Activity {
  std::string user_id;
  std::string activity_type;
  nlohmann::json data = nlohmann::json::object();  // never a secret
  std::string ip_address;
  std::string user_agent;
  std::optional<std::string> persona_id = std::nullopt;
  std::optional<std::string> platform_type = std::nullopt;
};

}  // namespace persona::app
