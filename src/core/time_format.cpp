#include "core/time_format.h"

#include <cstdio>
#include <ctime>
#include <regex>

namespace persona {

std::string FormatTimestamp(std::chrono::system_clock::time_point t) {
  auto micros = std::chrono::duration_cast<std::chrono::microseconds>(t.time_since_epoch()).count();
  std::time_t secs = static_cast<std::time_t>(micros / 1000000);
  long frac = static_cast<long>(micros % 1000000);
  if (frac < 0) {
    frac += 1000000;
    --secs;
  }
  std::tm utc{};
  gmtime_r(&secs, &utc);
  char buf[48];
  std::size_t n = std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &utc);
  std::snprintf(buf + n, sizeof buf - n, ".%06ldZ", frac);
  return buf;
}

std::optional<std::chrono::system_clock::time_point> ParseTimestamp(std::string_view text) {
  static const std::regex kRfc3339(
      R"(([0-9]{4})-([0-9]{2})-([0-9]{2})[Tt]([0-9]{2}):([0-9]{2}):([0-9]{2})(\.[0-9]{1,9})?([Zz]|([+-])([0-9]{2}):([0-9]{2})))");
  std::cmatch m;
  if (text.size() > 64 || !std::regex_match(text.data(), text.data() + text.size(), m, kRfc3339)) return std::nullopt;
  auto part = [&m](int i) { return std::stoi(m[i].str()); };
  std::tm tm{};
  tm.tm_year = part(1) - 1900;
  tm.tm_mon = part(2) - 1;
  tm.tm_mday = part(3);
  tm.tm_hour = part(4);
  tm.tm_min = part(5);
  tm.tm_sec = part(6);
  std::time_t secs = timegm(&tm);
  std::tm back{};
  gmtime_r(&secs, &back);
  // timegm normalises out-of-range fields (month 13, 31 February); a real date survives unchanged.
  if (part(1) < 1970 || back.tm_year != part(1) - 1900 || back.tm_mon != part(2) - 1 || back.tm_mday != part(3) ||
      back.tm_hour != part(4) || back.tm_min != part(5) || back.tm_sec != part(6)) {
    return std::nullopt;
  }
  if (m[9].matched) {
    int hours = part(10);
    int minutes = part(11);
    if (hours > 23 || minutes > 59) return std::nullopt;
    int offset = (hours * 60 + minutes) * 60;
    secs -= m[9].str() == "+" ? offset : -offset;
  }
  // system_clock counts nanoseconds in 64 bits: a later instant would overflow it.
  constexpr auto kLastSecond =
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::duration::max()).count() - 1;
  if (secs > kLastSecond) return std::nullopt;
  // Before 1970 once the offset is applied ("1970-01-01T00:00:00+01:00"): refused like any
  // other, or FormatTimestamp would write a time this function does not read back.
  if (secs < 0) return std::nullopt;
  std::chrono::microseconds micros{0};
  if (m[7].matched) {
    std::string digits = m[7].str().substr(1);
    digits.resize(6, '0');
    micros = std::chrono::microseconds(std::stol(digits));
  }
  return std::chrono::system_clock::from_time_t(secs) + micros;
}

std::int64_t UnixSeconds(std::chrono::system_clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

}  // namespace persona
