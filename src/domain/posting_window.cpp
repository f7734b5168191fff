#include "domain/posting_window.h"

#include <array>
#include <cstdlib>
#include <set>
#include <stdexcept>

namespace persona::domain {
namespace {

using nlohmann::json;

constexpr int kMinutesPerDay = 24 * 60;
constexpr std::array<const char*, 7> kWeekdays = {"monday", "tuesday",  "wednesday", "thursday",
                                                  "friday", "saturday", "sunday"};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Minute of the day of a strict "HH:MM" (the form the API accepts); nullopt otherwise.
std::optional<int> ParseTime(const json& value) {
  if (!value.is_string()) return std::nullopt;
  const auto& text = value.get_ref<const std::string&>();
  if (text.size() != 5 || text[2] != ':' || !IsDigit(text[0]) || !IsDigit(text[1]) || !IsDigit(text[3]) ||
      !IsDigit(text[4])) {
    return std::nullopt;
  }
  int hours = (text[0] - '0') * 10 + (text[1] - '0');
  int minutes = (text[3] - '0') * 10 + (text[4] - '0');
  if (hours > 23 || minutes > 59) return std::nullopt;
  return hours * 60 + minutes;
}

// The valid times of one weekday (1 = Monday), sorted and without repeats.
std::set<int> TimesOn(const json& posting_times, int iso_weekday) {
  std::set<int> times;
  auto day = posting_times.find(kWeekdays[iso_weekday - 1]);
  if (day == posting_times.end() || !day->is_array()) return times;
  for (const auto& entry : *day) {
    if (auto minute = ParseTime(entry)) times.insert(*minute);
  }
  return times;
}

std::string FormatTime(int minute_of_day) {
  int hours = minute_of_day / 60;
  int minutes = minute_of_day % 60;
  return {static_cast<char>('0' + hours / 10), static_cast<char>('0' + hours % 10), ':',
          static_cast<char>('0' + minutes / 10), static_cast<char>('0' + minutes % 10)};
}

}  // namespace

std::optional<std::string> CheckScheduledTime(const nlohmann::json& activity_schedule, std::string_view persona_name,
                                              LocalTime local, int tolerance_minutes) {
  if (local.iso_weekday < 1 || local.iso_weekday > 7) throw std::invalid_argument("iso_weekday must be 1 to 7");
  if (local.minute_of_day < 0 || local.minute_of_day >= kMinutesPerDay) {
    throw std::invalid_argument("minute_of_day must be 0 to 1439");
  }
  // Only the neighbouring days are searched, which covers at most a day either way.
  if (tolerance_minutes < 0 || tolerance_minutes > kMinutesPerDay) {
    throw std::invalid_argument("tolerance_minutes must be 0 to 1440");
  }

  if (!activity_schedule.is_object()) return std::nullopt;
  auto posting_times = activity_schedule.find("posting_times");
  if (posting_times == activity_schedule.end() || !posting_times->is_object()) return std::nullopt;

  std::array<std::set<int>, 7> week;  // index 0 = Monday
  bool has_schedule = false;
  for (int day = 1; day <= 7; ++day) {
    week[day - 1] = TimesOn(*posting_times, day);
    has_schedule = has_schedule || !week[day - 1].empty();
  }
  if (!has_schedule) return std::nullopt;

  // The day before, the day itself and the day after, with each one's times shifted onto
  // the local day's minute scale.
  for (int offset = -1; offset <= 1; ++offset) {
    int index = (local.iso_weekday - 1 + offset + 7) % 7;
    for (int minute : week[index]) {
      if (std::abs(local.minute_of_day - (minute + offset * kMinutesPerDay)) <= tolerance_minutes) return std::nullopt;
    }
  }

  std::string owner = persona_name.empty() ? "This persona" : std::string(persona_name);
  std::string day_name = kWeekdays[local.iso_weekday - 1];
  const auto& today = week[local.iso_weekday - 1];
  if (today.empty()) return owner + "'s schedule has no posting times on " + day_name;
  std::string list;
  for (int minute : today) list += (list.empty() ? "" : ", ") + FormatTime(minute);
  return owner + "'s schedule has no posting time near " + day_name + " " + FormatTime(local.minute_of_day) + " (" +
         day_name + ": " + list + "; \u00b1" + std::to_string(tolerance_minutes) + " min)";
}

}  // namespace persona::domain
