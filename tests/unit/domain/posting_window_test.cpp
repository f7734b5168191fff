#include "domain/posting_window.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace persona::domain {
namespace {

using nlohmann::json;

constexpr int kMonday = 1;
constexpr int kTuesday = 2;
constexpr int kSunday = 7;

constexpr int At(int hours, int minutes) { return hours * 60 + minutes; }

json Schedule(json posting_times) { return {{"posting_times", std::move(posting_times)}, {"posts_per_day", 2}}; }

json MariasWeek() {
  return Schedule({{"monday", {"08:30", "19:00"}}, {"tuesday", {"08:30", "19:00"}}, {"friday", json::array()}});
}

std::optional<std::string> Check(const json& schedule, int weekday, int minute, int tolerance = 30) {
  return CheckScheduledTime(schedule, "Maria", LocalTime{weekday, minute}, tolerance);
}

TEST(CheckScheduledTime, AllowsAScheduledTimeExactly) {
  EXPECT_EQ(Check(MariasWeek(), kMonday, At(8, 30)), std::nullopt);
  EXPECT_EQ(Check(MariasWeek(), kMonday, At(19, 0)), std::nullopt);
}

TEST(CheckScheduledTime, AllowsUpToTheToleranceEitherSide) {
  EXPECT_EQ(Check(MariasWeek(), kMonday, At(8, 0)), std::nullopt);
  EXPECT_EQ(Check(MariasWeek(), kMonday, At(9, 0)), std::nullopt);
  EXPECT_EQ(Check(MariasWeek(), kMonday, At(18, 45)), std::nullopt);
}

TEST(CheckScheduledTime, RefusesJustOutsideTheTolerance) {
  EXPECT_NE(Check(MariasWeek(), kMonday, At(7, 59)), std::nullopt);
  EXPECT_NE(Check(MariasWeek(), kMonday, At(9, 1)), std::nullopt);
}

TEST(CheckScheduledTime, UsesTheToleranceGiven) {
  EXPECT_EQ(Check(MariasWeek(), kMonday, At(8, 30), 0), std::nullopt);
  EXPECT_NE(Check(MariasWeek(), kMonday, At(8, 31), 0), std::nullopt);
  EXPECT_EQ(Check(MariasWeek(), kMonday, At(9, 30), 60), std::nullopt);
}

TEST(CheckScheduledTime, TimesOfAnotherWeekdayDoNotCount) {
  json schedule = Schedule({{"monday", {"08:30"}}});
  EXPECT_EQ(Check(schedule, kMonday, At(8, 30)), std::nullopt);
  EXPECT_EQ(Check(schedule, kTuesday, At(8, 30)), "Maria's schedule has no posting times on tuesday");
}

TEST(CheckScheduledTime, LateEveningIsNearAnEarlyTimeOfTheNextDay) {
  json schedule = Schedule({{"tuesday", {"00:10"}}});
  EXPECT_EQ(Check(schedule, kMonday, At(23, 50)), std::nullopt);
  EXPECT_NE(Check(schedule, kMonday, At(23, 39)), std::nullopt);
}

TEST(CheckScheduledTime, EarlyMorningIsNearALateTimeOfThePreviousDay) {
  json schedule = Schedule({{"monday", {"23:50"}}});
  EXPECT_EQ(Check(schedule, kTuesday, At(0, 5)), std::nullopt);
  EXPECT_NE(Check(schedule, kTuesday, At(0, 21)), std::nullopt);
}

TEST(CheckScheduledTime, MidnightWrapsBetweenSundayAndMonday) {
  EXPECT_EQ(Check(Schedule({{"sunday", {"23:50"}}}), kMonday, At(0, 5)), std::nullopt);
  EXPECT_EQ(Check(Schedule({{"monday", {"00:10"}}}), kSunday, At(23, 50)), std::nullopt);
  EXPECT_NE(Check(Schedule({{"saturday", {"23:50"}}}), kMonday, At(0, 5)), std::nullopt);
}

TEST(CheckScheduledTime, WithoutPostingTimesAnyTimeIsAllowed) {
  for (const json& schedule :
       {json(nullptr), json::object(), json{{"posts_per_day", 3}}, Schedule(nullptr), Schedule(json::object()),
        Schedule({{"monday", json::array()}, {"friday", nullptr}}), Schedule(json::array({"08:30"}))}) {
    EXPECT_EQ(Check(schedule, kTuesday, At(14, 0)), std::nullopt) << schedule.dump();
  }
}

TEST(CheckScheduledTime, MalformedEntriesAreIgnored) {
  json schedule = Schedule({{"monday", {"7pm", 830, "8:30", "24:00", "12:60", "08:30 ", nullptr, "08:30"}},
                            {"funday", {"14:00"}},
                            {"tuesday", "14:00"}});
  EXPECT_EQ(Check(schedule, kMonday, At(8, 30)), std::nullopt);
  EXPECT_EQ(Check(schedule, kMonday, At(12, 0)),
            "Maria's schedule has no posting time near monday 12:00 (monday: 08:30; ±30 min)");
  EXPECT_EQ(Check(schedule, kTuesday, At(14, 0)), "Maria's schedule has no posting times on tuesday");
}

TEST(CheckScheduledTime, ScheduleOfOnlyMalformedEntriesMeansNoSchedule) {
  EXPECT_EQ(Check(Schedule({{"monday", {"7pm"}}, {"funday", {"14:00"}}}), kTuesday, At(14, 0)), std::nullopt);
}

TEST(CheckScheduledTime, MessageNamesTheDayItsTimesAndTheTolerance) {
  EXPECT_EQ(Check(MariasWeek(), kTuesday, At(14, 0)),
            "Maria's schedule has no posting time near tuesday 14:00 (tuesday: 08:30, 19:00; ±30 min)");
  EXPECT_EQ(Check(MariasWeek(), kTuesday, At(7, 5), 15),
            "Maria's schedule has no posting time near tuesday 07:05 (tuesday: 08:30, 19:00; ±15 min)");
}

TEST(CheckScheduledTime, MessageListsTimesSortedOnce) {
  json schedule = Schedule({{"monday", {"19:00", "08:30", "19:00"}}});
  EXPECT_EQ(Check(schedule, kMonday, At(12, 0)),
            "Maria's schedule has no posting time near monday 12:00 (monday: 08:30, 19:00; ±30 min)");
}

TEST(CheckScheduledTime, MessageSaysWhenTheDayHasNoTimes) {
  EXPECT_EQ(Check(MariasWeek(), 5, At(9, 0)), "Maria's schedule has no posting times on friday");
  EXPECT_EQ(Check(MariasWeek(), kSunday, At(9, 0)), "Maria's schedule has no posting times on sunday");
}

TEST(CheckScheduledTime, MessageWithoutANameSaysThisPersona) {
  EXPECT_EQ(CheckScheduledTime(MariasWeek(), "", LocalTime{3, At(9, 0)}),
            "This persona's schedule has no posting times on wednesday");
}

TEST(CheckScheduledTime, RejectsOutOfRangeArgumentsAsProgrammerErrors) {
  EXPECT_THROW(Check(MariasWeek(), 0, At(8, 30)), std::invalid_argument);
  EXPECT_THROW(Check(MariasWeek(), 8, At(8, 30)), std::invalid_argument);
  EXPECT_THROW(Check(MariasWeek(), kMonday, -1), std::invalid_argument);
  EXPECT_THROW(Check(MariasWeek(), kMonday, At(24, 0)), std::invalid_argument);
  EXPECT_THROW(Check(MariasWeek(), kMonday, At(8, 30), -1), std::invalid_argument);
  EXPECT_THROW(Check(MariasWeek(), kMonday, At(8, 30), 1441), std::invalid_argument);
}

}  // namespace
}  // namespace persona::domain
