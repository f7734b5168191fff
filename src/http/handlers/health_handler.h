#pragma once

#include <functional>
#include <string>

#include "http/router.h"

namespace persona::http {

struct Readiness {
  bool database_reachable = false;
  bool schema_current = false;
  int schema_version = 0;  // the last migration applied
  int expected_schema_version = 0;
  std::string schema_semver;  // storage::SchemaVersionAfter(schema_version)
  // Shown to unauthenticated clients as the 503's detail when set: keep hosts,
  // user names and driver messages out of it.
  std::string detail;
};

// GET /healthz: the process answers (inline, touches nothing).
// GET /readyz: probe() inline on the I/O thread, so it must not block (serve's reads
// the result of a monitor thread); 200 when the database is reachable and the
// schema current, else 503 problem+json with database_reachable, schema_version and
// expected_schema_version members.
void AddHealthRoutes(Router& router, std::function<Readiness()> probe);

}  // namespace persona::http
