#include "http/handlers/account_handler.h"

#include "core/errors.h"
#include "http/handlers/client_info.h"
#include "http/json_fields.h"
#include "http/pagination.h"

namespace persona::http {
namespace {

using boost::beast::http::verb;

// Credentials arrive as any JSON (usually an object); they are kept as their JSON text.
std::optional<std::string> SecretJson(const nlohmann::json& body, const char* field) {
  auto it = body.find(field);
  if (it == body.end() || it->is_null()) return std::nullopt;
  if (!it->is_object() && !it->is_string()) throw ValidationError(field, "must be an object or a string");
  auto text = it->dump();
  if (text.size() > 16384) throw ValidationError(field, "must be at most 16 KiB");
  return text;
}

}  // namespace

void AddAccountRoutes(Router& router, app::AccountService& accounts) {
  router.Add(
      verb::post, "/api/v1/personas/{id}/accounts",
      [&accounts](Request& req) {
        RequireNoNul(req.json, {"credentials", "auth_tokens"});
        app::NewAccount a;
        a.persona_id = req.path_params.at("id");
        a.platform_type = RequireString(req.json, "platform_type", 50);
        a.username = RequireString(req.json, "username", 100);
        a.display_name = OptionalString(req.json, "display_name", 100);
        a.bio = OptionalString(req.json, "bio", 4096);
        a.profile_image_url = OptionalString(req.json, "profile_image_url", 2048);
        auto credentials = SecretJson(req.json, "credentials");
        if (!credentials) throw ValidationError("credentials", "is required");
        a.credentials = *credentials;
        a.auth_tokens = SecretJson(req.json, "auth_tokens");
        a.platform_settings = OptionalJsonbObject(req.json, "platform_settings");
        a.posting_schedule = OptionalJsonbObject(req.json, "posting_schedule");
        if (auto it = req.json.find("daily_post_limit"); it != req.json.end() && !it->is_null()) {
          // The service checks the range; here only that it is an integer that fits.
          if (!it->is_number_integer() || (it->is_number_unsigned() && it->get<unsigned long long>() > 1000000) ||
              it->get<long long>() < -1000000 || it->get<long long>() > 1000000) {
            throw ValidationError("daily_post_limit", "must be an integer from 1 to 1000");
          }
          a.daily_post_limit = static_cast<int>(it->get<long long>());
        }
        auto created = accounts.Create(req.caller->user_id, a, ClientOf(req));
        Response res = JsonResponse(201, created);
        res.headers.emplace_back("Location", "/api/v1/accounts/" + created["id"].get<std::string>());
        return res;
      },
      RouteOptions{.json_body = true});

  router.Add(verb::get, "/api/v1/personas/{id}/accounts", [&accounts](Request& req) {
    return PageResponse(accounts.List(req.caller->user_id, req.path_params.at("id"), ParsePageRequest(req)));
  });

  router.Add(verb::get, "/api/v1/accounts/{id}", [&accounts](Request& req) {
    return JsonResponse(200, accounts.Get(req.caller->user_id, req.path_params.at("id")));
  });

  router.Add(
      verb::patch, "/api/v1/accounts/{id}",
      [&accounts](Request& req) {
        RequireNoNul(req.json, {"credentials", "auth_tokens"});
        return JsonResponse(200,
                            accounts.Update(req.caller->user_id, req.path_params.at("id"), req.json, ClientOf(req)));
      },
      RouteOptions{.json_body = true});

  router.Add(verb::delete_, "/api/v1/accounts/{id}", [&accounts](Request& req) {
    accounts.Delete(req.caller->user_id, req.path_params.at("id"), ClientOf(req));
    return Response{204, "", "", {}};
  });

  router.Add(
      verb::post, "/api/v1/accounts/{id}/reveal",
      [&accounts](Request& req) {
        auto password = RequireString(req.json, "password", 1024);
        return JsonResponse(200,
                            accounts.Reveal(req.caller->user_id, req.path_params.at("id"), password, ClientOf(req)));
      },
      RouteOptions{.json_body = true});
}

}  // namespace persona::http
