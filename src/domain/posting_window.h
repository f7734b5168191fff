#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace persona::domain {

// A moment on the wall clock of the persona's time zone; the caller converts from UTC.
struct LocalTime {
  int iso_weekday;    // 1 = Monday … 7 = Sunday
  int minute_of_day;  // 0..1439
};

// Whether a post at `local` fits the persona's activity_schedule
// ({"posting_times": {"monday": ["08:30", "19:00"], …}, "posts_per_day": n}, all members
// optional; docs/persona-shapes.md): nullopt when it does, else a user-facing message
// such as "Maria's schedule has no posting time near tuesday 14:00 (tuesday: 08:30, 19:00;
// ±30 min)" or "Maria's schedule has no posting times on tuesday".
// A persona without any posting time may post whenever. Otherwise the time must be within
// tolerance_minutes of one of its times, counting across midnight: 23:50 on Monday is near
// 00:10 on Tuesday, and 00:05 on Monday near 23:50 on Sunday. Entries that are not
// "HH:MM" strings are skipped, not reported: schedules are validated when written.
// Throws std::invalid_argument for a LocalTime out of range or a tolerance outside
// 0..1440 minutes (programmer errors).
std::optional<std::string> CheckScheduledTime(const nlohmann::json& activity_schedule, std::string_view persona_name,
                                              LocalTime local, int tolerance_minutes = 30);

}  // namespace persona::domain
