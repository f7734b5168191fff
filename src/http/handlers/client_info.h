#pragma once

#include "app/auth_service.h"
#include "http/message.h"

namespace persona::http {

// Who is on the other end, as the audit rows record it: the client address and the
// User-Agent (cut to 512 bytes; it is logged and stored, and clients control it).
app::ClientInfo ClientOf(const Request& req);

}  // namespace persona::http
