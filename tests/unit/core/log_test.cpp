#include "core/log.h"

#include <gtest/gtest.h>

#include <string>

#include <nlohmann/json.hpp>

namespace persona {
namespace {

std::string LineOf(const std::string& msg, const nlohmann::json& fields) {
  ::testing::internal::CaptureStderr();
  Logger log;
  log.Info(msg, fields);
  return ::testing::internal::GetCapturedStderr();
}

TEST(Logger, WritesOneJsonObjectWithItsFieldsEscaped) {
  std::string line = LineOf("request \"quoted\"", {{"path", "/a\"b\n"}, {"status", 200}, {"ok", true}});
  ASSERT_EQ(line.back(), '\n');
  EXPECT_EQ(line.find('\n'), line.size() - 1);  // a field cannot split the line
  auto parsed = nlohmann::json::parse(line);
  EXPECT_EQ(parsed["msg"], "request \"quoted\"");
  EXPECT_EQ(parsed["level"], "info");
  EXPECT_EQ(parsed["path"], "/a\"b\n");
  EXPECT_EQ(parsed["status"], 200);
  EXPECT_EQ(parsed["ok"], true);
  EXPECT_TRUE(parsed["ts"].is_string());
}

TEST(Logger, AFieldCannotForgeTheMessageLevelOrTime) {
  std::string line = LineOf("request", {{"msg", "forged"}, {"level", "error"}, {"ts", "1970"}, {"path", "/"}});
  auto parsed = nlohmann::json::parse(line);
  EXPECT_EQ(parsed["msg"], "request");
  EXPECT_EQ(parsed["level"], "info");
  EXPECT_NE(parsed["ts"], "1970");
  EXPECT_EQ(line.find("forged"), std::string::npos);  // not there at all, not even as a duplicate key
}

TEST(Logger, InvalidUtf8FromAClientIsReplacedNotThrown) {
  auto parsed = nlohmann::json::parse(LineOf("request", {{"path", "/\xC3("}}));
  EXPECT_EQ(parsed["path"], "/\xEF\xBF\xBD(");
}

}  // namespace
}  // namespace persona
