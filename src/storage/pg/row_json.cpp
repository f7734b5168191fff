#include "storage/pg/row_json.h"

#include <cstring>
#include <string>

#include "core/json_text.h"

namespace persona::storage {
namespace {

// Type OIDs from PostgreSQL's pg_type.dat; fixed since they are part of the wire protocol.
constexpr pqxx::oid kBool = 16;
constexpr pqxx::oid kInt8 = 20;
constexpr pqxx::oid kInt2 = 21;
constexpr pqxx::oid kInt4 = 23;
constexpr pqxx::oid kJson = 114;
constexpr pqxx::oid kFloat8 = 701;
constexpr pqxx::oid kNumeric = 1700;
constexpr pqxx::oid kTimestampTz = 1184;
constexpr pqxx::oid kJsonb = 3802;

// "2026-11-27 08:00:00.123456+00" → "2026-11-27T08:00:00Z".
std::string Rfc3339(std::string_view text) {
  if (text.size() < 19) return std::string(text);
  std::string out(text.substr(0, 19));
  out[10] = 'T';
  return out + "Z";
}

// numeric and float8 also have NaN and ±Infinity, which JSON lacks (dump() writes null).
bool IsFiniteNumber(std::string_view text) {
  return !text.empty() && (text[0] == '-' || (text[0] >= '0' && text[0] <= '9')) && text != "-Infinity";
}

}  // namespace

nlohmann::json RowToJson(const pqxx::row& row) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& field : row) {
    std::string name = field.name();
    if (name.empty() || name[0] == '_') continue;
    if (field.is_null()) {
      out[name] = nullptr;
      continue;
    }
    switch (field.type()) {
      case kBool:
        out[name] = field.as<bool>();
        break;
      case kInt2:
      case kInt4:
      case kInt8:
        out[name] = field.as<long long>();
        break;
      case kNumeric:
      case kFloat8:
        out[name] = field.as<double>();
        break;
      case kJson:
      case kJsonb:
        out[name] = nlohmann::json::parse(field.c_str());
        break;
      case kTimestampTz:
        out[name] = Rfc3339({field.c_str(), field.size()});
        break;
      default:
        out[name] = field.as<std::string>();
    }
  }
  return out;
}

void AppendRowJson(std::string& out, const pqxx::row& row) {
  out.push_back('{');
  bool first = true;
  for (const auto& field : row) {
    const char* name = field.name();
    if (name[0] == '\0' || name[0] == '_') continue;
    if (!first) out.push_back(',');
    first = false;
    AppendJsonString(out, name);
    out.push_back(':');
    std::string_view text(field.c_str(), field.size());
    if (field.is_null()) {
      out.append("null");
      continue;
    }
    switch (field.type()) {
      case kBool:
        out.append(text == "t" ? "true" : "false");
        break;
      case kInt2:
      case kInt4:
      case kInt8:
      case kJson:
      case kJsonb:
        out.append(text);
        break;
      case kNumeric:
      case kFloat8:
        out.append(IsFiniteNumber(text) ? text : "null");
        break;
      case kTimestampTz:
        AppendJsonString(out, Rfc3339(text));
        break;
      default:
        AppendJsonString(out, text);
    }
  }
  out.push_back('}');
}

}  // namespace persona::storage
