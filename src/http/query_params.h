#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/errors.h"
#include "http/message.h"

namespace persona::http {

// Reading the filters of a list request (`?persona_id=…&from=…`). Each adds a
// ValidationError field to `errors` for a bad value, so one 422 names them all.

std::optional<std::string> QueryValue(const Request& req, const char* name);
// An id filter; must be a UUID.
std::optional<std::string> QueryId(const Request& req, const char* name, std::vector<ValidationError::Field>& errors);
// An RFC 3339 time, returned in canonical UTC.
std::optional<std::string> QueryTime(const Request& req, const char* name, std::vector<ValidationError::Field>& errors);

}  // namespace persona::http
