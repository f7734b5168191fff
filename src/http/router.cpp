#include "http/router.h"

#include <algorithm>
#include <optional>
#include <set>
#include <stdexcept>

#include <boost/asio/ip/address.hpp>
#include <boost/beast/core/string.hpp>

#include "core/errors.h"
#include "http/url.h"

namespace persona::http {
namespace {

namespace bhttp = boost::beast::http;

std::vector<std::string_view> SplitPath(std::string_view path) {
  // "/a/b" → {"a", "b"}; "/" → {""}; "/a/" → {"a", ""}: a trailing slash is a segment.
  std::vector<std::string_view> out;
  path.remove_prefix(1);
  while (true) {
    auto slash = path.find('/');
    out.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return out;
}

bool IsParam(std::string_view segment) { return segment.size() > 2 && segment.front() == '{' && segment.back() == '}'; }

bool MethodCarriesBody(bhttp::verb method) {
  return method == bhttp::verb::post || method == bhttp::verb::put || method == bhttp::verb::patch ||
         method == bhttp::verb::delete_;
}

bool IsJsonContentType(std::string_view value) {
  // "application/json; charset=utf-8" is JSON too; media types are case-insensitive.
  value = value.substr(0, value.find(';'));
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  return boost::beast::iequals(value, kJsonType);
}

// Nesting depth of the arrays and objects in `text`, counted outside strings, stopping
// early past `limit`. Checked before parsing so a hostile document costs one scan.
int JsonDepth(std::string_view text, int limit) {
  int depth = 0;
  int max_depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      max_depth = std::max(max_depth, ++depth);
      if (max_depth > limit) break;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return max_depth;
}

bool IsBlank(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; });
}

// Fills req.json, or returns the problem to answer instead.
std::optional<Response> ParseJsonBody(Request& req) {
  auto content_type = req.headers[bhttp::field::content_type];
  if (!IsJsonContentType(content_type)) {
    return ProblemResponse(415, "the request body must be JSON (Content-Type: application/json)");
  }
  if (IsBlank(req.body)) return ProblemResponse(400, "the request body is empty; a JSON document is expected");
  if (JsonDepth(req.body, kMaxJsonDepth) > kMaxJsonDepth) {
    return ProblemResponse(400, "the JSON document is nested deeper than " + std::to_string(kMaxJsonDepth) + " levels");
  }
  try {
    req.json = nlohmann::json::parse(req.body);
  } catch (const nlohmann::json::parse_error& e) {
    // Position only: the parser's own message quotes the body, which may hold secrets.
    return ProblemResponse(400, "malformed JSON near byte " + std::to_string(e.byte));
  } catch (const nlohmann::json::out_of_range&) {
    // A number such as 1e999 overflows a double while the document is read, before any
    // field is known; nothing representable could have been meant.
    return ProblemResponse(400, "a number in the JSON document is outside the range of a double");
  }
  return std::nullopt;
}

// The service is down, not broken: 503, which load balancers and clients retry.
Response Unavailable(const Router::Route& route, const Request& req, Logger& log, const std::exception& e) {
  log.Warn("service unavailable", {{"request_id", req.request_id}, {"route", route.pattern}, {"error", e.what()}});
  Response res = ProblemResponse(503, "the service is temporarily unavailable; retry later");
  res.headers.emplace_back("Retry-After", "5");
  return res;
}

}  // namespace

void Router::Add(bhttp::verb method, std::string pattern, Handler handler, RouteOptions options) {
  if (pattern.empty() || pattern.front() != '/')
    throw std::logic_error("route pattern must start with '/': " + pattern);
  if (!handler) throw std::logic_error("route without handler: " + pattern);
  Route route{method, pattern, {}, {}, std::move(handler), options};
  std::set<std::string_view> names;
  for (auto segment : SplitPath(pattern)) {
    bool param = IsParam(segment);
    bool has_brace = segment.find_first_of("{}") != std::string_view::npos;
    if (has_brace && !param)
      throw std::logic_error("malformed route segment '" + std::string(segment) + "' in " + pattern);
    if (param && !names.insert(segment).second) throw std::logic_error("duplicate parameter in route " + pattern);
    route.segments.emplace_back(param ? segment.substr(1, segment.size() - 2) : segment);
    route.is_param.push_back(param);
  }
  for (const auto& existing : routes_) {
    if (existing.method == method && existing.pattern == pattern) {
      throw std::logic_error("duplicate route " + std::string(bhttp::to_string(method)) + " " + pattern);
    }
  }
  routes_.push_back(std::move(route));
}

Router::Match Router::Find(Request& req) const {
  Match match;
  std::string_view raw_path, raw_query;
  if (!SplitTarget(req.target, raw_path, raw_query)) {
    match.error = ProblemResponse(400, "the request target must be an absolute path");
    return match;
  }
  std::vector<std::string> segments;
  req.path.clear();
  for (auto raw : SplitPath(raw_path)) {
    auto decoded = PercentDecode(raw, false);
    if (!decoded) {
      match.error = ProblemResponse(400, "the path is not percent-encoded UTF-8 without NUL");
      return match;
    }
    req.path += '/';
    req.path += *decoded;
    segments.push_back(std::move(*decoded));
  }
  req.query.clear();
  if (!ParseQuery(raw_query, req.query)) {
    match.error = ProblemResponse(400, "the query string is not percent-encoded UTF-8 without NUL");
    return match;
  }

  auto matches_path = [&](const Route& route) {
    if (route.segments.size() != segments.size()) return false;
    for (std::size_t i = 0; i < segments.size(); ++i) {
      if (route.is_param[i] ? segments[i].empty() : route.segments[i] != segments[i]) return false;
    }
    return true;
  };
  auto lookup =
      req.method == bhttp::verb::head ? std::vector{bhttp::verb::head, bhttp::verb::get} : std::vector{req.method};
  std::set<bhttp::verb> allowed;
  for (auto method : lookup) {
    for (const auto& route : routes_) {
      if (!matches_path(route)) continue;
      allowed.insert(route.method);
      if (route.method != method) continue;
      // Where "/a/new" and "/a/{id}" both match, the literal segment wins.
      if (!match.route || route.is_param < match.route->is_param) match.route = &route;
    }
    if (match.route) break;
  }
  if (match.route) {
    req.path_params.clear();
    for (std::size_t i = 0; i < segments.size(); ++i) {
      if (match.route->is_param[i]) req.path_params[match.route->segments[i]] = segments[i];
    }
    return match;
  }
  if (allowed.empty()) {
    if (fallback_ && (req.method == bhttp::verb::get || req.method == bhttp::verb::head)) {
      if (auto answer = fallback_(req)) {
        match.error = std::move(*answer);
        match.fallback = true;
        return match;
      }
    }
    match.error = ProblemResponse(404, "no resource at this path");
    return match;
  }
  if (allowed.count(bhttp::verb::get)) allowed.insert(bhttp::verb::head);
  std::string allow;
  for (auto method : allowed) {
    if (!allow.empty()) allow += ", ";
    allow += bhttp::to_string(method);
  }
  match.error = ProblemResponse(
      405, "method " + std::string(bhttp::to_string(req.method)) + " is not allowed here; allowed: " + allow);
  match.error.headers.emplace_back("Allow", allow);
  return match;
}

bool IsLoopbackClient(const Request& req) {
  if (req.headers.count(bhttp::field::forwarded) > 0 || req.headers.count("X-Forwarded-For") > 0 ||
      req.headers.count("X-Real-IP") > 0) {
    return false;
  }
  boost::system::error_code ec;
  auto address = boost::asio::ip::make_address(req.client_address, ec);
  if (ec) return false;
  if (address.is_v6() && address.to_v6().is_v4_mapped()) {
    return boost::asio::ip::make_address_v4(boost::asio::ip::v4_mapped, address.to_v6()).is_loopback();
  }
  return address.is_loopback();
}

bool IsSameOrigin(const Request& req) {
  std::string_view host = req.headers[bhttp::field::host];
  if (host.empty()) return false;
  std::string_view origin = req.headers[bhttp::field::origin];
  if (origin.empty()) origin = req.headers[bhttp::field::referer];
  if (origin.empty() || origin == "null") return false;
  // "http://host:port" or "https://host:port/path…" → "host:port".
  auto scheme_end = origin.find("://");
  if (scheme_end == std::string_view::npos) return false;
  auto scheme = origin.substr(0, scheme_end);
  if (scheme != "http" && scheme != "https") return false;
  auto authority = origin.substr(scheme_end + 3);
  authority = authority.substr(0, authority.find_first_of("/?#"));
  return boost::beast::iequals(authority, host);
}

Response Router::Invoke(const Route& route, Request& req, Logger& log) const {
  try {
    const auto scope = request_scope_ ? request_scope_() : nullptr;
    if (route.options.loopback_or_token) {
      const bool sent_token = req.headers.count(bhttp::field::authorization) > 0;
      if (sent_token) req.caller = authenticator_ ? authenticator_(req) : std::nullopt;
      if (sent_token ? !req.caller || req.caller->via != Caller::Via::kToken : !IsLoopbackClient(req)) {
        Response res = ProblemResponse(
            401, sent_token
                     ? "the API token is not valid"
                     : "this resource answers loopback clients and API tokens only: send an API token as Bearer");
        res.headers.emplace_back("WWW-Authenticate", "Bearer");
        return res;
      }
    } else if (!route.options.public_route) {
      req.caller = authenticator_ ? authenticator_(req) : std::nullopt;
      if (!req.caller) {
        Response res = ProblemResponse(401, "authentication required: log in, or send an API token as Bearer");
        res.headers.emplace_back("WWW-Authenticate", "Bearer");
        return res;
      }
      if (req.caller->via == Caller::Via::kSession && MethodCarriesBody(req.method) && !IsSameOrigin(req)) {
        return ProblemResponse(403, "cross-origin request refused: Origin must be this server");
      }
    } else if (MethodCarriesBody(req.method) && req.headers.count(bhttp::field::origin) > 0 && !IsSameOrigin(req)) {
      // Public writes (login) from another site's page are refused too (login CSRF).
      return ProblemResponse(403, "cross-origin request refused: Origin must be this server");
    }
    if (route.options.json_body && MethodCarriesBody(req.method)) {
      if (auto problem = ParseJsonBody(req)) return std::move(*problem);
    }
    return route.handler(req);
  } catch (const ValidationError& e) {
    nlohmann::json errors = nlohmann::json::array();
    for (const auto& f : e.fields()) errors.push_back({{"field", f.field}, {"message", f.message}});
    return ProblemResponse(422, "the request has invalid fields", {{"errors", errors}});
  } catch (const UsageError& e) {
    return ProblemResponse(422, e.what());
  } catch (const ReauthFailed& e) {
    return ProblemResponse(403, e.what(), {{"code", "reauth_failed"}});
  } catch (const NotFoundError& e) {
    return ProblemResponse(404, e.what());
  } catch (const ConflictError& e) {
    nlohmann::json extra = nlohmann::json::object();
    for (const auto& [name, value] : e.details()) extra[name] = value;
    return ProblemResponse(409, e.what(), extra);
  } catch (const ServiceUnavailable& e) {
    return Unavailable(route, req, log, e);
  } catch (const DatabaseUnavailable& e) {
    return Unavailable(route, req, log, e);
  } catch (const std::exception& e) {
    log.Error("handler failed", {{"request_id", req.request_id}, {"route", route.pattern}, {"error", e.what()}});
  } catch (...) {
    log.Error("handler failed",
              {{"request_id", req.request_id}, {"route", route.pattern}, {"error", "unknown exception"}});
  }
  return ProblemResponse(500, "internal error");
}

Response Router::Dispatch(Request& req, Logger& log) const {
  Match match = Find(req);
  if (!match.route) return std::move(match.error);
  return Invoke(*match.route, req, log);
}

std::vector<RouteInfo> Router::Routes() const {
  std::vector<RouteInfo> out;
  out.reserve(routes_.size());
  for (const auto& route : routes_)
    out.push_back({route.method, route.pattern, route.options.public_route, route.options.json_body,
                   route.options.loopback_or_token});
  return out;
}

}  // namespace persona::http
