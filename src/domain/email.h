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

// The email a login attempt is counted under (login_attempts.email, VARCHAR(255)): the
// normalized address, or, for one NormalizeEmail refuses, its first 255 bytes cut at a
// character boundary, so the text stays UTF-8.
std::string LoginEmail(std::string_view typed);

}  // namespace persona::domain
