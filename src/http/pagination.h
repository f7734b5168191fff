#pragma once

#include "app/page.h"
#include "http/message.h"

namespace persona::http {

// `?limit=` (1–200, default 50) and `?cursor=` of a list request (API.md); 422 for
// anything else, naming the parameter.
app::PageRequest ParsePageRequest(const Request& req);

// {"items": [...], "next_cursor": "..." | null}. Takes the page by value: its items move
// into the body instead of being copied one by one.
Response PageResponse(app::Page page);

}  // namespace persona::http
