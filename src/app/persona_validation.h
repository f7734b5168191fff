#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "core/errors.h"

namespace persona::app {

// Checks a persona body (create, or with `partial` a PATCH) against the documented
// shapes (docs/persona-shapes.md) and returns every problem, each with the JSON path of
// its field ("demographics.age", "activity_schedule.posting_times.monday[1]"). Empty
// means valid. Unknown top-level members are problems too, so typos do not vanish.
std::vector<ValidationError::Field> ValidatePersona(const nlohmann::json& body, bool partial);

// True for an IANA zone name the system's tz database knows ("Asia/Manila", "UTC").
bool IsKnownTimezone(const std::string& name);

}  // namespace persona::app
