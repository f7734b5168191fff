#include "storage/pg/row_json.h"

#include <gtest/gtest.h>

#include <string>

#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include "support/test_cluster.h"

namespace persona::storage {
namespace {

class RowJsonTest : public ::testing::Test {
 protected:
  void SetUp() override {
    conn_ = std::make_unique<pqxx::connection>(testing::TestCluster::Get().CreateDatabase());
    pqxx::nontransaction(*conn_).exec("SET TimeZone = 'UTC'");  // as the pool sets it
  }

  pqxx::row One(const std::string& select) {
    pqxx::nontransaction tx(*conn_);
    return tx.exec1(select);
  }

  std::unique_ptr<pqxx::connection> conn_;
};

// Every type RowToJson maps, and the edges of each: the text path must give the same object.
TEST_F(RowJsonTest, TextParsesToTheObjectRowToJsonBuilds) {
  const char* selects[] = {
      "SELECT true AS yes, false AS no, 1::int2 AS small, '-2147483648'::int4 AS int, "
      "9223372036854775807::int8 AS big",
      "SELECT 12.50::numeric AS price, 0.1::float8 AS ratio, -3::numeric AS negative, "
      "1e-7::float8 AS tiny, 123456789.125::numeric(12,3) AS scaled",
      "SELECT '{\"b\": [1, 2.5, null, \"x\\\"y\"], \"a\": {\"nested\": true}}'::jsonb AS doc, "
      "'[1, {\"k\": \"v\"}]'::json AS plain_json, '\"just a string\"'::jsonb AS scalar",
      "SELECT '2026-11-27 08:00:00.123456+00'::timestamptz AS at, "
      "'1970-01-01 00:00:00+00'::timestamptz AS epoch",
      "SELECT 'quote \" backslash \\ tab \t newline \n' AS text, 'Grüße 東京 😀' AS unicode, "
      "''::text AS empty, gen_random_uuid() AS id, 'a'::char(3) AS padded",
      "SELECT NULL::text AS nothing, NULL::int4 AS no_number, NULL::jsonb AS no_doc, "
      "NULL::timestamptz AS no_time",
      "SELECT 1 AS shown, 'x' AS _hidden, now() AS _sort_at",
  };
  for (const char* select : selects) {
    pqxx::row row = One(select);
    std::string text;
    AppendRowJson(text, row);
    EXPECT_EQ(nlohmann::json::parse(text), RowToJson(row)) << select << "\n" << text;
    EXPECT_EQ(RowJsonText(row).text, text);
  }
}

TEST_F(RowJsonTest, NumbersJsonLacksBecomeNull) {
  pqxx::row row =
      One("SELECT 'NaN'::numeric AS nan_numeric, 'NaN'::float8 AS nan_float, 'Infinity'::float8 AS up, "
          "'-Infinity'::float8 AS down, 2::numeric AS two");
  std::string text;
  AppendRowJson(text, row);
  EXPECT_EQ(text, R"({"nan_numeric":null,"nan_float":null,"up":null,"down":null,"two":2})");
}

TEST_F(RowJsonTest, MembersFollowTheColumnsAndSkipTheHiddenOnes) {
  pqxx::row row = One("SELECT 'z' AS zeta, 1 AS _sort_id, 'a' AS alpha");
  std::string text = "[";
  AppendRowJson(text, row);
  EXPECT_EQ(text, R"([{"zeta":"z","alpha":"a"})");
}

}  // namespace
}  // namespace persona::storage
