#pragma once

// What the *_body targets share: an input is one request body for one of a resource's
// JSON routes. Its first byte picks the route ('0' the first, '1' the next, … — any byte
// picks one: (byte - '0') modulo the number of routes), the rest is the body, sent as the UI sends it — session
// cookie, same Origin, Content-Type application/json — through the router to the use
// case and the fake stores (fake_api.h), whose checks abort on anything that would be a
// 5xx or a database error on the real server.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

#include <boost/beast/http/verb.hpp>

#include "fake_api.h"

namespace persona::fuzz {

struct JsonRoute {
  boost::beast::http::verb method;
  std::string target;
};

inline int RunBody(std::span<const JsonRoute> routes, const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const JsonRoute& route = routes[static_cast<std::uint8_t>(data[0] - '0') % routes.size()];
  FakeApi& api = SharedApi();
  api.Reset();
  auto req = FakeApi::JsonRequest(route.method, route.target,
                                  std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1));
  api.Send(req);
  return 0;
}

}  // namespace persona::fuzz
