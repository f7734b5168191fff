#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace persona::fuzz {

// The code points of `s`, or nullopt when it is not valid UTF-8 (what JSON strings and
// PostgreSQL's UTF8 text hold).
std::optional<std::size_t> Utf8Chars(std::string_view s);

inline bool IsValidUtf8(std::string_view s) { return Utf8Chars(s).has_value(); }

}  // namespace persona::fuzz
