#include "http/handlers/key_status_handler.h"

namespace persona::http {

using boost::beast::http::verb;

void AddKeyStatusRoutes(Router& router, app::KeyStatusService& keys) {
  router.Add(verb::get, "/api/v1/keys", [&keys](Request&) { return JsonResponse(200, keys.Status()); });
}

}  // namespace persona::http
