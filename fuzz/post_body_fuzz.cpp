// Post bodies (app/post_service): create (free text or from a template), check, change a
// draft or a published post, publish, record engagement. See body_target.h for the input
// format.
#include "body_target.h"
#include "fake_stores.h"

namespace {

using boost::beast::http::verb;
using persona::fuzz::JsonRoute;
using persona::fuzz::kPostId;
using persona::fuzz::kPublishedPostId;

const std::string kPosts = "/api/v1/posts/";

const JsonRoute kRoutes[] = {
    {verb::post, "/api/v1/posts"},                                     // '0'
    {verb::post, "/api/v1/posts/check"},                               // '1'
    {verb::patch, kPosts + kPostId},                                   // '2'
    {verb::patch, kPosts + kPublishedPostId},                          // '3'
    {verb::post, kPosts + kPostId + "/publish"},                       // '4'
    {verb::put, kPosts + kPublishedPostId + "/engagement/immediate"},  // '5'
    {verb::put, kPosts + kPublishedPostId + "/engagement/weekly"},     // '6'
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return persona::fuzz::RunBody(kRoutes, data, size);
}
