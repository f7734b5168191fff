#include "domain/activity_risk.h"

#include <gtest/gtest.h>

namespace persona::domain {
namespace {

TEST(AssessBurst, TheUsualRateIsNoAnomaly) {
  // 1 680 actions in a week is 10 an hour; 10 this hour is the usual.
  auto usual = AssessBurst(10, 1680);
  EXPECT_DOUBLE_EQ(usual.anomaly_score, 0.0);
  EXPECT_EQ(usual.risk_level, "low");
}

TEST(AssessBurst, TenTimesTheUsualRateIsCritical) {
  auto burst = AssessBurst(100, 1680);
  EXPECT_DOUBLE_EQ(burst.anomaly_score, 1.0);
  EXPECT_EQ(burst.risk_level, "critical");
  EXPECT_EQ(AssessBurst(1000, 1680).anomaly_score, 1.0);  // clamped
}

TEST(AssessBurst, LevelsFollowTheScore) {
  EXPECT_EQ(AssessBurst(40, 1680).risk_level, "medium");  // ratio 4: (4-1)/9 = 0.3333
  EXPECT_DOUBLE_EQ(AssessBurst(40, 1680).anomaly_score, 0.3333);
  EXPECT_EQ(AssessBurst(70, 1680).risk_level, "high");  // ratio 7: 0.6667
  EXPECT_EQ(AssessBurst(30, 1680).risk_level, "low");   // ratio 3: 0.2222
}

TEST(AssessBurst, APersonaWithoutHistoryGetsTheHumanFloor) {
  EXPECT_EQ(AssessBurst(5, 0).risk_level, "low");  // 5 an hour is ordinary
  EXPECT_EQ(AssessBurst(50, 0).risk_level, "critical");
}

}  // namespace
}  // namespace persona::domain
