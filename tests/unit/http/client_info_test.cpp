#include "http/handlers/client_info.h"

#include <gtest/gtest.h>

#include <string>

namespace persona::http {
namespace {

using namespace std::string_literals;

std::string RecordedUserAgent(const std::string& header) {
  Request req;
  req.client_address = "203.0.113.9";
  req.headers.set(boost::beast::http::field::user_agent, header);
  auto client = ClientOf(req);
  EXPECT_EQ(client.ip, "203.0.113.9");
  return client.user_agent;
}

TEST(ClientOf, KeepsAUtf8UserAgent) {
  EXPECT_EQ(RecordedUserAgent("Mozilla/5.0 (X11; Linux) caf\xc3\xa9 \xf0\x9f\x98\x80"),
            "Mozilla/5.0 (X11; Linux) caf\xc3\xa9 \xf0\x9f\x98\x80");
  EXPECT_EQ(RecordedUserAgent(""), "");
}

// Seen in review, then reproduced by fuzz_http_request's fake stores
// (fuzz/corpus/http_request/crash-user-agent-not-utf8): a header value may hold any byte from 0x80 up, and the
// User-Agent is stored as text in every audit row (activity_logs, security_events, auth_sessions), which PostgreSQL
// refuses unless it is UTF-8: every write answered 500.
TEST(ClientOf, ReplacesWhatIsNotUtf8) {
  EXPECT_EQ(RecordedUserAgent("curl\xff/8"), "curl\xef\xbf\xbd/8");
  // A truncated sequence, then a surrogate (libunistring reads the whole of it as one).
  EXPECT_EQ(RecordedUserAgent("\xc3(\xed\xa0\x80"), "\xef\xbf\xbd(\xef\xbf\xbd");
}

// The old cut at 512 bytes could split a character and so make invalid UTF-8 of a valid
// header.
TEST(ClientOf, CutsAtACharacterBoundary) {
  std::string ua = std::string(511, 'a') + "\xc3\xa9" + "tail";
  EXPECT_EQ(RecordedUserAgent(ua), std::string(511, 'a'));
  EXPECT_EQ(RecordedUserAgent(std::string(600, 'b')), std::string(512, 'b'));
}

}  // namespace
}  // namespace persona::http
