#include "http/handlers/dashboard_handler.h"

namespace persona::http {

using boost::beast::http::verb;

void AddDashboardRoutes(Router& router, app::DashboardService& dashboard) {
  router.Add(verb::get, "/api/v1/dashboard",
             [&dashboard](Request& req) { return JsonResponse(200, dashboard.Build(req.caller->user_id)); });
}

}  // namespace persona::http
