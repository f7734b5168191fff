#pragma once

#include <string>
#include <string_view>

namespace persona {

// True for a UUID in canonical text form (any case). Ids from clients are checked with
// this before they reach a query, so a malformed id is "not found", not a database error.
inline bool IsUuid(std::string_view s) {
  if (s.size() != 36) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    char c = s[i];
    bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    if (dash ? c != '-' : !hex) return false;
  }
  return true;
}

// The form ids are stored and compared in: lowercase, as PostgreSQL prints a uuid.
inline std::string CanonicalUuid(std::string_view s) {
  std::string out(s);
  for (auto& c : out) {
    if (c >= 'A' && c <= 'F') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace persona
