#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace persona {

// RFC 3339 UTC with microseconds ("2026-11-27T08:00:00.123456Z"): how instants are
// passed to SQL as parameters, so the injected clock, not NOW(), decides the time.
std::string FormatTimestamp(std::chrono::system_clock::time_point t);

// Parses an RFC 3339 timestamp with an offset ("2026-11-27T08:00:00Z",
// "2026-11-27T16:00:00.5+08:00") of an instant from 1970-01-01T00:00:00Z to April 2262,
// the range of std::chrono::system_clock; nullopt for anything else, including dates that
// do not exist (31 February), so client input never reaches SQL unchecked. What
// FormatTimestamp writes of a result parses back to it.
std::optional<std::chrono::system_clock::time_point> ParseTimestamp(std::string_view text);

// Seconds since the Unix epoch (what TOTP counts in).
std::int64_t UnixSeconds(std::chrono::system_clock::time_point t);

}  // namespace persona
