#pragma once

#include "app/account_service.h"
#include "http/router.h"

namespace persona::http {

// POST /api/v1/personas/{id}/accounts, GET /api/v1/accounts/{id},
// POST /api/v1/accounts/{id}/reveal.
void AddAccountRoutes(Router& router, app::AccountService& accounts);

}  // namespace persona::http
