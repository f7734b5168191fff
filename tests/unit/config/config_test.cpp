#include "config/config.h"

#include <gtest/gtest.h>

#include "core/errors.h"

namespace persona {
namespace {

TEST(ParseListenAddress, ParsesIpv4AndPort) {
  auto a = ParseListenAddress("127.0.0.1:8080");
  EXPECT_EQ(a.host, "127.0.0.1");
  EXPECT_EQ(a.port, 8080);
}

TEST(ParseListenAddress, ParsesBracketedIpv6) {
  auto a = ParseListenAddress("[::1]:0");
  EXPECT_EQ(a.host, "::1");
  EXPECT_EQ(a.port, 0);
}

TEST(ParseListenAddress, RejectsMalformedInput) {
  for (const char* bad :
       {"", "8080", "127.0.0.1", "127.0.0.1:", ":8080", "127.0.0.1:65536", "127.0.0.1:80x", "[::1]8080", "[::1"}) {
    EXPECT_THROW(ParseListenAddress(bad), UsageError) << bad;
  }
}

TEST(RedactConnectionString, HidesUrlPassword) {
  EXPECT_EQ(RedactConnectionString("postgresql://persona:s3cret@db.local:5432/persona"),
            "postgresql://persona:***@db.local:5432/persona");
}

TEST(RedactConnectionString, HidesKeywordPassword) {
  auto out = RedactConnectionString("host=/tmp dbname=x password='a b\\'c' user=p");
  EXPECT_EQ(out.find("a b"), std::string::npos) << out;
  EXPECT_NE(out.find("password=***"), std::string::npos) << out;
  EXPECT_NE(out.find("user=p"), std::string::npos) << out;
}

TEST(RedactConnectionString, HidesQueryPassword) {
  auto out = RedactConnectionString("postgresql://db.local/persona?user=p&password=s3cret&sslmode=require");
  EXPECT_EQ(out.find("s3cret"), std::string::npos) << out;
  EXPECT_NE(out.find("sslmode=require"), std::string::npos) << out;
}

}  // namespace
}  // namespace persona
