#pragma once

#include <optional>
#include <string>

#include "app/json_text.h"

namespace persona::app {

// Keyset pagination, newest first: a page continues after the (created_at, id) of the
// last item of the previous one, so pages stay stable while rows are added.
struct PageKey {
  std::string at;  // timestamp to the microsecond, UTC ("2026-11-27T08:00:00.123456Z")
  std::string id;
};

struct PageRequest {
  int limit = 50;
  std::optional<PageKey> after;
};

struct Page {
  JsonText items{"[]"};         // the items as one JSON array, as the API shows them
  std::optional<PageKey> next;  // set when more items follow
};

}  // namespace persona::app
