#pragma once

#include "app/account_service.h"
#include "http/router.h"

namespace persona::http {

// GET/POST /api/v1/personas/{id}/accounts, GET/PATCH/DELETE /api/v1/accounts/{id},
// POST /api/v1/accounts/{id}/reveal.
void AddAccountRoutes(Router& router, app::AccountService& accounts);

}  // namespace persona::http
