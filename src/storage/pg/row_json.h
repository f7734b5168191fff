#pragma once

#include <string>

#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include "app/json_text.h"

namespace persona::storage {

// A result row as the API shows it, one member per column named as selected: json and
// jsonb columns embedded, booleans, integers and numerics as JSON numbers,
// timestamptz as RFC 3339 UTC to the second, NULL as null, anything else as text.
// Columns whose names start with '_' (sort keys, ownership) are left out.
// Needs the connection's TimeZone to be UTC, which the pool sets.
nlohmann::json RowToJson(const pqxx::row& row);

// The same object as RowToJson, appended to `out` as JSON text without building it: json
// and jsonb columns are copied as PostgreSQL wrote them, numbers as their digits (NaN and
// infinities as null), members in column order. For read paths that only pass rows on.
void AppendRowJson(std::string& out, const pqxx::row& row);
inline app::JsonText RowJsonText(const pqxx::row& row) {
  app::JsonText out;
  AppendRowJson(out.text, row);
  return out;
}

}  // namespace persona::storage
