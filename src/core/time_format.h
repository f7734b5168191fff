#pragma once

#include <chrono>
#include <string>

namespace persona {

// RFC 3339 UTC with microseconds ("2026-11-27T08:00:00.123456Z"): how instants are
// passed to SQL as parameters, so the injected clock, not NOW(), decides the time.
std::string FormatTimestamp(std::chrono::system_clock::time_point t);

// Seconds since the Unix epoch (what TOTP counts in).
std::int64_t UnixSeconds(std::chrono::system_clock::time_point t);

}  // namespace persona
