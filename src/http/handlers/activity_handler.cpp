#include "http/handlers/activity_handler.h"

#include "core/errors.h"
#include "core/time_format.h"
#include "core/uuid.h"
#include "http/handlers/client_info.h"
#include "http/json_fields.h"
#include "http/pagination.h"

namespace persona::http {

using boost::beast::http::verb;

namespace {

app::ActivityFilter ParseFilter(const Request& req) {
  app::ActivityFilter filter;
  std::vector<ValidationError::Field> errors;
  auto get = [&req](const char* name) -> std::optional<std::string> {
    auto it = req.query.find(name);
    return it == req.query.end() ? std::nullopt : std::optional(it->second);
  };
  if (auto v = get("persona_id")) {
    if (!IsUuid(*v)) errors.push_back({"persona_id", "must be an id"});
    filter.persona_id = v;
  }
  for (auto [name, target] :
       {std::pair{"activity_type", &filter.activity_type}, std::pair{"platform_type", &filter.platform_type}}) {
    if (auto v = get(name)) {
      if (v->empty() || v->size() > 50) errors.push_back({name, "must be 1 to 50 characters"});
      *target = v;
    }
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

void AddActivityRoutes(Router& router, app::ActivityService& activity) {
  router.Add(verb::get, "/api/v1/activity", [&activity](Request& req) {
    return PageResponse(activity.List(req.caller->user_id, ParseFilter(req), ParsePageRequest(req)));
  });

  router.Add(
      verb::post, "/api/v1/activity",
      [&activity](Request& req) {
        RequireNoNul(req.json);
        return JsonResponse(201, activity.Record(req.caller->user_id, req.json, ClientOf(req)));
      },
      RouteOptions{.json_body = true});
}

}  // namespace persona::http
