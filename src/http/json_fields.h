#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace persona::http {

// Reading fields of a JSON request body with per-field errors (ValidationError, 422).

// The body must be a JSON object.
const nlohmann::json& RequireObject(const nlohmann::json& body);
// A string member of at most `max_length` bytes; absent, null or another type is an error.
std::string RequireString(const nlohmann::json& body, std::string_view field, std::size_t max_length = 4096);
// Like RequireString, but absent or null gives nullopt.
std::optional<std::string> OptionalString(const nlohmann::json& body, std::string_view field,
                                          std::size_t max_length = 4096);

// Whether a NUL character is in any key or string of `value`, however deep.
bool HasNul(const nlohmann::json& value);

// An object member (absent or null: {}) that will be stored as jsonb. PostgreSQL's
// jsonb cannot hold U+0000 anywhere, so a NUL in any key or string is a 422 here
// rather than a database error later.
nlohmann::json OptionalJsonbObject(const nlohmann::json& body, std::string_view field);

// 422 naming the top-level member that holds a NUL character anywhere inside it (for
// bodies whose members go to jsonb or text columns, neither of which can hold one).
// Members named in `except` (secrets stored encrypted, where a NUL is just a byte) are
// not looked into.
void RequireNoNul(const nlohmann::json& body, std::initializer_list<std::string_view> except = {});

}  // namespace persona::http
