#include "http/handlers/template_handler.h"

#include "http/handlers/client_info.h"
#include "http/json_fields.h"
#include "http/pagination.h"

namespace persona::http {

using boost::beast::http::verb;

void AddTemplateRoutes(Router& router, app::TemplateService& templates) {
  router.Add(verb::get, "/api/v1/templates", [&templates](Request& req) {
    return PageResponse(templates.List(req.caller->user_id, ParsePageRequest(req)));
  });

  router.Add(
      verb::post, "/api/v1/templates",
      [&templates](Request& req) {
        RequireNoNul(req.json);
        auto created = templates.Create(req.caller->user_id, req.json, ClientOf(req));
        Response res = JsonResponse(201, created);
        res.headers.emplace_back("Location", "/api/v1/templates/" + created["id"].get<std::string>());
        return res;
      },
      RouteOptions{.json_body = true});

  router.Add(verb::get, "/api/v1/templates/{id}", [&templates](Request& req) {
    return JsonResponse(200, templates.Get(req.caller->user_id, req.path_params.at("id")));
  });

  router.Add(
      verb::patch, "/api/v1/templates/{id}",
      [&templates](Request& req) {
        RequireNoNul(req.json);
        return JsonResponse(200,
                            templates.Update(req.caller->user_id, req.path_params.at("id"), req.json, ClientOf(req)));
      },
      RouteOptions{.json_body = true});

  router.Add(verb::delete_, "/api/v1/templates/{id}", [&templates](Request& req) {
    templates.Delete(req.caller->user_id, req.path_params.at("id"), ClientOf(req));
    return Response{204, "", "", {}};
  });

  router.Add(
      verb::post, "/api/v1/templates/preview",
      [&templates](Request& req) {
        RequireNoNul(req.json);
        return JsonResponse(200, templates.Preview(req.caller->user_id, req.json));
      },
      RouteOptions{.json_body = true});

  router.Add(
      verb::post, "/api/v1/templates/{id}/render",
      [&templates](Request& req) {
        auto persona_id = RequireString(req.json, "persona_id", 100);
        auto platform = RequireString(req.json, "platform_type", 50);
        auto theme = OptionalString(req.json, "theme", 200);
        return JsonResponse(
            200, templates.Render(req.caller->user_id, req.path_params.at("id"), persona_id, platform, theme));
      },
      RouteOptions{.json_body = true});
}

}  // namespace persona::http
