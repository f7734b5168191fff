#pragma once

#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

namespace persona::storage {

// A result row as the API shows it, one member per column named as selected: json and
// jsonb columns embedded, booleans, integers and numerics as JSON numbers,
// timestamptz as RFC 3339 UTC to the second, NULL as null, anything else as text.
// Columns whose names start with '_' (sort keys, ownership) are left out.
// Needs the connection's TimeZone to be UTC, which the pool sets.
nlohmann::json RowToJson(const pqxx::row& row);

}  // namespace persona::storage
