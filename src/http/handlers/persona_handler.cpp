#include "http/handlers/persona_handler.h"

#include "http/handlers/client_info.h"
#include "http/json_fields.h"
#include "http/pagination.h"

namespace persona::http {

using boost::beast::http::verb;

void AddPersonaRoutes(Router& router, app::PersonaService& personas, app::ProxyService& proxies) {
  router.Add(verb::get, "/api/v1/personas", [&personas](Request& req) {
    return PageResponse(personas.List(req.caller->user_id, ParsePageRequest(req)));
  });

  router.Add(
      verb::post, "/api/v1/personas",
      [&personas](Request& req) {
        RequireNoNul(req.json);
        auto created = personas.Create(req.caller->user_id, req.json, ClientOf(req));
        Response res = JsonResponse(201, created);
        res.headers.emplace_back("Location", "/api/v1/personas/" + created["id"].get<std::string>());
        return res;
      },
      RouteOptions{.json_body = true});

  router.Add(verb::get, "/api/v1/personas/{id}", [&personas](Request& req) {
    return JsonTextResponse(200, personas.Get(req.caller->user_id, req.path_params.at("id")));
  });

  router.Add(verb::get, "/api/v1/personas/{id}/risk", [&personas](Request& req) {
    return JsonResponse(200, personas.Risk(req.caller->user_id, req.path_params.at("id")));
  });

  router.Add(
      verb::patch, "/api/v1/personas/{id}",
      [&personas](Request& req) {
        RequireNoNul(req.json);
        return JsonTextResponse(
            200, personas.Update(req.caller->user_id, req.path_params.at("id"), req.json, ClientOf(req)));
      },
      RouteOptions{.json_body = true});

  router.Add(verb::delete_, "/api/v1/personas/{id}", [&personas](Request& req) {
    personas.Delete(req.caller->user_id, req.path_params.at("id"), ClientOf(req));
    return Response{204, "", "", {}};
  });

  router.Add(
      verb::put, "/api/v1/personas/{id}/proxy",
      [&proxies](Request& req) {
        auto proxy = RequireString(req.json, "proxy", 100);
        return JsonTextResponse(200,
                                proxies.Assign(req.caller->user_id, req.path_params.at("id"), proxy, ClientOf(req)));
      },
      RouteOptions{.json_body = true});

  router.Add(verb::delete_, "/api/v1/personas/{id}/proxy", [&proxies](Request& req) {
    return JsonTextResponse(200, proxies.Release(req.caller->user_id, req.path_params.at("id"), ClientOf(req)));
  });
}

}  // namespace persona::http
