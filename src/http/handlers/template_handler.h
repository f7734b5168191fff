#pragma once

#include "app/template_service.h"
#include "http/router.h"

namespace persona::http {

// /api/v1/templates and POST /api/v1/templates/{id}/render.
void AddTemplateRoutes(Router& router, app::TemplateService& templates);

}  // namespace persona::http
