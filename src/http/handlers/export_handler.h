#pragma once

#include "app/export_service.h"
#include "http/router.h"

namespace persona::http {

// GET /me/export: the caller's data as one JSON document, streamed (docs/export.md).
void AddExportRoutes(Router& router, app::ExportService& exports);

}  // namespace persona::http
