#pragma once

#include <memory>
#include <string>
#include <string_view>

#include <boost/beast/http/verb.hpp>

#include "http/message.h"

namespace persona::fuzz {

// The whole HTTP API as `serve` builds it (http::BuildApi), over the fake stores of
// fake_stores.h: one user with one of each resource, at a fixed time. Built once per
// process; Reset() puts every store back before each input, so inputs do not depend on
// each other and a crash replays from its input alone.
class FakeApi {
 public:
  FakeApi();
  ~FakeApi();

  void Reset();

  // Router::Dispatch (what the server does once it has read a request), then the
  // checks every answer must pass, aborting on the first that fails: no 5xx, a problem's
  // "status" equal to the HTTP status, a JSON body that parses, header names and values
  // without CR, LF or NUL. A streamed body is produced too.
  http::Response Send(http::Request& req);

  // A request from the UI of this server: its session cookie, its Origin, a JSON body.
  static http::Request JsonRequest(boost::beast::http::verb method, std::string target, std::string_view body);

 private:
  struct World;
  std::unique_ptr<World> world_;
};

// The one FakeApi of the process (fuzz targets have no other place to keep it).
FakeApi& SharedApi();

// Aborts with `what` and the request it was about.
[[noreturn]] void Fail(const http::Request& req, const std::string& what);

}  // namespace persona::fuzz
