#include "domain/proxy_health.h"

#include <gtest/gtest.h>

namespace persona::domain {
namespace {

TEST(HealthStatusToString, GivesTheStoredNames) {
  EXPECT_EQ(ToString(HealthStatus::kHealthy), "healthy");
  EXPECT_EQ(ToString(HealthStatus::kDegraded), "degraded");
  EXPECT_EQ(ToString(HealthStatus::kFailed), "failed");
}

TEST(Classify, CallsAnUnreachableProxyFailedHoweverFastItGaveUp) {
  EXPECT_EQ(Classify(false, 0, HealthThresholds{}), HealthStatus::kFailed);
  EXPECT_EQ(Classify(false, 5000, HealthThresholds{}), HealthStatus::kFailed);
}

TEST(Classify, CallsAReachableProxyHealthyUpToTheThresholdAndDegradedAboveIt) {
  HealthThresholds defaults;
  EXPECT_EQ(defaults.degraded_after_ms, 1000);
  EXPECT_EQ(Classify(true, 0, defaults), HealthStatus::kHealthy);
  EXPECT_EQ(Classify(true, 1000, defaults), HealthStatus::kHealthy);
  EXPECT_EQ(Classify(true, 1001, defaults), HealthStatus::kDegraded);
  EXPECT_EQ(Classify(true, 60000, defaults), HealthStatus::kDegraded);
}

TEST(Classify, UsesTheThresholdItIsGiven) {
  HealthThresholds strict{250};
  EXPECT_EQ(Classify(true, 250, strict), HealthStatus::kHealthy);
  EXPECT_EQ(Classify(true, 251, strict), HealthStatus::kDegraded);
}

TEST(UptimePercentage, IsAHundredWhenThereAreNoChecks) { EXPECT_DOUBLE_EQ(UptimePercentage(0, 0), 100.0); }

TEST(UptimePercentage, IsTheShareOfChecksThatDidNotFail) {
  EXPECT_DOUBLE_EQ(UptimePercentage(10, 0), 100.0);
  EXPECT_DOUBLE_EQ(UptimePercentage(8, 1), 87.5);
  EXPECT_DOUBLE_EQ(UptimePercentage(4, 4), 0.0);
}

TEST(UptimePercentage, RoundsToTwoDecimals) {
  EXPECT_DOUBLE_EQ(UptimePercentage(3, 1), 66.67);
  EXPECT_DOUBLE_EQ(UptimePercentage(3, 2), 33.33);
  EXPECT_DOUBLE_EQ(UptimePercentage(8640, 1), 99.99);  // a month of 5-minute checks, one failure
  EXPECT_DOUBLE_EQ(UptimePercentage(200000, 1), 100.0);
}

TEST(UptimePercentage, StaysWithinZeroToAHundredForInconsistentCounts) {
  EXPECT_DOUBLE_EQ(UptimePercentage(5, 7), 0.0);
  EXPECT_DOUBLE_EQ(UptimePercentage(5, -1), 100.0);
  EXPECT_DOUBLE_EQ(UptimePercentage(-3, 1), 100.0);
}

}  // namespace
}  // namespace persona::domain
