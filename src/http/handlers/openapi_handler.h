#pragma once

#include <string_view>

#include "http/router.h"

namespace persona::http {

// The server's OpenAPI 3.1 document (src/http/openapi.json, compiled in).
extern const std::string_view kOpenApiDocument;

// GET /api/v1/openapi.json, public.
void AddOpenApiRoute(Router& router);

}  // namespace persona::http
