#include "http/handlers/metrics_handler.h"

namespace persona::http {

void AddMetricsRoute(Router& router, const Metrics& metrics) {
  router.Add(
      boost::beast::http::verb::get, "/metrics",
      [&metrics](Request&) {
        return Response{200, std::string(kMetricsContentType), metrics.Render(), {}};
      },
      RouteOptions{.blocking = true, .loopback_or_token = true});
}

}  // namespace persona::http
