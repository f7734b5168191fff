#include "http/handlers/openapi_handler.h"

namespace persona::http {

void AddOpenApiRoute(Router& router) {
  router.Add(
      boost::beast::http::verb::get, "/api/v1/openapi.json",
      [](Request&) {
        return Response{200, "application/json", std::string(kOpenApiDocument), {}};
      },
      RouteOptions{.blocking = false, .public_route = true});
}

}  // namespace persona::http
