#include "http/api.h"

#include "http/handlers/account_handler.h"
#include "http/handlers/auth_handler.h"

namespace persona::http {

void BuildApi(Router& router, ApiServices services) {
  router.SetAuthenticator(MakeAuthenticator(services.auth));
  AddHealthRoutes(router, std::move(services.readiness));
  AddAuthRoutes(router, services.auth);
  AddAccountRoutes(router, services.accounts);
}

}  // namespace persona::http
