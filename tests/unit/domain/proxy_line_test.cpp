#include "domain/proxy_line.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

namespace persona::domain {
namespace {

using namespace std::string_literals;

// The one result a single-line list gives; fails the test if there is not exactly one.
ProxyLineResult ParseOne(const std::string& line) {
  auto results = ParseProxyList(line);
  EXPECT_EQ(results.size(), 1u) << line;
  if (results.empty()) return {0, std::nullopt, "no result"};
  return results.front();
}

std::string ErrorOf(const std::string& line) {
  auto result = ParseOne(line);
  EXPECT_FALSE(result.proxy.has_value()) << "accepted " << line;
  return result.error;
}

TEST(IsIpAddress, AcceptsIpv4AndIpv6Text) {
  for (const char* good : {"203.0.113.7", "0.0.0.0", "255.255.255.255", "2001:db8::1", "::1",
                           "::", "2001:0DB8:0000:0000:0000:0000:0000:0001", "::ffff:192.0.2.1"}) {
    EXPECT_TRUE(IsIpAddress(good)) << good;
  }
}

TEST(IsIpAddress, RejectsHostnamesBracketsZonesAndPartialAddresses) {
  for (const char* bad : {"", "proxy.example.com", "localhost", "[2001:db8::1]", "fe80::1%eth0", "203.0.113",
                          "256.1.1.1", "203.0.113.7.1", " 203.0.113.7", "203.0.113.7 ", "2001:db8:::1", "0x7f.0.0.1"}) {
    EXPECT_FALSE(IsIpAddress(bad)) << bad;
  }
}

TEST(IsIpAddress, RejectsAnAddressFollowedByAnEmbeddedNul) { EXPECT_FALSE(IsIpAddress("203.0.113.7\0garbage"s)); }

TEST(NormalizeIp, GivesTheCanonicalIpv6Form) {
  EXPECT_EQ(NormalizeIp("2001:0DB8:0000:0000:0000:0000:0000:0001"), "2001:db8::1");
  EXPECT_EQ(NormalizeIp("2001:DB8:0:0:1:0:0:1"), "2001:db8::1:0:0:1");
}

TEST(NormalizeIp, KeepsIpv4AsIs) { EXPECT_EQ(NormalizeIp("203.0.113.7"), "203.0.113.7"); }

TEST(NormalizeIp, ThrowsOnSomethingThatIsNotAnAddress) {
  EXPECT_THROW(NormalizeIp("proxy.example.com"), std::invalid_argument);
}

TEST(ParseProxyList, ReadsHostPortUserPass) {
  auto result = ParseOne("203.0.113.7:8080:ana:s3cret");
  ASSERT_TRUE(result.proxy.has_value()) << result.error;
  EXPECT_EQ(result.line, 1);
  EXPECT_EQ(result.proxy->host, "203.0.113.7");
  EXPECT_EQ(result.proxy->port, 8080);
  EXPECT_EQ(result.proxy->username, "ana");
  EXPECT_EQ(result.proxy->password, "s3cret");
  EXPECT_TRUE(result.error.empty());
}

TEST(ParseProxyList, ReadsUserPassAtHostPort) {
  auto result = ParseOne("ana:s3cret@203.0.113.7:3128");
  ASSERT_TRUE(result.proxy.has_value()) << result.error;
  EXPECT_EQ(result.proxy->host, "203.0.113.7");
  EXPECT_EQ(result.proxy->port, 3128);
  EXPECT_EQ(result.proxy->username, "ana");
  EXPECT_EQ(result.proxy->password, "s3cret");
}

TEST(ParseProxyList, ReadsBracketedIpv6InBothFormatsAndStoresItNormalizedWithoutBrackets) {
  for (const char* line : {"[2001:DB8:0::1]:8080:ana:s3cret", "ana:s3cret@[2001:DB8:0::1]:8080"}) {
    auto result = ParseOne(line);
    ASSERT_TRUE(result.proxy.has_value()) << line << ": " << result.error;
    EXPECT_EQ(result.proxy->host, "2001:db8::1") << line;
    EXPECT_EQ(result.proxy->port, 8080) << line;
    EXPECT_EQ(result.proxy->username, "ana") << line;
    EXPECT_EQ(result.proxy->password, "s3cret") << line;
  }
}

TEST(ParseProxyList, KeepsColonsAndAtSignsInAHostFirstPassword) {
  auto result = ParseOne("203.0.113.7:8080:ana:pa:ss@w:rd");
  ASSERT_TRUE(result.proxy.has_value()) << result.error;
  EXPECT_EQ(result.proxy->host, "203.0.113.7");
  EXPECT_EQ(result.proxy->username, "ana");
  EXPECT_EQ(result.proxy->password, "pa:ss@w:rd");
}

TEST(ParseProxyList, SplitsUserFirstAtTheLastAtSignAndTheFirstColon) {
  auto result = ParseOne("ana@ph:pa:ss@word@203.0.113.7:8080");
  ASSERT_TRUE(result.proxy.has_value()) << result.error;
  EXPECT_EQ(result.proxy->username, "ana@ph");
  EXPECT_EQ(result.proxy->password, "pa:ss@word");
  EXPECT_EQ(result.proxy->host, "203.0.113.7");
  EXPECT_EQ(result.proxy->port, 8080);
}

TEST(ParseProxyList, ReadsAUserFirstLineWhoseUsernameLooksLikeAnAddress) {
  auto result = ParseOne("10.0.0.1:s3cret@203.0.113.7:8080");
  ASSERT_TRUE(result.proxy.has_value()) << result.error;
  EXPECT_EQ(result.proxy->username, "10.0.0.1");
  EXPECT_EQ(result.proxy->host, "203.0.113.7");
}

TEST(ParseProxyList, SkipsBlankAndCommentLinesButCountsThem) {
  std::string text =
      "# Proxy-Cheap, Manila\r\n"
      "\r\n"
      "203.0.113.7:8080:ana:one\r\n"
      "   \t \n"
      "  # indented comment\n"
      "bad line\n"
      "ben:two@203.0.113.8:8081";
  auto results = ParseProxyList(text);
  ASSERT_EQ(results.size(), 3u);
  EXPECT_EQ(results[0].line, 3);
  ASSERT_TRUE(results[0].proxy.has_value()) << results[0].error;
  EXPECT_EQ(results[0].proxy->password, "one");  // no '\r' left from the CRLF
  EXPECT_EQ(results[1].line, 6);
  EXPECT_FALSE(results[1].proxy.has_value());
  EXPECT_FALSE(results[1].error.empty());
  EXPECT_EQ(results[2].line, 7);
  ASSERT_TRUE(results[2].proxy.has_value()) << results[2].error;
  EXPECT_EQ(results[2].proxy->username, "ben");
  EXPECT_EQ(ParseProxyList(text + "\n").size(), 3u) << "a final newline is not another line";
}

TEST(ParseProxyList, GivesNothingForAnEmptyOrAllCommentText) {
  EXPECT_TRUE(ParseProxyList("").empty());
  EXPECT_TRUE(ParseProxyList("\n\r\n# only a comment\n").empty());
}

TEST(ParseProxyList, TrimsSurroundingWhitespace) {
  auto result = ParseOne(" \t 203.0.113.7:8080:ana:s3cret \t ");
  ASSERT_TRUE(result.proxy.has_value()) << result.error;
  EXPECT_EQ(result.proxy->host, "203.0.113.7");
  EXPECT_EQ(result.proxy->password, "s3cret");
}

TEST(ParseProxyList, IgnoresAByteOrderMarkAtTheStart) {
  auto result = ParseOne("\uFEFF203.0.113.7:8080:ana:s3cret");  // U+FEFF in UTF-8 is the mark
  ASSERT_TRUE(result.proxy.has_value()) << result.error;
  EXPECT_EQ(result.proxy->host, "203.0.113.7");
}

TEST(ParseProxyList, RejectsHostnamesAskingForAnIpAddress) {
  for (const char* line : {"proxy.example.com:8080:ana:s3cret", "ana:s3cret@proxy.example.com:8080"}) {
    EXPECT_NE(ErrorOf(line).find("IP address"), std::string::npos) << line;
  }
}

TEST(ParseProxyList, RejectsUnbracketedIpv6) {
  for (const char* line : {"2001:db8::1:8080:ana:s3cret", "ana:s3cret@2001:db8::1:8080"}) {
    EXPECT_EQ(ErrorOf(line), "host must be an IP address (IPv6 in brackets)") << line;
  }
}

TEST(ParseProxyList, RejectsIpv4InBrackets) {
  EXPECT_NE(ErrorOf("[203.0.113.7]:8080:ana:s3cret").find("IPv6"), std::string::npos);
}

TEST(ParseProxyList, AcceptsPortsFromOneTo65535) {
  EXPECT_EQ(ParseOne("203.0.113.7:1:ana:s3cret").proxy.value().port, 1);
  EXPECT_EQ(ParseOne("203.0.113.7:65535:ana:s3cret").proxy.value().port, 65535);
  EXPECT_EQ(ParseOne("ana:s3cret@203.0.113.7:00080").proxy.value().port, 80);
}

TEST(ParseProxyList, RejectsPortsOutOfRangeOrNotDecimalDigits) {
  for (const char* port : {"0", "65536", "99999999999999999999", "80a", "", "+80", "-1", "8 0", "0x50"}) {
    EXPECT_EQ(ErrorOf("203.0.113.7:"s + port + ":ana:s3cret"), "port must be a number from 1 to 65535") << port;
    EXPECT_EQ(ErrorOf("ana:s3cret@203.0.113.7:"s + port), "port must be a number from 1 to 65535") << port;
  }
}

TEST(ParseProxyList, RejectsLinesInNeitherFormat) {
  for (const char* line : {"hello", "203.0.113.7", "203.0.113.7:8080", "203.0.113.7:8080:ana", "ana@203.0.113.7:8080",
                           "ana:s3cret@203.0.113.7", "ana:s3cret@[2001:db8::1", "[2001:db8::1]8080:ana:s3cret"}) {
    EXPECT_EQ(ErrorOf(line), "expected host:port:user:pass or user:pass@host:port") << line;
  }
}

TEST(ParseProxyList, LimitsTheUsernameToOneTo100Characters) {
  EXPECT_TRUE(ParseOne("203.0.113.7:8080:" + std::string(100, 'u') + ":s3cret").proxy.has_value());
  EXPECT_NE(ErrorOf("203.0.113.7:8080:" + std::string(101, 'u') + ":s3cret").find("username"), std::string::npos);
  EXPECT_NE(ErrorOf("203.0.113.7:8080::s3cret").find("username"), std::string::npos);
  EXPECT_NE(ErrorOf(":s3cret@203.0.113.7:8080").find("username"), std::string::npos);
}

TEST(ParseProxyList, CountsUsernameLengthInCharactersNotBytes) {
  std::string hundred_enye;
  for (int i = 0; i < 100; ++i) hundred_enye += "ñ";  // two bytes each
  auto result = ParseOne("203.0.113.7:8080:" + hundred_enye + ":s3cret");
  ASSERT_TRUE(result.proxy.has_value()) << result.error;
  EXPECT_EQ(result.proxy->username, hundred_enye);
}

TEST(ParseProxyList, LimitsThePasswordToOneTo255Characters) {
  EXPECT_TRUE(ParseOne("203.0.113.7:8080:ana:" + std::string(255, 'p')).proxy.has_value());
  EXPECT_NE(ErrorOf("203.0.113.7:8080:ana:" + std::string(256, 'p')).find("password"), std::string::npos);
  EXPECT_NE(ErrorOf("203.0.113.7:8080:ana:").find("password"), std::string::npos);
  EXPECT_NE(ErrorOf("ana:@203.0.113.7:8080").find("password"), std::string::npos);
}

TEST(ParseProxyList, RejectsControlCharactersAnywhereInTheLine) {
  // Tab, SOH, DEL (octal 177), a lone CR, NUL.
  for (const std::string& line :
       {"203.0.113.7:8080:ana:s3\tcret"s, "203.0.113.7:8080:a\x01na:s3cret"s, "203.0.113.7:8080:ana:s3\177cret"s,
        "203.0.113.7:8080:ana:s3\rcret"s, "203.0.113.7:8080:ana:s3\0cret"s}) {
    EXPECT_NE(ErrorOf(line).find("control character"), std::string::npos) << line;
  }
}

TEST(ParseProxyList, RejectsInvalidUtf8) {
  EXPECT_NE(ErrorOf("203.0.113.7:8080:an\xffn:s3cret").find("UTF-8"), std::string::npos);
  EXPECT_NE(ErrorOf("203.0.113.7:8080:ana:s3cret\xc3").find("UTF-8"), std::string::npos);
  EXPECT_NE(ErrorOf("203.0.113.7:8080:ana:\xed\xa0\x80").find("UTF-8"), std::string::npos);  // a surrogate
}

TEST(ParseProxyList, RejectsLinesOver1024BytesBeforeLookingAtThem) {
  // A valid proxy line cannot be that long, so the boundary shows in which error comes out.
  std::string prefix = "203.0.113.7:8080:ana:";
  std::string at_limit = prefix + std::string(1024 - prefix.size(), 'p');
  EXPECT_NE(ErrorOf(at_limit).find("password"), std::string::npos);
  EXPECT_NE(ErrorOf(at_limit + "\r\n").find("password"), std::string::npos) << "the CR of a CRLF is not counted";
  EXPECT_NE(ErrorOf(at_limit + "p").find("too long"), std::string::npos);
  EXPECT_NE(ErrorOf(at_limit + "p\r").find("too long"), std::string::npos);
}

TEST(ParseProxyList, NeverPutsThePasswordInAnError) {
  const std::string password = "Hunter2Secret";
  for (const std::string& line :
       {"proxy.example.com:8080:ana:" + password, "203.0.113.7:0:ana:" + password, "203.0.113.7:8080::" + password,
        "ana:" + password + "@proxy.example.com:8080", "ana:" + password + "@203.0.113.7:99999",
        std::string(101, 'u') + ":" + password + "@203.0.113.7:8080", "203.0.113.7:8080:ana:" + password + "\x01",
        "203.0.113.7:8080:ana:" + password + "\xff", "garbage " + password, "203.0.113.7:" + password}) {
    std::string error = ErrorOf(line);
    EXPECT_FALSE(error.empty()) << line;
    EXPECT_EQ(error.find(password), std::string::npos) << error;
  }
}

TEST(ParseProxyList, ReportsEachBadLineWithoutStoppingTheRest) {
  auto results = ParseProxyList("203.0.113.7:0:ana:one\n203.0.113.8:8080:ben:two\nhost:1:2:3\n");
  ASSERT_EQ(results.size(), 3u);
  EXPECT_FALSE(results[0].proxy.has_value());
  EXPECT_TRUE(results[1].proxy.has_value());
  EXPECT_FALSE(results[2].proxy.has_value());
  EXPECT_EQ(results[2].line, 3);
}

}  // namespace
}  // namespace persona::domain
