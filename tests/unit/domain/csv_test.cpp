#include "domain/csv.h"

#include <gtest/gtest.h>

namespace persona::domain {
namespace {

using Rows = std::vector<std::vector<std::string>>;

TEST(Csv, ParsesQuotedCellsWithCommasQuotesAndNewlines) {
  EXPECT_EQ(ParseCsv("a,b\r\n\"x, y\",\"she said \"\"hi\"\"\"\n\"two\nlines\",\n"),
            (Rows{{"a", "b"}, {"x, y", "she said \"hi\""}, {"two\nlines", ""}}));
  EXPECT_EQ(ParseCsv("only\nno newline at the end"), (Rows{{"only"}, {"no newline at the end"}}));
  EXPECT_EQ(ParseCsv("Kumusta 👋,ñ\n"), (Rows{{"Kumusta 👋", "ñ"}}));
}

TEST(Csv, RefusesMalformedQuoting) {
  EXPECT_THROW(ParseCsv("a,\"unterminated\n"), std::invalid_argument);
  EXPECT_THROW(ParseCsv("a,b\"c\"\n"), std::invalid_argument);
}

TEST(Csv, LinesQuoteEveryCellAndDefuseFormulas) {
  EXPECT_EQ(CsvLine({"plain", "with, comma", "say \"hi\"", ""}),
            "\"plain\",\"with, comma\",\"say \"\"hi\"\"\",\"\"\r\n");
  EXPECT_EQ(CsvLine({"=HYPERLINK(\"x\")", "+1", "-2", "@a", "ok=fine"}),
            "\"'=HYPERLINK(\"\"x\"\")\",\"'+1\",\"'-2\",\"'@a\",\"ok=fine\"\r\n");
  // What is written reads back the same (formulas aside).
  EXPECT_EQ(ParseCsv(CsvLine({"a\nb", "c,d", "\"e\""})), (Rows{{"a\nb", "c,d", "\"e\""}}));
}

}  // namespace
}  // namespace persona::domain
