// Content template bodies (app/template_service, domain/template_render's validators):
// create, change, preview, render. See body_target.h for the input format.
#include "body_target.h"
#include "fake_stores.h"

namespace {

using boost::beast::http::verb;
using persona::fuzz::JsonRoute;
using persona::fuzz::kTemplateId;

const JsonRoute kRoutes[] = {
    {verb::post, "/api/v1/templates"},                                          // '0'
    {verb::patch, std::string("/api/v1/templates/") + kTemplateId},             // '1'
    {verb::post, "/api/v1/templates/preview"},                                  // '2'
    {verb::post, std::string("/api/v1/templates/") + kTemplateId + "/render"},  // '3'
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return persona::fuzz::RunBody(kRoutes, data, size);
}
