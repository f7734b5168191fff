#pragma once

#include <functional>
#include <memory>
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
  // Reachable without authentication. Everything else answers 401 unless the
  // authenticator recognises the caller (API.md: only login, the OpenAPI document,
  // the health checks and the static UI are public).
  bool public_route = false;
  // Instead of the usual authentication (API.md, /metrics): a loopback client passes
  // without credentials, anyone else needs a valid API token (Bearer); a session cookie
  // is never enough. A Bearer token that is sent must be valid, from loopback too.
  bool loopback_or_token = false;
};

// Recognises the caller from the session cookie or a Bearer token; nullopt when
// neither is valid. May query the database (it runs on the worker pool).
using Authenticator = std::function<std::optional<Caller>(const Request&)>;

// Answers a GET or HEAD that no route matches (the web UI's files and its client-side
// routes); nullopt keeps the usual 404. Runs on the I/O thread, so it must not block.
using Fallback = std::function<std::optional<Response>(const Request&)>;
// Opens something held for the length of one request (see Router::SetRequestScope).
using RequestScope = std::function<std::shared_ptr<void>()>;

struct RouteInfo {
  boost::beast::http::verb method;
  std::string pattern;
  bool public_route = false;
  bool json_body = false;
  bool loopback_or_token = false;
};

// True when the client connected from a loopback address (127.0.0.0/8, ::1, or 127.x
// mapped into IPv6) and the request names no forwarding proxy: a reverse proxy on the same
// host makes every client look local, and it says so in Forwarded or X-Forwarded-For.
bool IsLoopbackClient(const Request& req);

// True when a state-changing request carries an Origin (or, without one, a Referer)
// naming this server itself: scheme-less host:port equal to the Host header. Cookie-
// authenticated writes need it (API.md); SameSite=Strict is the first line, this the
// second.
bool IsSameOrigin(const Request& req);

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
  // (400 malformed target, 404, 405 with Allow, or the fallback's answer).
  struct Match {
    const Route* route = nullptr;
    Response error;
    bool fallback = false;  // `error` is the fallback's answer (the web UI)
  };

  // Throws std::logic_error on a malformed pattern or a duplicate (method, pattern):
  // both are programming errors found at start-up.
  void Add(boost::beast::http::verb method, std::string pattern, Handler handler, RouteOptions options = {});

  // Parses req.target into req.path and req.query, then finds the route. HEAD is
  // answered by the GET route where there is no HEAD route; dropping the body of a
  // HEAD response is the transport's job.
  Match Find(Request& req) const;

  // Runs a found route: authentication (401) and, for cookie-authenticated writes, the
  // same-origin check (403); JSON body checks; then the handler, mapping
  // the errors of core/errors.h to their statuses (ValidationError and UsageError 422,
  // ReauthFailed 403 "reauth_failed", NotFoundError 404, ConflictError 409,
  // ServiceUnavailable/DatabaseUnavailable 503) and any other exception to 500
  // (logged, never rethrown). This is the one place errors become statuses.
  Response Invoke(const Route& route, Request& req, Logger& log) const;

  // Without an authenticator every non-public route answers 401.
  void SetAuthenticator(Authenticator authenticator) { authenticator_ = std::move(authenticator); }

  // Invoke holds what `scope` returns from before authentication until the handler
  // returns: the request's authentication and its work share one database lease.
  void SetRequestScope(RequestScope scope) { request_scope_ = std::move(scope); }

  // Consulted by Find for a GET or HEAD whose path no route knows at all (a path that
  // some route serves with another method still answers 405).
  void SetFallback(Fallback fallback) { fallback_ = std::move(fallback); }

  // Find + Invoke on the calling thread, whatever the route's `blocking` says.
  Response Dispatch(Request& req, Logger& log) const;

  // Every route, with whether it is public.
  std::vector<RouteInfo> Routes() const;

 private:
  std::vector<Route> routes_;
  Authenticator authenticator_;
  RequestScope request_scope_;
  Fallback fallback_;
};

// JSON nested deeper than this is refused before parsing: deep nesting is only ever
// an attack on the parser or on code that walks the document recursively.
inline constexpr int kMaxJsonDepth = 64;

}  // namespace persona::http
