#pragma once

#include <string>
#include <string_view>

namespace persona::domain {

// Checks an email address and returns it in the form stored and compared: trimmed and
// lowercased (addresses are matched case-insensitively, as users expect). Throws
// UsageError naming what is wrong. Deliberately simple: one '@', a non-empty local
// part, a dotted domain of letters, digits and hyphens, no spaces or control
// characters, at most 255 characters (the column's length).
std::string NormalizeEmail(std::string_view email);

}  // namespace persona::domain
