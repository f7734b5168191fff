#include "http/handlers/activity_handler.h"

#include "core/errors.h"
#include "domain/platform.h"
#include "http/handlers/client_info.h"
#include "http/json_fields.h"
#include "http/pagination.h"
#include "http/query_params.h"

namespace persona::http {

using boost::beast::http::verb;

namespace {

app::ActivityFilter ParseFilter(const Request& req) {
  std::vector<ValidationError::Field> errors;
  app::ActivityFilter filter{.persona_id = QueryId(req, "persona_id", errors),
                             .activity_type = QueryValue(req, "activity_type"),
                             .platform_type = QueryValue(req, "platform_type"),
                             .from = QueryTime(req, "from", errors),
                             .to = QueryTime(req, "to", errors)};
  for (auto [name, value] :
       {std::pair{"activity_type", &filter.activity_type}, std::pair{"platform_type", &filter.platform_type}}) {
    if (*value && ((*value)->empty() || (*value)->size() > 50)) errors.push_back({name, "must be 1 to 50 characters"});
  }
  if (!errors.empty()) throw ValidationError(errors);
  // ?platform_type=x finds the rows stored as twitter.
  if (filter.platform_type)
    filter.platform_type = domain::CanonicalPlatform(*filter.platform_type).value_or(*filter.platform_type);
  return filter;
}

}  // namespace

void AddActivityRoutes(Router& router, app::ActivityService& activity) {
  router.Add(verb::get, "/api/v1/activity", [&activity](Request& req) {
    return PageResponse(activity.List(req.caller->user_id, ParseFilter(req), ParsePageRequest(req)));
  });

  router.Add(verb::get, "/api/v1/activity/{id}", [&activity](Request& req) {
    return JsonTextResponse(200, activity.Get(req.caller->user_id, req.path_params.at("id")));
  });

  router.Add(
      verb::post, "/api/v1/activity",
      [&activity](Request& req) {
        RequireNoNul(req.json);
        auto created = activity.Record(req.caller->user_id, req.json, ClientOf(req));
        auto res = JsonResponse(201, created);
        res.headers.emplace_back("Location", "/api/v1/activity/" + created["id"].get<std::string>());
        return res;
      },
      RouteOptions{.json_body = true});
}

}  // namespace persona::http
