#include "domain/engagement.h"

#include <gtest/gtest.h>

namespace persona::domain {
namespace {

TEST(EngagementRate, WeighsCommentsSharesAndSavesAboveLikes) {
  // (50 + 2·10 + 3·5 + 2·2) / 1000 = 8.9 %
  EXPECT_DOUBLE_EQ(*EngagementRate({{"likes", 50}, {"comments", 10}, {"shares", 5}, {"saves", 2}, {"views", 1000}}),
                   8.9);
  EXPECT_DOUBLE_EQ(*EngagementRate({{"likes", 1}, {"views", 3}}), 33.33);
}

TEST(EngagementRate, NeedsViewsAndStaysInTheColumnsRange) {
  EXPECT_FALSE(EngagementRate({{"likes", 10}}).has_value());
  EXPECT_FALSE(EngagementRate({{"likes", 10}, {"views", 0}}).has_value());
  EXPECT_DOUBLE_EQ(*EngagementRate({{"likes", 100000}, {"views", 1}}), 999.99);
}

TEST(EngagementMetrics, OnlyKnownNonNegativeCounts) {
  EXPECT_TRUE(ValidateEngagementMetrics({{"likes", 0}, {"views", 12}}).empty());
  EXPECT_EQ(ValidateEngagementMetrics({{"likes", -1}}).size(), 1u);
  EXPECT_EQ(ValidateEngagementMetrics({{"likes", 1.5}}).size(), 1u);
  EXPECT_EQ(ValidateEngagementMetrics({{"likes", "3"}}).size(), 1u);
  EXPECT_EQ(ValidateEngagementMetrics({{"hearts", 3}})[0].first, "hearts");
  EXPECT_EQ(ValidateEngagementMetrics(nlohmann::json::object()).size(), 1u);
  EXPECT_EQ(ValidateEngagementMetrics(nlohmann::json::array()).size(), 1u);
}

TEST(EngagementWindows, AreOneHourOneDayAndOneWeek) {
  EXPECT_EQ(FindEngagementWindow("immediate")->due_after, std::chrono::hours(1));
  EXPECT_EQ(FindEngagementWindow("daily")->due_after, std::chrono::hours(24));
  EXPECT_EQ(FindEngagementWindow("weekly")->due_after, std::chrono::hours(168));
  EXPECT_EQ(FindEngagementWindow("monthly"), nullptr);
}

}  // namespace
}  // namespace persona::domain
