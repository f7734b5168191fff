#include "http/handlers/proxy_handler.h"

#include <regex>

#include "core/errors.h"
#include "http/handlers/client_info.h"
#include "http/json_fields.h"
#include "http/pagination.h"
#include "http/query_params.h"

namespace persona::http {

using boost::beast::http::verb;

void AddProxyRoutes(Router& router, app::ProxyService& proxies) {
  router.Add(verb::get, "/api/v1/proxies", [&proxies](Request& req) {
    return PageResponse(proxies.List(req.caller->user_id, ParsePageRequest(req)));
  });

  router.Add(
      verb::post, "/api/v1/proxies",
      [&proxies](Request& req) {
        RequireNoNul(req.json);
        auto created = proxies.Create(req.caller->user_id, req.json, ClientOf(req));
        Response res = JsonResponse(201, created);
        res.headers.emplace_back("Location", "/api/v1/proxies/" + created["id"].get<std::string>());
        return res;
      },
      RouteOptions{.json_body = true});

  // A provider's list pasted as text: one proxy a line.
  router.Add(verb::post, "/api/v1/proxies/import", [&proxies](Request& req) {
    auto type = std::string(req.headers[boost::beast::http::field::content_type]);
    if (type.rfind("text/plain", 0) != 0) {
      return ProblemResponse(415, "send the proxy list as text/plain, one proxy a line");
    }
    if (req.body.find('\0') != std::string::npos) throw ValidationError("", "the list must not contain NUL bytes");
    auto city = QueryValue(req, "city");
    if (!city) throw ValidationError("city", "is required (?city=Manila): every proxy has a city");
    return JsonResponse(
        200, proxies.Import(req.caller->user_id, req.body, *city, QueryValue(req, "country_code"), ClientOf(req)));
  });

  router.Add(verb::get, "/api/v1/proxies/costs", [&proxies](Request& req) {
    int months = 12;
    if (auto value = QueryValue(req, "months")) {
      static const std::regex kNumber("[0-9]{1,2}");
      months = std::regex_match(*value, kNumber) ? std::stoi(*value) : 0;
    }
    return JsonResponse(200, proxies.MonthlyCosts(req.caller->user_id, months));
  });

  router.Add(verb::get, "/api/v1/proxies/{id}", [&proxies](Request& req) {
    return JsonResponse(200, proxies.Get(req.caller->user_id, req.path_params.at("id")));
  });

  router.Add(
      verb::patch, "/api/v1/proxies/{id}",
      [&proxies](Request& req) {
        RequireNoNul(req.json);
        return JsonResponse(200,
                            proxies.Update(req.caller->user_id, req.path_params.at("id"), req.json, ClientOf(req)));
      },
      RouteOptions{.json_body = true});

  router.Add(verb::delete_, "/api/v1/proxies/{id}", [&proxies](Request& req) {
    proxies.Delete(req.caller->user_id, req.path_params.at("id"), ClientOf(req));
    return Response{204, "", "", {}};
  });

  router.Add(verb::post, "/api/v1/proxies/{id}/check", [&proxies](Request& req) {
    return JsonResponse(200, proxies.Check(req.caller->user_id, req.path_params.at("id"), ClientOf(req)));
  });

  router.Add(verb::get, "/api/v1/proxies/{id}/checks", [&proxies](Request& req) {
    return PageResponse(proxies.Checks(req.caller->user_id, req.path_params.at("id"), ParsePageRequest(req)));
  });
}

}  // namespace persona::http
