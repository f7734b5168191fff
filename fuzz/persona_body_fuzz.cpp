// Persona bodies (app/persona_validation, docs/persona-shapes.md): create, change, and
// the proxy assignment. See body_target.h for the input format.
#include "body_target.h"
#include "fake_stores.h"

namespace {

using boost::beast::http::verb;
using persona::fuzz::JsonRoute;
using persona::fuzz::kPersonaId;

const JsonRoute kRoutes[] = {
    {verb::post, "/api/v1/personas"},                                       // '0'
    {verb::patch, std::string("/api/v1/personas/") + kPersonaId},           // '1'
    {verb::put, std::string("/api/v1/personas/") + kPersonaId + "/proxy"},  // '2'
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return persona::fuzz::RunBody(kRoutes, data, size);
}
