#include "http/pagination.h"

#include <regex>
#include <utility>

#include "core/errors.h"
#include "core/json_text.h"
#include "core/time_format.h"
#include "crypto/encoding.h"

namespace persona::http {
namespace {

// The cursor is opaque to clients; inside it is "<at>|<id>" in hex, checked strictly on
// the way back in since it comes from the client.
std::string EncodeCursor(const app::PageKey& key) { return crypto::HexEncode(key.at + "|" + key.id); }

app::PageKey DecodeCursor(const std::string& cursor) {
  static const std::regex kKey(
      R"(([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6}Z)\|([0-9a-f-]{1,36}))");
  auto decoded = cursor.size() <= 256 ? crypto::HexDecode(cursor) : std::nullopt;
  std::smatch m;
  if (!decoded || !std::regex_match(*decoded, m, kKey) || !ParseTimestamp(m[1].str())) {
    throw ValidationError("cursor", "is not a cursor this server gave out");
  }
  return {m[1].str(), m[2].str()};
}

}  // namespace

app::PageRequest ParsePageRequest(const Request& req) {
  app::PageRequest page;
  if (auto it = req.query.find("limit"); it != req.query.end()) {
    static const std::regex kNumber(R"([0-9]{1,3})");
    int limit = std::regex_match(it->second, kNumber) ? std::stoi(it->second) : 0;
    if (limit < 1 || limit > 200) throw ValidationError("limit", "must be a number from 1 to 200");
    page.limit = limit;
  }
  if (auto it = req.query.find("cursor"); it != req.query.end()) page.after = DecodeCursor(it->second);
  return page;
}

Response PageResponse(app::Page page) {
  std::string body = "{\"items\":" + std::move(page.items.text) + ",\"next_cursor\":";
  if (page.next) {
    AppendJsonString(body, EncodeCursor(*page.next));
  } else {
    body.append("null");
  }
  body.push_back('}');
  return JsonTextResponse(200, app::JsonText{std::move(body)});
}

}  // namespace persona::http
