#include "http/json_fields.h"

#include <algorithm>

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

bool HasNul(const nlohmann::json& value) {
  if (value.is_string()) return value.get_ref<const std::string&>().find('\0') != std::string::npos;
  if (value.is_object()) {
    for (const auto& [key, member] : value.items()) {
      if (key.find('\0') != std::string::npos || HasNul(member)) return true;
    }
  }
  if (value.is_array()) {
    for (const auto& item : value) {
      if (HasNul(item)) return true;
    }
  }
  return false;
}

nlohmann::json OptionalJsonbObject(const nlohmann::json& body, std::string_view field) {
  RequireObject(body);
  auto it = body.find(field);
  if (it == body.end() || it->is_null()) return nlohmann::json::object();
  if (!it->is_object()) throw ValidationError(std::string(field), "must be an object");
  if (HasNul(*it)) throw ValidationError(std::string(field), "must not contain NUL characters");
  return *it;
}

void RequireNoNul(const nlohmann::json& body, std::initializer_list<std::string_view> except) {
  RequireObject(body);
  for (const auto& [key, member] : body.items()) {
    if (std::find(except.begin(), except.end(), key) != except.end()) continue;
    if (key.find('\0') != std::string::npos || HasNul(member)) {
      throw ValidationError(key.find('\0') == std::string::npos ? key : "", "must not contain NUL characters");
    }
  }
}

std::string RequireString(const nlohmann::json& body, std::string_view field, std::size_t max_length) {
  auto value = OptionalString(body, field, max_length);
  if (!value) throw ValidationError(std::string(field), "is required");
  return *value;
}

}  // namespace persona::http
