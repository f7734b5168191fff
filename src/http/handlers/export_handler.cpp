#include "http/handlers/export_handler.h"

#include "http/handlers/client_info.h"
#include "http/query_params.h"

namespace persona::http {

using boost::beast::http::verb;

void AddExportRoutes(Router& router, app::ExportService& exports) {
  router.Add(verb::get, "/api/v1/me/export", [&exports](Request& req) {
    auto include = QueryValue(req, "include_secrets");
    if (include && *include != "true" && *include != "false") {
      throw ValidationError("include_secrets", "must be true or false");
    }
    bool secrets = include == "true";
    std::optional<std::string> password;
    if (auto header = req.headers.find("X-Reauth-Password"); header != req.headers.end()) {
      password = std::string(header->value());
    }
    // Refusals (a wrong password) happen here, while a problem answer is still possible.
    auto request = exports.Prepare(req.caller->user_id, secrets, password, ClientOf(req));
    Response res{200, std::string(kJsonType), "", {}};
    res.headers.emplace_back("Content-Disposition", "attachment; filename=\"persona-export.json\"");
    res.stream = [&exports, request](const BodyWriter& write) { exports.Write(request, write); };
    return res;
  });
}

}  // namespace persona::http
