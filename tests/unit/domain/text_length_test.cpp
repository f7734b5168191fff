// The length rule of posts, against the vectors the UI's rule runs too
// (tests/data/text_length_vectors.json: twitter-text's own counts for X).
#include <gtest/gtest.h>

#include <fstream>

#include <nlohmann/json.hpp>

#include "domain/text_length.h"

namespace persona::domain {
namespace {

TEST(PostLength, EveryVectorCountsAsTheUiCountsIt) {
  std::ifstream in(PERSONA_SOURCE_DIR "/tests/data/text_length_vectors.json");
  ASSERT_TRUE(in) << "tests/data/text_length_vectors.json";
  auto vectors = nlohmann::json::parse(in)["vectors"];
  ASSERT_GT(vectors.size(), 50u);
  for (const auto& v : vectors) {
    const auto& text = v["text"].get_ref<const std::string&>();
    EXPECT_EQ(PostLength(text, "twitter"), v["twitter"].get<int>()) << text;
    for (const char* platform : {"instagram", "tiktok", "linkedin"}) {
      EXPECT_EQ(PostLength(text, platform), v["code_points"].get<int>()) << platform << ": " << text;
    }
  }
}

TEST(PostLength, TwoHundredSeventyCharactersAndALongUrlAre294OnX) {
  EXPECT_EQ(PostLength(std::string(270, 'a') + " https://example.com/" + std::string(60, 'q'), "twitter"), 294);
}

TEST(CountHashtags, AtTheStartOrAfterASpaceWithALetter) {
  EXPECT_EQ(CountHashtags("#one two #three"), 2);
  EXPECT_EQ(CountHashtags("no#tag here, and #123 is no tag"), 0);
  EXPECT_EQ(CountHashtags("(#mañana) #日本"), 2);
}

TEST(DefaultHashtagLimit, PerPlatform) {
  EXPECT_EQ(DefaultHashtagLimit("twitter"), 2);
  EXPECT_EQ(DefaultHashtagLimit("instagram"), 30);
  EXPECT_EQ(DefaultHashtagLimit("tiktok"), 5);
  EXPECT_EQ(DefaultHashtagLimit("linkedin"), 3);
}

}  // namespace
}  // namespace persona::domain
