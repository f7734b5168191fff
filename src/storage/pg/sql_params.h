#pragma once

#include <optional>
#include <string>

namespace persona::storage {

// Statement parameters for nullable columns: libpqxx sends a null `const char*` as SQL NULL.
inline const char* OrNull(const std::optional<std::string>& s) { return s ? s->c_str() : nullptr; }
// For text that is "not known" when empty (client address, user agent).
inline const char* NullIfEmpty(const std::string& s) { return s.empty() ? nullptr : s.c_str(); }

}  // namespace persona::storage
