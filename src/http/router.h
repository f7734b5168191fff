#pragma once

#include <functional>
#include <string>
#include <vector>

#include <boost/beast/http/verb.hpp>

#include "core/log.h"
#include "http/message.h"

namespace persona::http {

using Handler = std::function<Response(Request&)>;

struct RouteOptions {
  // Parse the body as JSON into Request::json (415 without a JSON content type, 400 on
  // malformed or too deeply nested JSON) before the handler runs.
  bool json_body = false;
  // May wait on the database: runs on the worker pool, never on an I/O thread.
  // Only handlers that never wait (like /healthz) should set this to false.
  bool blocking = true;
};

struct RouteInfo {
  boost::beast::http::verb method;
  std::string pattern;
};

// Maps (method, path) to handlers. Patterns are exact paths whose segments may be
// "{name}" parameters: "/api/v1/personas/{id}". A trailing slash is significant.
// Built once at start-up; it must not change while a Server uses it.
class Router {
 public:
  struct Route {
    boost::beast::http::verb method;
    std::string pattern;
    std::vector<std::string> segments;  // "{id}" kept as written
    std::vector<bool> is_param;
    Handler handler;
    RouteOptions options;
  };

  // Either the route to run (path_params filled in) or the response to send instead
  // (400 malformed target, 404, 405 with Allow).
  struct Match {
    const Route* route = nullptr;
    Response error;
  };

  // Throws std::logic_error on a malformed pattern or a duplicate (method, pattern):
  // both are programming errors found at start-up.
  void Add(boost::beast::http::verb method, std::string pattern, Handler handler, RouteOptions options = {});

  // Parses req.target into req.path and req.query, then finds the route. HEAD is
  // answered by the GET route where there is no HEAD route; dropping the body of a
  // HEAD response is the transport's job.
  Match Find(Request& req) const;

  // Runs a found route's handler: JSON body checks, then the handler, mapping
  // ServiceUnavailable to 503 and any other exception to 500 (logged, never rethrown).
  static Response Invoke(const Route& route, Request& req, Logger& log);

  // Find + Invoke on the calling thread, whatever the route's `blocking` says.
  Response Dispatch(Request& req, Logger& log) const;

  std::vector<RouteInfo> Routes() const;

 private:
  std::vector<Route> routes_;
};

// JSON nested deeper than this is refused before parsing: deep nesting is only ever
// an attack on the parser or on code that walks the document recursively.
inline constexpr int kMaxJsonDepth = 64;

}  // namespace persona::http
