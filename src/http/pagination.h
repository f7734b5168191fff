#pragma once

#include "app/page.h"
#include "http/message.h"

namespace persona::http {

// `?limit=` (1–200, default 50) and `?cursor=` of a list request (API.md); 422 for
// anything else, naming the parameter.
app::PageRequest ParsePageRequest(const Request& req);

// {"items": [...], "next_cursor": "..." | null}
Response PageResponse(const app::Page& page);

}  // namespace persona::http
