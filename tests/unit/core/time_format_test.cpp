#include "core/time_format.h"

#include <gtest/gtest.h>

namespace persona {
namespace {

TEST(ParseTimestamp, ReadsOffsetsAndFractions) {
  auto at = ParseTimestamp("2026-11-27T16:00:00.5+08:00");
  ASSERT_TRUE(at);
  EXPECT_EQ(FormatTimestamp(*at), "2026-11-27T08:00:00.500000Z");
  EXPECT_FALSE(ParseTimestamp("2026-02-31T00:00:00Z"));
  EXPECT_FALSE(ParseTimestamp("1969-12-31T23:59:59Z"));
}

// Found by fuzz_post_body (fuzz/corpus/post_body/crash-time-past-2262): a year the
// pattern allows but std::chrono::system_clock (nanoseconds in 64 bits) cannot hold
// overflowed a signed integer while converting — undefined behaviour, in practice a
// scheduled_for that wrapped around to some other time.
TEST(ParseTimestamp, RefusesWhatTheClockCannotHold) {
  EXPECT_FALSE(ParseTimestamp("9559-11-27T19:00:00Z"));
  EXPECT_FALSE(ParseTimestamp("9999-12-31T23:59:59Z"));
  EXPECT_FALSE(ParseTimestamp("2262-04-12T00:00:00Z"));
  EXPECT_FALSE(ParseTimestamp("2262-04-11T23:59:00Z"));
  auto last = ParseTimestamp("2262-04-11T23:47:15.999999Z");
  ASSERT_TRUE(last);
  EXPECT_EQ(FormatTimestamp(*last), "2262-04-11T23:47:15.999999Z");
  // The offset moves an instant back into range.
  EXPECT_TRUE(ParseTimestamp("2262-04-12T08:00:00+09:00"));
}

// Seen in review, then reproduced by fuzz_post_body built with _GLIBCXX_ASSERTIONS
// (fuzz/corpus/post_body/crash-time-before-1970): the year was
// checked before the offset was applied, so "1970-01-01T00:00:00+01:00" parsed to an
// instant in 1969, which FormatTimestamp wrote and ParseTimestamp then refused: scheduling
// a post at it dereferenced the empty result (PostService::CheckSchedule).
TEST(ParseTimestamp, RefusesInstantsBefore1970AfterTheOffset) {
  EXPECT_FALSE(ParseTimestamp("1970-01-01T00:00:00+01:00"));
  EXPECT_FALSE(ParseTimestamp("1970-01-01T00:59:59.999999+01:00"));
  EXPECT_TRUE(ParseTimestamp("1970-01-01T01:00:00+01:00"));
  for (const char* text : {"1970-01-01T00:00:00Z", "1970-01-01T01:00:00+01:00", "2026-11-27T16:00:00.5+08:00",
                           "2262-04-11T23:47:15Z", "2262-04-12T08:00:00+09:00"}) {
    auto at = ParseTimestamp(text);
    ASSERT_TRUE(at) << text;
    EXPECT_EQ(ParseTimestamp(FormatTimestamp(*at)), at) << text;
  }
}

}  // namespace
}  // namespace persona
