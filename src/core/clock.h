#pragma once

#include <chrono>

namespace persona {

// The time source of every time-dependent rule (sessions, throttles, TOTP, retention),
// injected so tests move time instead of sleeping.
class Clock {
 public:
  using TimePoint = std::chrono::system_clock::time_point;
  virtual ~Clock() = default;
  virtual TimePoint Now() const = 0;
};

class SystemClock : public Clock {
 public:
  TimePoint Now() const override { return std::chrono::system_clock::now(); }
};

}  // namespace persona
