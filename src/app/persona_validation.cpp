#include "app/persona_validation.h"

#include <fstream>
#include <functional>
#include <map>
#include <regex>
#include <set>
#include <string>

namespace persona::app {
namespace {

using Fields = std::vector<ValidationError::Field>;

constexpr std::size_t kMaxListItems = 50;
constexpr std::size_t kMaxShortText = 100;

bool IsShortString(const nlohmann::json& v, std::size_t max = kMaxShortText) {
  return v.is_string() && !v.get_ref<const std::string&>().empty() && v.get_ref<const std::string&>().size() <= max;
}

void CheckStringList(const nlohmann::json& v, const std::string& path, Fields& errors) {
  if (!v.is_array() || v.size() > kMaxListItems) {
    errors.push_back({path, "must be a list of at most 50 strings"});
    return;
  }
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (!IsShortString(v[i]))
      errors.push_back({path + "[" + std::to_string(i) + "]", "must be a string of 1 to 100 characters"});
  }
}

// Members of `object` at `path`: each known one checked by its function; others refused.
template <typename Checks>
void CheckObject(const nlohmann::json& object, const std::string& path, const Checks& checks, Fields& errors) {
  if (!object.is_object()) {
    errors.push_back({path, "must be an object"});
    return;
  }
  for (const auto& [key, value] : object.items()) {
    auto it = checks.find(key);
    if (it == checks.end()) {
      errors.push_back({path + "." + key, "is not a known member"});
    } else {
      it->second(value, path + "." + key, errors);
    }
  }
}

using Check = std::function<void(const nlohmann::json&, const std::string&, Fields&)>;

Check ShortString(std::size_t max = kMaxShortText) {
  return [max](const nlohmann::json& v, const std::string& path, Fields& errors) {
    if (!IsShortString(v, max))
      errors.push_back({path, "must be a string of 1 to " + std::to_string(max) + " characters"});
  };
}

Check OneOf(std::set<std::string> allowed) {
  return [allowed](const nlohmann::json& v, const std::string& path, Fields& errors) {
    if (!v.is_string() || allowed.count(v.get<std::string>()) == 0) {
      std::string list;
      for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
      errors.push_back({path, "must be one of " + list});
    }
  };
}

Check IntegerIn(long long lo, long long hi) {
  return [lo, hi](const nlohmann::json& v, const std::string& path, Fields& errors) {
    bool ok = v.is_number_integer() && !(v.is_number_unsigned() && v.get<unsigned long long>() > 1000000) &&
              v.get<long long>() >= lo && v.get<long long>() <= hi;
    if (!ok) errors.push_back({path, "must be an integer from " + std::to_string(lo) + " to " + std::to_string(hi)});
  };
}

void CheckDemographics(const nlohmann::json& v, const std::string& path, Fields& errors) {
  static const std::map<std::string, Check> kChecks = {{"age", IntegerIn(13, 120)},
                                                       {"gender", ShortString(50)},
                                                       {"location", ShortString()},
                                                       {"occupation", ShortString()}};
  CheckObject(v, path, kChecks, errors);
}

void CheckPersonality(const nlohmann::json& v, const std::string& path, Fields& errors) {
  static const std::map<std::string, Check> kChecks = {
      {"interests", CheckStringList}, {"values", CheckStringList}, {"communication_style", ShortString(200)}};
  CheckObject(v, path, kChecks, errors);
}

void CheckPostingTimes(const nlohmann::json& v, const std::string& path, Fields& errors) {
  static const std::regex kTime(R"(([01][0-9]|2[0-3]):[0-5][0-9])");
  static const std::set<std::string> kDays = {"monday", "tuesday",  "wednesday", "thursday",
                                              "friday", "saturday", "sunday"};
  if (!v.is_object()) {
    errors.push_back({path, "must be an object of weekday -> list of \"HH:MM\""});
    return;
  }
  for (const auto& [day, times] : v.items()) {
    if (kDays.count(day) == 0) {
      errors.push_back({path + "." + day, "must be a weekday in lowercase English (monday … sunday)"});
      continue;
    }
    if (!times.is_array() || times.size() > 48) {
      errors.push_back({path + "." + day, "must be a list of at most 48 \"HH:MM\" times"});
      continue;
    }
    for (std::size_t i = 0; i < times.size(); ++i) {
      if (!times[i].is_string() || !std::regex_match(times[i].get<std::string>(), kTime)) {
        errors.push_back({path + "." + day + "[" + std::to_string(i) + "]", "must be a 24-hour time \"HH:MM\""});
      }
    }
  }
}

void CheckActivitySchedule(const nlohmann::json& v, const std::string& path, Fields& errors) {
  static const std::map<std::string, Check> kChecks = {{"posting_times", CheckPostingTimes},
                                                       {"posts_per_day", IntegerIn(0, 50)}};
  CheckObject(v, path, kChecks, errors);
}

void CheckContentThemes(const nlohmann::json& v, const std::string& path, Fields& errors) {
  static const std::map<std::string, Check> kChecks = {
      {"topics", CheckStringList}, {"hashtags", CheckStringList}, {"style", ShortString(200)}};
  CheckObject(v, path, kChecks, errors);
}

void CheckEngagementStyle(const nlohmann::json& v, const std::string& path, Fields& errors) {
  static const std::map<std::string, Check> kChecks = {{"comment_frequency", OneOf({"low", "medium", "high"})},
                                                       {"interaction_patterns", CheckStringList}};
  CheckObject(v, path, kChecks, errors);
}

void CheckLanguages(const nlohmann::json& v, const std::string& path, Fields& errors) {
  static const std::regex kCode(R"([a-z]{2,3}(-[A-Z]{2})?)");
  if (!v.is_array() || v.empty() || v.size() > 20) {
    errors.push_back({path, "must be a list of 1 to 20 language codes"});
    return;
  }
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (!v[i].is_string() || !std::regex_match(v[i].get<std::string>(), kCode)) {
      errors.push_back(
          {path + "[" + std::to_string(i) + "]", "must be a language code such as \"en\", \"fil\" or \"en-PH\""});
    }
  }
}

void CheckTimezone(const nlohmann::json& v, const std::string& path, Fields& errors) {
  if (!v.is_string() || v.get_ref<const std::string&>().size() > 50 || !IsKnownTimezone(v.get<std::string>())) {
    errors.push_back({path, "must be an IANA time zone such as \"Asia/Manila\""});
  }
}

}  // namespace

bool IsKnownTimezone(const std::string& name) {
  // Names only from the tz database's alphabet, never a path that could escape it.
  static const std::regex kName(R"([A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9][A-Za-z0-9_+-]*)*)");
  if (name.empty() || name.size() > 50 || !std::regex_match(name, kName)) return false;
  std::ifstream in("/usr/share/zoneinfo/" + name, std::ios::binary);
  char magic[4] = {};
  return in.read(magic, 4) && std::string(magic, 4) == "TZif";
}

std::vector<ValidationError::Field> ValidatePersona(const nlohmann::json& body, bool partial) {
  static const std::map<std::string, Check> kChecks = {
      {"name", ShortString()},
      {"status", OneOf({"active", "inactive", "suspended"})},
      {"demographics", CheckDemographics},
      {"personality", CheckPersonality},
      {"backstory", ShortString(10000)},
      {"primary_location", ShortString()},
      {"timezone", CheckTimezone},
      {"language_preferences", CheckLanguages},
      {"activity_schedule", CheckActivitySchedule},
      {"content_themes", CheckContentThemes},
      {"engagement_style", CheckEngagementStyle},
  };
  Fields errors;
  if (!body.is_object()) return {{"", "the request body must be a JSON object"}};
  for (const auto& [key, value] : body.items()) {
    auto it = kChecks.find(key);
    if (it == kChecks.end()) {
      errors.push_back({key, "is not a field you can set"});
    } else if (value.is_null() && (key == "backstory")) {
      continue;  // the one nullable text
    } else {
      it->second(value, key, errors);
    }
  }
  if (!partial) {
    for (const char* required : {"name", "demographics", "personality", "primary_location", "timezone",
                                 "activity_schedule", "content_themes", "engagement_style"}) {
      if (!body.contains(required)) errors.push_back({required, "is required"});
    }
  }
  return errors;
}

}  // namespace persona::app
