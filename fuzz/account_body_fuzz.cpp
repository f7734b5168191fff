// Platform account bodies (http/handlers/account_handler, app/account_service): create
// under a persona, change, and reveal. See body_target.h for the input format.
#include "body_target.h"
#include "fake_stores.h"

namespace {

using boost::beast::http::verb;
using persona::fuzz::JsonRoute;
using persona::fuzz::kAccountId;
using persona::fuzz::kPersonaId;

const JsonRoute kRoutes[] = {
    {verb::post, std::string("/api/v1/personas/") + kPersonaId + "/accounts"},  // '0'
    {verb::patch, std::string("/api/v1/accounts/") + kAccountId},               // '1'
    {verb::post, std::string("/api/v1/accounts/") + kAccountId + "/reveal"},    // '2'
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return persona::fuzz::RunBody(kRoutes, data, size);
}
