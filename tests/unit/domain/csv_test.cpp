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

// Found by fuzz_csv_import (fuzz/corpus/csv_import/crash-cell-not-utf8): a cell that is
// not UTF-8 became a post's final_content, which PostgreSQL refuses: POST /posts/import
// answered 500 instead of 422.
TEST(Csv, RefusesWhatIsNotUtf8) {
  EXPECT_THROW(ParseCsv("persona,account,text\nMaria,maria,\"wi\x84\x97\"\n"), std::invalid_argument);
  EXPECT_THROW(ParseCsv("a\xff,b\n"), std::invalid_argument);
  EXPECT_THROW(ParseCsv("\xed\xa0\x80\n"), std::invalid_argument);  // a surrogate
  EXPECT_EQ(ParseCsv("caf\xc3\xa9\n"), (Rows{{"caf\xc3\xa9"}}));
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
