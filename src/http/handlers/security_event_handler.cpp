#include "http/handlers/security_event_handler.h"

#include "core/errors.h"
#include "core/time_format.h"
#include "core/uuid.h"
#include "http/handlers/client_info.h"
#include "http/json_fields.h"
#include "http/pagination.h"

namespace persona::http {

using boost::beast::http::verb;

namespace {

app::SecurityEventFilter ParseFilter(const Request& req) {
  app::SecurityEventFilter filter;
  std::vector<ValidationError::Field> errors;
  auto get = [&req](const char* name) -> std::optional<std::string> {
    auto it = req.query.find(name);
    return it == req.query.end() ? std::nullopt : std::optional(it->second);
  };
  if (auto v = get("severity")) {
    if (*v != "info" && *v != "warning" && *v != "error" && *v != "critical") {
      errors.push_back({"severity", "must be info, warning, error or critical"});
    }
    filter.severity = v;
  }
  if (auto v = get("event_type")) {
    if (v->empty() || v->size() > 50) errors.push_back({"event_type", "must be 1 to 50 characters"});
    filter.event_type = v;
  }
  if (auto v = get("resolved")) {
    if (*v != "true" && *v != "false") errors.push_back({"resolved", "must be true or false"});
    filter.resolved = *v == "true";
  }
  if (auto v = get("persona_id")) {
    if (!IsUuid(*v)) errors.push_back({"persona_id", "must be an id"});
    filter.persona_id = v;
  }
  for (auto [name, target] : {std::pair{"from", &filter.from}, std::pair{"to", &filter.to}}) {
    if (auto v = get(name)) {
      auto at = ParseTimestamp(*v);
      if (!at) {
        errors.push_back({name, "must be an RFC 3339 time"});
      } else {
        *target = FormatTimestamp(*at);
      }
    }
  }
  if (!errors.empty()) throw ValidationError(errors);
  return filter;
}

}  // namespace

void AddSecurityEventRoutes(Router& router, app::SecurityEventService& events) {
  router.Add(verb::get, "/api/v1/security-events", [&events](Request& req) {
    return PageResponse(events.List(req.caller->user_id, ParseFilter(req), ParsePageRequest(req)));
  });

  router.Add(
      verb::post, "/api/v1/security-events/{id}/resolve",
      [&events](Request& req) {
        RequireNoNul(req.json);
        return JsonResponse(200,
                            events.Resolve(req.caller->user_id, req.path_params.at("id"), req.json, ClientOf(req)));
      },
      RouteOptions{.json_body = true});
}

}  // namespace persona::http
