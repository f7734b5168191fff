#include "http/query_params.h"

#include "core/time_format.h"
#include "core/uuid.h"

namespace persona::http {

std::optional<std::string> QueryValue(const Request& req, const char* name) {
  auto it = req.query.find(name);
  if (it == req.query.end()) return std::nullopt;
  return it->second;
}

std::optional<std::string> QueryId(const Request& req, const char* name, std::vector<ValidationError::Field>& errors) {
  auto value = QueryValue(req, name);
  if (value && !IsUuid(*value)) errors.push_back({name, "must be an id"});
  return value;
}

std::optional<std::string> QueryTime(const Request& req, const char* name,
                                     std::vector<ValidationError::Field>& errors) {
  auto value = QueryValue(req, name);
  if (!value) return std::nullopt;
  auto at = ParseTimestamp(*value);
  if (!at) {
    errors.push_back({name, "must be an RFC 3339 time"});
    return std::nullopt;
  }
  return FormatTimestamp(*at);
}

}  // namespace persona::http
