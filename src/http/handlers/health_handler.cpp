#include "http/handlers/health_handler.h"

#include <exception>

namespace persona::http {
namespace {

using boost::beast::http::verb;

Response ReadyResponse(const Readiness& r) {
  if (r.database_reachable && r.schema_current) {
    return JsonResponse(
        200, {{"status", "ready"}, {"schema_version", r.schema_version}, {"schema_semver", r.schema_semver}});
  }
  std::string detail = r.detail;
  if (detail.empty()) {
    detail = !r.database_reachable ? "database unreachable"
                                   : "schema at version " + std::to_string(r.schema_version) + ", expected " +
                                         std::to_string(r.expected_schema_version);
  }
  return ProblemResponse(503, detail,
                         {{"database_reachable", r.database_reachable},
                          {"schema_version", r.schema_version},
                          {"expected_schema_version", r.expected_schema_version}});
}

}  // namespace

void AddHealthRoutes(Router& router, std::function<Readiness()> probe) {
  router.Add(
      verb::get, "/healthz",
      [](Request&) {
        return JsonResponse(200, {{"status", "ok"}});
      },
      RouteOptions{.json_body = false, .blocking = false, .public_route = true});
  router.Add(
      verb::get, "/readyz",
      [probe = std::move(probe)](Request&) {
        Readiness readiness;
        try {
          readiness = probe();
        } catch (const std::exception&) {
          // A probe that cannot even run means "not ready", which is what a load
          // balancer must hear; it is not a server bug (500).
          readiness.detail = "readiness probe failed";
        }
        return ReadyResponse(readiness);
      },
      // The probe must answer at once (serve's answers from a monitor thread): a probe
      // queued behind workers that wait on a hung database would answer late.
      RouteOptions{.json_body = false, .blocking = false, .public_route = true});
}

}  // namespace persona::http
