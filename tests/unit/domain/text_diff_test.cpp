#include "domain/text_diff.h"

#include <gtest/gtest.h>

#include <string>

namespace persona::domain {
namespace {

using nlohmann::json;

json Op(const char* op, const char* text) { return {{"op", op}, {"text", text}}; }

// Numbered words with a prefix, so two texts built with different prefixes share none.
std::string Words(const std::string& prefix, int count) {
  std::string text;
  for (int i = 0; i < count; ++i) text += prefix + std::to_string(i) + " ";
  return text;
}

// Rebuilds one side of the diff: keep + delete gives the rendered text, keep + insert the
// final one.
std::string Side(const json& diff, const char* changed_op) {
  std::string text;
  for (const auto& op : diff["operations"]) {
    if (op["op"] == "keep" || op["op"] == changed_op) text += (text.empty() ? "" : " ") + op["text"].get<std::string>();
  }
  return text;
}

TEST(DiffFromTemplate, IdenticalTextsAreOneKeepWithNoChange) {
  json diff = DiffFromTemplate("Good morning Manila!", "Good morning Manila!");
  EXPECT_EQ(diff["operations"], json::array({Op("keep", "Good morning Manila!")}));
  EXPECT_EQ(diff["words_kept"], 3);
  EXPECT_EQ(diff["words_deleted"], 0);
  EXPECT_EQ(diff["words_inserted"], 0);
  EXPECT_EQ(diff["change_ratio"], 0.0);
}

TEST(DiffFromTemplate, WhitespaceDifferencesAreNotChanges) {
  json diff = DiffFromTemplate("coffee  first\n\tthen\r\nwork ", " coffee first then work");
  EXPECT_EQ(diff["operations"], json::array({Op("keep", "coffee first then work")}));
  EXPECT_EQ(diff["change_ratio"], 0.0);
}

TEST(DiffFromTemplate, PureInsertionKeepsTheWordsAroundIt) {
  json diff = DiffFromTemplate("hello world", "hello big wide world");
  EXPECT_EQ(diff["operations"], json::array({Op("keep", "hello"), Op("insert", "big wide"), Op("keep", "world")}));
  EXPECT_EQ(diff["words_kept"], 2);
  EXPECT_EQ(diff["words_deleted"], 0);
  EXPECT_EQ(diff["words_inserted"], 2);
  EXPECT_DOUBLE_EQ(diff["change_ratio"].get<double>(), 0.33);  // 2 / 6, rounded
}

TEST(DiffFromTemplate, ReplacedWordInTheMiddleIsDeleteThenInsert) {
  json diff = DiffFromTemplate("the quick brown fox", "the slow brown fox");
  EXPECT_EQ(diff["operations"],
            json::array({Op("keep", "the"), Op("delete", "quick"), Op("insert", "slow"), Op("keep", "brown fox")}));
  EXPECT_EQ(diff["words_kept"], 3);
  EXPECT_EQ(diff["words_deleted"], 1);
  EXPECT_EQ(diff["words_inserted"], 1);
  EXPECT_DOUBLE_EQ(diff["change_ratio"].get<double>(), 0.25);  // 2 / 8
}

TEST(DiffFromTemplate, FindsCommonWordsThatAreNotAtTheEnds) {
  json diff = DiffFromTemplate("x shared y", "p q shared r");
  EXPECT_EQ(diff["operations"], json::array({Op("delete", "x"), Op("insert", "p q"), Op("keep", "shared"),
                                             Op("delete", "y"), Op("insert", "r")}));
  EXPECT_EQ(diff["words_kept"], 1);
}

TEST(DiffFromTemplate, EmptyRenderedTextIsAllInsert) {
  json diff = DiffFromTemplate("", "my own words");
  EXPECT_EQ(diff["operations"], json::array({Op("insert", "my own words")}));
  EXPECT_EQ(diff["words_inserted"], 3);
  EXPECT_DOUBLE_EQ(diff["change_ratio"].get<double>(), 1.0);
}

TEST(DiffFromTemplate, EmptyFinalTextIsAllDelete) {
  json diff = DiffFromTemplate("template words", "   ");
  EXPECT_EQ(diff["operations"], json::array({Op("delete", "template words")}));
  EXPECT_EQ(diff["words_deleted"], 2);
  EXPECT_DOUBLE_EQ(diff["change_ratio"].get<double>(), 1.0);
}

TEST(DiffFromTemplate, BothEmptyHaveNoOperationsAndNoChange) {
  json diff = DiffFromTemplate("", " \n ");
  EXPECT_EQ(diff["operations"], json::array());
  EXPECT_EQ(diff["words_kept"], 0);
  EXPECT_EQ(diff["words_deleted"], 0);
  EXPECT_EQ(diff["words_inserted"], 0);
  EXPECT_EQ(diff["change_ratio"], 0.0);
}

TEST(DiffFromTemplate, OperationsRebuildBothTexts) {
  const char* rendered = "a b c d e f g a b c";
  const char* final_text = "b x c d y f a g b c z";
  json diff = DiffFromTemplate(rendered, final_text);
  EXPECT_EQ(Side(diff, "delete"), rendered);
  EXPECT_EQ(Side(diff, "insert"), final_text);
  for (std::size_t i = 1; i < diff["operations"].size(); ++i) {
    const json& previous = diff["operations"][i - 1];
    const json& current = diff["operations"][i];
    EXPECT_NE(previous["op"], current["op"]) << "unmerged at " << i;
    EXPECT_FALSE(previous["op"] == "insert" && current["op"] == "delete") << "insert before delete at " << i;
  }
}

TEST(DiffFromTemplate, OverTheCellCapFallsBackToDeleteAllInsertAll) {
  // 2001 x 2001 middle words is just over the cap: the shared word is no longer found.
  json diff = DiffFromTemplate(Words("a", 1000) + "shared " + Words("c", 1000),
                               Words("b", 1000) + "shared " + Words("d", 1000));
  ASSERT_EQ(diff["operations"].size(), 2u);
  EXPECT_EQ(diff["operations"][0]["op"], "delete");
  EXPECT_EQ(diff["operations"][1]["op"], "insert");
  EXPECT_EQ(diff["words_kept"], 0);
  EXPECT_EQ(diff["words_deleted"], 2001);
  EXPECT_EQ(diff["words_inserted"], 2001);
  EXPECT_DOUBLE_EQ(diff["change_ratio"].get<double>(), 1.0);
}

TEST(DiffFromTemplate, AtTheCellCapStillFindsCommonWords) {
  // 2000 x 2000 = kMaxDiffCells exactly.
  json diff =
      DiffFromTemplate(Words("a", 1000) + "shared " + Words("c", 999), Words("b", 1000) + "shared " + Words("d", 999));
  EXPECT_EQ(diff["words_kept"], 1);
  EXPECT_EQ(diff["operations"].size(), 5u);
}

TEST(DiffFromTemplate, CommonEndsDoNotCountTowardsTheCap) {
  // 6001 words each with one changed in the middle: far over the cap untrimmed.
  std::string head = Words("h", 3000);
  std::string tail = Words("t", 3000);
  json diff = DiffFromTemplate(head + "old " + tail, head + "new " + tail);
  EXPECT_EQ(diff["words_kept"], 6000);
  EXPECT_EQ(diff["words_deleted"], 1);
  EXPECT_EQ(diff["words_inserted"], 1);
  ASSERT_EQ(diff["operations"].size(), 4u);
  EXPECT_EQ(diff["operations"][1], Op("delete", "old"));
  EXPECT_EQ(diff["operations"][2], Op("insert", "new"));
  EXPECT_DOUBLE_EQ(diff["change_ratio"].get<double>(), 0.0);  // 2 / 12002 rounds to 0
}

TEST(DiffFromTemplate, InvalidUtf8IsReplacedSoTheResultSerializes) {
  json diff = DiffFromTemplate("caf\xc3 ok \xff", "caf\xc3 fine \xe2\x82");
  EXPECT_NO_THROW(diff.dump());
  EXPECT_EQ(diff["words_kept"], 1);
  EXPECT_EQ(diff["operations"][0], Op("keep", "caf\xef\xbf\xbd"));
}

TEST(DiffFromTemplate, ValidUtf8IsUnchanged) {
  json diff = DiffFromTemplate("Magandang umaga", "Magandang umaga \xf0\x9f\x8c\x9e caf\xc3\xa9");
  EXPECT_EQ(diff["operations"][1], Op("insert", "\xf0\x9f\x8c\x9e caf\xc3\xa9"));
}

TEST(CustomizationLevel, BelowOneFifthIsLow) {
  EXPECT_EQ(CustomizationLevel(0.0), "low");
  EXPECT_EQ(CustomizationLevel(0.19), "low");
}

TEST(CustomizationLevel, FromOneFifthToBelowHalfIsMedium) {
  EXPECT_EQ(CustomizationLevel(0.2), "medium");
  EXPECT_EQ(CustomizationLevel(0.49), "medium");
}

TEST(CustomizationLevel, HalfAndAboveIsHigh) {
  EXPECT_EQ(CustomizationLevel(0.5), "high");
  EXPECT_EQ(CustomizationLevel(1.0), "high");
}

}  // namespace
}  // namespace persona::domain
