#include "http/handlers/security_event_handler.h"

#include "core/errors.h"
#include "http/handlers/client_info.h"
#include "http/json_fields.h"
#include "http/pagination.h"
#include "http/query_params.h"

namespace persona::http {

using boost::beast::http::verb;

namespace {

app::SecurityEventFilter ParseFilter(const Request& req) {
  std::vector<ValidationError::Field> errors;
  app::SecurityEventFilter filter{.severity = QueryValue(req, "severity"),
                                  .event_type = QueryValue(req, "event_type"),
                                  .persona_id = QueryId(req, "persona_id", errors),
                                  .from = QueryTime(req, "from", errors),
                                  .to = QueryTime(req, "to", errors)};
  const auto& severity = filter.severity;
  if (severity && *severity != "info" && *severity != "warning" && *severity != "error" && *severity != "critical") {
    errors.push_back({"severity", "must be info, warning, error or critical"});
  }
  if (filter.event_type && (filter.event_type->empty() || filter.event_type->size() > 50)) {
    errors.push_back({"event_type", "must be 1 to 50 characters"});
  }
  if (auto resolved = QueryValue(req, "resolved")) {
    if (*resolved != "true" && *resolved != "false") errors.push_back({"resolved", "must be true or false"});
    filter.resolved = *resolved == "true";
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
