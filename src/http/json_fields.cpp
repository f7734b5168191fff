#include "http/json_fields.h"

#include "core/errors.h"

namespace persona::http {

const nlohmann::json& RequireObject(const nlohmann::json& body) {
  if (!body.is_object()) throw ValidationError("", "the request body must be a JSON object");
  return body;
}

std::optional<std::string> OptionalString(const nlohmann::json& body, std::string_view field, std::size_t max_length) {
  RequireObject(body);
  auto it = body.find(field);
  if (it == body.end() || it->is_null()) return std::nullopt;
  if (!it->is_string()) throw ValidationError(std::string(field), "must be a string");
  const auto& value = it->get_ref<const std::string&>();
  if (value.size() > max_length) {
    throw ValidationError(std::string(field), "must be at most " + std::to_string(max_length) + " bytes");
  }
  if (value.find('\0') != std::string::npos) throw ValidationError(std::string(field), "must not contain NUL");
  return value;
}

std::string RequireString(const nlohmann::json& body, std::string_view field, std::size_t max_length) {
  auto value = OptionalString(body, field, max_length);
  if (!value) throw ValidationError(std::string(field), "is required");
  return *value;
}

}  // namespace persona::http
