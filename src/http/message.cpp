#include "http/message.h"

namespace persona::http {

Response JsonResponse(unsigned status, const nlohmann::json& body) {
  Response res;
  res.status = status;
  // replace: a stray invalid UTF-8 byte in stored data must not turn a reply into a 500.
  res.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return res;
}

Response JsonTextResponse(unsigned status, app::JsonText body) {
  Response res;
  res.status = status;
  res.body = std::move(body.text);
  return res;
}

Response ProblemResponse(unsigned status, std::string_view detail, nlohmann::json extra) {
  nlohmann::json problem = {
      {"type", "about:blank"},
      {"title", ReasonPhrase(status)},
      {"status", status},
      {"detail", detail},
  };
  if (extra.is_object()) {
    for (auto& [key, value] : extra.items()) {
      if (key != "status") problem[key] = std::move(value);
    }
  }
  Response res = JsonResponse(status, problem);
  res.content_type = kProblemType;
  return res;
}

std::string_view ReasonPhrase(unsigned status) {
  switch (status) {
    case 200:
      return "OK";
    case 201:
      return "Created";
    case 202:
      return "Accepted";
    case 204:
      return "No Content";
    case 301:
      return "Moved Permanently";
    case 302:
      return "Found";
    case 303:
      return "See Other";
    case 304:
      return "Not Modified";
    case 307:
      return "Temporary Redirect";
    case 308:
      return "Permanent Redirect";
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 406:
      return "Not Acceptable";
    case 408:
      return "Request Timeout";
    case 409:
      return "Conflict";
    case 410:
      return "Gone";
    case 411:
      return "Length Required";
    case 412:
      return "Precondition Failed";
    case 413:
      return "Content Too Large";
    case 414:
      return "URI Too Long";
    case 415:
      return "Unsupported Media Type";
    case 416:
      return "Range Not Satisfiable";
    case 417:
      return "Expectation Failed";
    case 422:
      return "Unprocessable Content";
    case 428:
      return "Precondition Required";
    case 429:
      return "Too Many Requests";
    case 431:
      return "Request Header Fields Too Large";
    case 500:
      return "Internal Server Error";
    case 501:
      return "Not Implemented";
    case 502:
      return "Bad Gateway";
    case 503:
      return "Service Unavailable";
    case 504:
      return "Gateway Timeout";
    default:
      return "Unknown";
  }
}

}  // namespace persona::http
