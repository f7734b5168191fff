#include "core/json_text.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace persona {
namespace {

// What JsonResponse and the logger wrote before: nlohmann's dump with invalid UTF-8 replaced.
std::string Dumped(const std::string& text) {
  return nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string Appended(const std::string& text) {
  std::string out = "prefix:";
  AppendJsonString(out, text);
  return out.substr(7);
}

TEST(AppendJsonString, WritesWhatNlohmannDumpWrites) {
  std::vector<std::string> samples = {
      "",
      "plain ascii",
      "quote \" backslash \\ slash /",
      std::string("nul \0 inside", 12),
      "\b\f\n\r\t\x01\x1f\x7f",
      "Grüße, 東京, emoji \xF0\x9F\x98\x80",
      "\xE2\x82",  // truncated three-byte sequence
      "\xE2\x82"
      "a",                 // truncated, then ASCII
      "\xC0\xAF",          // overlong slash
      "\xE0\x80\xAF",      // overlong three-byte
      "\xED\xA0\x80",      // a surrogate
      "\xF4\x90\x80\x80",  // past U+10FFFF
      "\xF0\x9F\x98",      // truncated four-byte at the end
      "\x80\x80 stray continuations",
      "\xFF\xFE bytes never valid",
      "mixed \xC3\xA9 \xC3 \xE2\x82\xAC \xF0\x9F",
  };
  for (const auto& sample : samples) EXPECT_EQ(Appended(sample), Dumped(sample)) << "sample: " << Dumped(sample);
}

TEST(AppendJsonString, AppendsToWhatIsThere) {
  std::string out = "{\"a\":";
  AppendJsonString(out, "b\"c");
  EXPECT_EQ(out, "{\"a\":\"b\\\"c\"");
}

}  // namespace
}  // namespace persona
