#pragma once

#include <functional>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/beast/http/fields.hpp>
#include <boost/beast/http/verb.hpp>
#include <nlohmann/json.hpp>

#include "app/json_text.h"

namespace persona::http {

// Who is calling, as established by the Router's authenticator.
struct Caller {
  enum class Via { kSession, kToken };
  std::string user_id;
  Via via = Via::kSession;
  std::string credential_id;  // the session's or the API token's id
};

struct Request {
  boost::beast::http::verb method = boost::beast::http::verb::unknown;
  std::string target;                              // raw target, as received
  std::string path;                                // decoded path without query
  std::map<std::string, std::string> query;        // percent-decoded
  std::map<std::string, std::string> path_params;  // from {name} segments
  boost::beast::http::fields headers;
  std::string body;
  nlohmann::json json;  // parsed body when the route takes JSON, else null
  std::string request_id;
  std::string client_address;    // remote IP as text
  std::optional<Caller> caller;  // set before the handler of a non-public route runs
};

// Writes one piece of a streamed body; blocks while the client is behind, and throws
// once the connection is gone.
using BodyWriter = std::function<void(std::string_view)>;

struct Response {
  unsigned status = 200;
  std::string content_type = "application/json";
  std::string body;
  // Extra headers (Location, Allow, Retry-After, Set-Cookie...); repeated names are kept.
  std::vector<std::pair<std::string, std::string>> headers;
  // For a body too large to hold (exports): when set, `body` is ignored and this runs on
  // a worker thread after the headers are sent, writing the body in pieces (chunked).
  // If it throws, the connection is closed without the last chunk, so the client sees
  // an incomplete answer rather than a complete-looking one.
  std::function<void(const BodyWriter&)> stream;
};

inline constexpr std::string_view kJsonType = "application/json";
inline constexpr std::string_view kProblemType = "application/problem+json";

// Thrown by a handler (or a use case below it) when a dependency, typically the
// database, is down: the router answers 503 instead of 500, since it is not a bug.
class ServiceUnavailable : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

Response JsonResponse(unsigned status, const nlohmann::json& body);

// The same for JSON a store already wrote (reads that pass rows on).
Response JsonTextResponse(unsigned status, app::JsonText body);

// RFC 9457 problem: type "about:blank" unless `extra` gives one, title = the standard
// reason phrase, status, detail; other members of `extra` ("errors", "code"...) are
// merged in. `status` always matches the HTTP status.
Response ProblemResponse(unsigned status, std::string_view detail, nlohmann::json extra = nlohmann::json::object());

// RFC 9110 reason phrase ("Not Found", "Content Too Large"); "Unknown" for others.
std::string_view ReasonPhrase(unsigned status);

}  // namespace persona::http
