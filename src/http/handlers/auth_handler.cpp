#include "http/handlers/auth_handler.h"

#include <boost/beast/core/string.hpp>

#include "core/errors.h"
#include "http/handlers/client_info.h"
#include "http/json_fields.h"

namespace persona::http {
namespace {

namespace bhttp = boost::beast::http;
using bhttp::verb;

const RouteOptions kJson{.json_body = true};

std::string CookieValue(const Request& req, std::string_view name) {
  std::string_view header = req.headers[bhttp::field::cookie];
  while (!header.empty()) {
    auto end = header.find(';');
    auto pair = header.substr(0, end);
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    auto eq = pair.find('=');
    if (eq != std::string_view::npos && pair.substr(0, eq) == name) return std::string(pair.substr(eq + 1));
    if (end == std::string_view::npos) break;
    header.remove_prefix(end + 1);
  }
  return {};
}

std::string SessionCookie(const std::string& token, std::chrono::seconds max_age) {
  // HttpOnly: scripts never see it; SameSite=Strict: other sites' pages never send it.
  // No TLS is terminated here, so no Secure flag (see README, Security).
  return std::string(kSessionCookie) + "=" + token +
         "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age.count());
}

nlohmann::json ProfileJson(const app::Profile& p) {
  return {{"id", p.id},
          {"email", p.email},
          {"subscription_tier", p.subscription_tier},
          {"max_personas", p.max_personas},
          {"two_factor_enabled", p.two_factor_enabled},
          {"created_at", p.created_at},
          {"last_login", p.last_login ? nlohmann::json(*p.last_login) : nlohmann::json(nullptr)},
          {"password_change_required", p.password_change_required}};
}

nlohmann::json TokenJson(const app::ApiTokenInfo& t) {
  return {{"id", t.id},
          {"name", t.name},
          {"created_at", t.created_at},
          {"last_used_at", t.last_used_at ? nlohmann::json(*t.last_used_at) : nlohmann::json(nullptr)}};
}

const Caller& CallerOf(const Request& req) { return *req.caller; }

std::string SessionIdOf(const Request& req) {
  return req.caller->via == Caller::Via::kSession ? req.caller->credential_id : std::string();
}

}  // namespace

Authenticator MakeAuthenticator(app::AuthService& auth) {
  return [&auth](const Request& req) -> std::optional<Caller> {
    std::string_view authorization = req.headers[bhttp::field::authorization];
    if (!authorization.empty()) {
      constexpr std::string_view kBearer = "Bearer ";
      if (authorization.size() <= kBearer.size() ||
          !boost::beast::iequals(authorization.substr(0, kBearer.size()), kBearer)) {
        return std::nullopt;
      }
      auto id = auth.AuthenticateToken(std::string(authorization.substr(kBearer.size())));
      if (!id) return std::nullopt;
      return Caller{id->user_id, Caller::Via::kToken, id->credential_id};
    }
    auto token = CookieValue(req, kSessionCookie);
    if (token.empty()) return std::nullopt;
    auto id = auth.AuthenticateSession(token);
    if (!id) return std::nullopt;
    return Caller{id->user_id, Caller::Via::kSession, id->credential_id};
  };
}

void AddAuthRoutes(Router& router, app::AuthService& auth, app::UserService& users) {
  router.Add(
      verb::post, "/api/v1/auth/login",
      [&auth](Request& req) {
        RequireObject(req.json);
        app::LoginRequest login;
        login.email = RequireString(req.json, "email", 1024);
        login.password = RequireString(req.json, "password", 1024);
        login.totp_code = OptionalString(req.json, "totp_code", 64);
        login.recovery_code = OptionalString(req.json, "recovery_code", 64);
        login.client = ClientOf(req);
        auto outcome = auth.Login(login);
        switch (outcome.kind) {
          case app::LoginOutcome::Kind::kOk: {
            Response res = JsonResponse(200, ProfileJson(auth.Me(outcome.user_id)));
            res.headers.emplace_back("Set-Cookie",
                                     SessionCookie(outcome.session_token, auth.policy().session_lifetime));
            return res;
          }
          case app::LoginOutcome::Kind::kTotpRequired:
            return ProblemResponse(401, "a TOTP code (or a recovery code) is required", {{"code", "totp_required"}});
          case app::LoginOutcome::Kind::kThrottled: {
            Response res = ProblemResponse(429, "too many failed logins; wait before trying again");
            res.headers.emplace_back("Retry-After", std::to_string(outcome.retry_after.count()));
            return res;
          }
          case app::LoginOutcome::Kind::kBadCredentials:
            break;
        }
        // Unknown email and wrong password answer identically.
        return ProblemResponse(401, "invalid email or password");
      },
      RouteOptions{.json_body = true, .public_route = true});

  router.Add(verb::post, "/api/v1/auth/logout", [&auth](Request& req) {
    if (req.caller->via == Caller::Via::kSession) {
      auth.Logout(req.caller->user_id, req.caller->credential_id, ClientOf(req));
    }
    Response res{204, "", "", {}};
    res.headers.emplace_back("Set-Cookie",
                             std::string(kSessionCookie) + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
    return res;
  });

  router.Add(verb::get, "/api/v1/me",
             [&auth](Request& req) { return JsonResponse(200, ProfileJson(auth.Me(CallerOf(req).user_id))); });

  router.Add(
      verb::patch, "/api/v1/me",
      [&auth](Request& req) {
        auto current = RequireString(req.json, "current_password", 1024);
        auto next = RequireString(req.json, "new_password", 1024);
        auth.ChangePassword(CallerOf(req).user_id, SessionIdOf(req), current, next, ClientOf(req));
        return JsonResponse(200, ProfileJson(auth.Me(CallerOf(req).user_id)));
      },
      kJson);

  // Erasure: the user and everything they own, in one transaction (docs/retention.md).
  router.Add(
      verb::delete_, "/api/v1/me",
      [&users](Request& req) {
        auto password = RequireString(req.json, "password", 1024);
        users.EraseSelf(CallerOf(req).user_id, password);
        Response res{204, "", "", {}};
        res.headers.emplace_back("Set-Cookie",
                                 std::string(kSessionCookie) + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
        return res;
      },
      kJson);

  router.Add(verb::post, "/api/v1/me/2fa/setup", [&auth](Request& req) {
    auto enrolment = auth.SetupTotp(CallerOf(req).user_id, ClientOf(req));
    return JsonResponse(
        200, {{"secret", enrolment.secret}, {"otpauth_uri", enrolment.otpauth_uri}, {"qr_svg", enrolment.qr_svg}});
  });

  router.Add(
      verb::post, "/api/v1/me/2fa/enable",
      [&auth](Request& req) {
        auto codes = auth.EnableTotp(CallerOf(req).user_id, RequireString(req.json, "code", 64), ClientOf(req));
        return JsonResponse(200, {{"recovery_codes", codes}});
      },
      kJson);

  router.Add(
      verb::post, "/api/v1/me/2fa/disable",
      [&auth](Request& req) {
        auth.DisableTotp(CallerOf(req).user_id, RequireString(req.json, "password", 1024),
                         RequireString(req.json, "code", 64), ClientOf(req));
        return JsonResponse(200, ProfileJson(auth.Me(CallerOf(req).user_id)));
      },
      kJson);

  router.Add(verb::get, "/api/v1/me/tokens", [&auth](Request& req) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& t : auth.ListTokens(CallerOf(req).user_id)) items.push_back(TokenJson(t));
    return JsonResponse(200, {{"items", items}, {"next_cursor", nullptr}});
  });

  router.Add(
      verb::post, "/api/v1/me/tokens",
      [&auth](Request& req) {
        auto created = auth.CreateToken(CallerOf(req).user_id, RequireString(req.json, "name", 1024), ClientOf(req));
        auto body = TokenJson(created.info);
        body.erase("last_used_at");
        body["token"] = created.token;
        Response res = JsonResponse(201, body);
        res.headers.emplace_back("Location", "/api/v1/me/tokens/" + created.info.id);
        return res;
      },
      kJson);

  router.Add(verb::delete_, "/api/v1/me/tokens/{id}", [&auth](Request& req) {
    auth.RevokeToken(CallerOf(req).user_id, req.path_params.at("id"), ClientOf(req));
    return Response{204, "", "", {}};
  });
}

}  // namespace persona::http
