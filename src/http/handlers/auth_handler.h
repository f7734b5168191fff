#pragma once

#include "app/auth_service.h"
#include "app/user_service.h"
#include "http/router.h"

namespace persona::http {

inline constexpr std::string_view kSessionCookie = "persona_session";

// /api/v1/auth/login, /auth/logout, /me (GET, PATCH, DELETE), /me/2fa/*, /me/tokens.
void AddAuthRoutes(Router& router, app::AuthService& auth, app::UserService& users);

// Recognises `Authorization: Bearer <API token>`, else the session cookie.
Authenticator MakeAuthenticator(app::AuthService& auth);

}  // namespace persona::http
