#include "config/config.h"

#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

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

// Sets environment variables for the life of the object and removes them afterwards.
class ScopedEnv {
 public:
  explicit ScopedEnv(std::vector<std::pair<std::string, std::string>> vars) : vars_(std::move(vars)) {
    for (const auto& [name, value] : vars_) setenv(name.c_str(), value.c_str(), 1);
  }
  ~ScopedEnv() {
    for (const auto& [name, value] : vars_) unsetenv(name.c_str());
  }

 private:
  std::vector<std::pair<std::string, std::string>> vars_;
};

TEST(ConnectionLimits, DefaultsWithoutEnvironment) {
  Config config;
  config.LoadEnvironment();
  EXPECT_EQ(config.connections.header_timeout, std::chrono::seconds(10));
  EXPECT_EQ(config.connections.request_timeout, std::chrono::seconds(15));
  EXPECT_EQ(config.connections.keepalive_timeout, std::chrono::seconds(60));
  EXPECT_EQ(config.connections.max_connections, 1024u);
}

TEST(ConnectionLimits, ReadFromEnvironment) {
  ScopedEnv env({{"PERSONA_HEADER_TIMEOUT_SECONDS", "2"},
                 {"PERSONA_REQUEST_TIMEOUT_SECONDS", "5"},
                 {"PERSONA_KEEPALIVE_TIMEOUT_SECONDS", "3"},
                 {"PERSONA_MAX_CONNECTIONS", "300"}});
  Config config;
  config.LoadEnvironment();
  EXPECT_EQ(config.connections.header_timeout, std::chrono::seconds(2));
  EXPECT_EQ(config.connections.request_timeout, std::chrono::seconds(5));
  EXPECT_EQ(config.connections.keepalive_timeout, std::chrono::seconds(3));
  EXPECT_EQ(config.connections.max_connections, 300u);
}

TEST(ConnectionLimits, InvalidValueIsRefusedByName) {
  for (const char* name : {"PERSONA_HEADER_TIMEOUT_SECONDS", "PERSONA_REQUEST_TIMEOUT_SECONDS",
                           "PERSONA_KEEPALIVE_TIMEOUT_SECONDS", "PERSONA_MAX_CONNECTIONS"}) {
    for (const char* value : {"0", "-1", "ten", "5s"}) {
      ScopedEnv env({std::pair<std::string, std::string>{name, value}});
      Config config;
      try {
        config.LoadEnvironment();
        ADD_FAILURE() << name << "=" << value << " was accepted";
      } catch (const UsageError& e) {
        EXPECT_NE(std::string(e.what()).find(name), std::string::npos) << e.what();
      }
    }
  }
}

}  // namespace
}  // namespace persona
