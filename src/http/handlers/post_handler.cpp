#include "http/handlers/post_handler.h"

#include "core/errors.h"
#include "http/handlers/client_info.h"
#include "http/json_fields.h"
#include "http/pagination.h"
#include "http/query_params.h"

namespace persona::http {

using boost::beast::http::verb;

namespace {

app::PostFilter ParseFilter(const Request& req) {
  std::vector<ValidationError::Field> errors;
  app::PostFilter filter{.persona_id = QueryId(req, "persona_id", errors),
                         .platform_account_id = QueryId(req, "platform_account_id", errors),
                         .state = QueryValue(req, "state"),
                         .from = QueryTime(req, "from", errors),
                         .to = QueryTime(req, "to", errors)};
  if (filter.state && *filter.state != "draft" && *filter.state != "scheduled" && *filter.state != "published") {
    errors.push_back({"state", "must be draft, scheduled or published"});
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

  router.Add(
      verb::post, "/api/v1/posts/check",
      [&posts](Request& req) {
        RequireNoNul(req.json);
        return JsonResponse(200, posts.Check(req.caller->user_id, req.json));
      },
      RouteOptions{.json_body = true});

  router.Add(verb::post, "/api/v1/posts/import", [&posts](Request& req) {
    auto type = std::string(req.headers[boost::beast::http::field::content_type]);
    if (type.rfind("text/csv", 0) != 0) return ProblemResponse(415, "send the planned posts as text/csv");
    if (req.body.find('\0') != std::string::npos) throw ValidationError("", "the CSV must not contain NUL bytes");
    return JsonResponse(200, posts.Import(req.caller->user_id, req.body, ClientOf(req)));
  });

  router.Add(verb::get, "/api/v1/posts/export", [&posts](Request& req) {
    Response res;
    res.content_type = "text/csv; charset=utf-8";
    res.body = posts.Export(req.caller->user_id, ParseFilter(req));
    res.headers.emplace_back("Content-Disposition", "attachment; filename=\"posts.csv\"");
    return res;
  });

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
