#include "http/handlers/session_handler.h"

#include "core/errors.h"
#include "http/handlers/client_info.h"
#include "http/json_fields.h"
#include "http/pagination.h"
#include "http/query_params.h"

namespace persona::http {

using boost::beast::http::verb;

namespace {

app::SessionFilter ParseFilter(const Request& req) {
  std::vector<ValidationError::Field> errors;
  app::SessionFilter filter{.persona_id = QueryId(req, "persona_id", errors),
                            .status = QueryValue(req, "status"),
                            .from = QueryTime(req, "from", errors),
                            .to = QueryTime(req, "to", errors)};
  const auto& s = filter.status;
  if (s && *s != "live" && *s != "starting" && *s != "active" && *s != "idle" && *s != "ended" && *s != "error") {
    errors.push_back({"status", "must be live, starting, active, idle, ended or error"});
  }
  if (!errors.empty()) throw ValidationError(errors);
  return filter;
}

}  // namespace

void AddSessionRoutes(Router& router, app::SessionService& sessions) {
  router.Add(
      verb::post, "/api/v1/personas/{id}/sessions",
      [&sessions](Request& req) {
        RequireNoNul(req.json);
        auto started = sessions.Start(req.caller->user_id, req.path_params.at("id"), req.json, ClientOf(req));
        Response res = JsonResponse(201, started);
        res.headers.emplace_back("Location", "/api/v1/sessions/" + started["id"].get<std::string>());
        return res;
      },
      RouteOptions{.json_body = true});

  router.Add(verb::get, "/api/v1/sessions", [&sessions](Request& req) {
    return PageResponse(sessions.List(req.caller->user_id, ParseFilter(req), ParsePageRequest(req)));
  });

  router.Add(verb::get, "/api/v1/sessions/{id}", [&sessions](Request& req) {
    return JsonResponse(200, sessions.Get(req.caller->user_id, req.path_params.at("id")));
  });

  router.Add(
      verb::patch, "/api/v1/sessions/{id}",
      [&sessions](Request& req) {
        RequireNoNul(req.json);
        return JsonResponse(200,
                            sessions.Update(req.caller->user_id, req.path_params.at("id"), req.json, ClientOf(req)));
      },
      RouteOptions{.json_body = true});

  router.Add(verb::post, "/api/v1/sessions/{id}/end", [&sessions](Request& req) {
    return JsonResponse(200, sessions.End(req.caller->user_id, req.path_params.at("id"), ClientOf(req)));
  });
}

}  // namespace persona::http
