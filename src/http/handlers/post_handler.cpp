#include "http/handlers/post_handler.h"

#include "core/errors.h"
#include "core/time_format.h"
#include "core/uuid.h"
#include "http/handlers/client_info.h"
#include "http/json_fields.h"
#include "http/pagination.h"

namespace persona::http {

using boost::beast::http::verb;

namespace {

app::PostFilter ParseFilter(const Request& req) {
  app::PostFilter filter;
  std::vector<ValidationError::Field> errors;
  auto get = [&req](const char* name) -> std::optional<std::string> {
    auto it = req.query.find(name);
    return it == req.query.end() ? std::nullopt : std::optional(it->second);
  };
  for (auto [name, target] :
       {std::pair{"persona_id", &filter.persona_id}, std::pair{"platform_account_id", &filter.platform_account_id}}) {
    if (auto v = get(name)) {
      if (!IsUuid(*v)) errors.push_back({name, "must be an id"});
      *target = v;
    }
  }
  if (auto state = get("state")) {
    if (*state != "draft" && *state != "scheduled" && *state != "published") {
      errors.push_back({"state", "must be draft, scheduled or published"});
    }
    filter.state = state;
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

void AddPostRoutes(Router& router, app::PostService& posts) {
  router.Add(verb::get, "/api/v1/posts", [&posts](Request& req) {
    return PageResponse(posts.List(req.caller->user_id, ParseFilter(req), ParsePageRequest(req)));
  });

  router.Add(
      verb::post, "/api/v1/posts",
      [&posts](Request& req) {
        RequireNoNul(req.json);
        auto created = posts.Create(req.caller->user_id, req.json, ClientOf(req));
        Response res = JsonResponse(201, created);
        res.headers.emplace_back("Location", "/api/v1/posts/" + created["id"].get<std::string>());
        return res;
      },
      RouteOptions{.json_body = true});

  router.Add(verb::get, "/api/v1/posts/due",
             [&posts](Request& req) { return JsonResponse(200, posts.Due(req.caller->user_id)); });

  router.Add(verb::get, "/api/v1/posts/{id}", [&posts](Request& req) {
    return JsonResponse(200, posts.Get(req.caller->user_id, req.path_params.at("id")));
  });

  router.Add(
      verb::patch, "/api/v1/posts/{id}",
      [&posts](Request& req) {
        RequireNoNul(req.json);
        return JsonResponse(200, posts.Update(req.caller->user_id, req.path_params.at("id"), req.json, ClientOf(req)));
      },
      RouteOptions{.json_body = true});

  router.Add(verb::delete_, "/api/v1/posts/{id}", [&posts](Request& req) {
    posts.Delete(req.caller->user_id, req.path_params.at("id"), ClientOf(req));
    return Response{204, "", "", {}};
  });

  router.Add(
      verb::put, "/api/v1/posts/{id}/engagement/{window}",
      [&posts](Request& req) {
        return JsonResponse(200, posts.RecordEngagement(req.caller->user_id, req.path_params.at("id"),
                                                        req.path_params.at("window"), req.json, ClientOf(req)));
      },
      RouteOptions{.json_body = true});

  router.Add(
      verb::post, "/api/v1/posts/{id}/publish",
      [&posts](Request& req) {
        RequireNoNul(req.json);
        return JsonResponse(200, posts.Publish(req.caller->user_id, req.path_params.at("id"), req.json, ClientOf(req)));
      },
      RouteOptions{.json_body = true});
}

}  // namespace persona::http
