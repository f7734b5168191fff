// Every other route that takes a JSON body: login, password change, erasure, 2FA, API
// tokens, proxies, manual actions, security events, work sessions. See body_target.h for
// the input format.
#include "body_target.h"
#include "fake_stores.h"

namespace {

using boost::beast::http::verb;
using persona::fuzz::JsonRoute;
using namespace std::string_literals;

const JsonRoute kRoutes[] = {
    {verb::post, "/api/v1/auth/login"},                                                // '0'
    {verb::patch, "/api/v1/me"},                                                       // '1'
    {verb::delete_, "/api/v1/me"},                                                     // '2'
    {verb::post, "/api/v1/me/2fa/enable"},                                             // '3'
    {verb::post, "/api/v1/me/2fa/disable"},                                            // '4'
    {verb::post, "/api/v1/me/tokens"},                                                 // '5'
    {verb::post, "/api/v1/proxies"},                                                   // '6'
    {verb::patch, "/api/v1/proxies/"s + persona::fuzz::kProxyId},                      // '7'
    {verb::post, "/api/v1/activity"},                                                  // '8'
    {verb::post, "/api/v1/security-events/"s + persona::fuzz::kEventId + "/resolve"},  // '9'
    {verb::post, "/api/v1/personas/"s + persona::fuzz::kPersonaId + "/sessions"},      // ':'
    {verb::patch, "/api/v1/sessions/"s + persona::fuzz::kSessionId},                   // ';'
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return persona::fuzz::RunBody(kRoutes, data, size);
}
