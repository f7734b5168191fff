#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace persona::http {

// Decodes %XX escapes (and '+' as space when `plus_is_space`, for query strings).
// nullopt on a malformed escape, a decoded NUL byte or a result that is not UTF-8: all
// client errors, which would only fail later, deeper down (PostgreSQL text holds
// neither a NUL nor invalid UTF-8).
std::optional<std::string> PercentDecode(std::string_view in, bool plus_is_space);

// Splits an origin-form target ("/path?query") into its raw parts; false when the
// target is not origin-form (absolute-form and "*" are not served here).
bool SplitTarget(std::string_view target, std::string_view& raw_path, std::string_view& raw_query);

// "a=1&b=x%20y" → {a: "1", b: "x y"}; a key given twice keeps its first value.
// false on a malformed escape.
bool ParseQuery(std::string_view raw_query, std::map<std::string, std::string>& out);

}  // namespace persona::http
