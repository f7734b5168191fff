#include <iomanip>
#include <ostream>

#include "cli/commands.h"
#include "cli/schema.h"
#include "cli/services.h"
#include "core/errors.h"
#include "crypto/field_cipher.h"
#include "crypto/key_store.h"
#include "storage/pg/database.h"
#include "storage/pg/pool.h"

namespace persona::cli {

int ProxiesCheck(const Config& config, Logger& log, std::ostream& out) {
  storage::Database db(config, storage::Database::Role::kCommand, "proxies check", log);
  PrepareSchema(config, db.ConnectionString(), log);
  const int concurrency = config.proxy_checks.concurrency;
  storage::ConnectionPool pool(db.ConnectionString(), static_cast<std::size_t>(concurrency) + 1);
  crypto::KeyStore keys(config.KeyFile(), config.master_key);
  crypto::FieldCipher cipher(keys);
  crypto::PasswordHasher hasher;
  SystemClock clock;
  Services services(pool, cipher, hasher, clock, NetworkProxyProber(config.proxy_checks),
                    {.proxy_checks = ProxyCheckSettingsOf(config.proxy_checks)});

  // Every proxy of every user, now, whatever the periodic checker did last.
  auto reports = services.proxies.CheckDue(std::chrono::seconds(0), concurrency);
  int counts[3] = {0, 0, 0};
  out << std::left << std::setw(38) << "id" << std::setw(48) << "address" << std::setw(10) << "health" << std::setw(8)
      << "ms"
      << "error\n";
  for (const auto& r : reports) {
    bool v6 = r.proxy.host.find(':') != std::string::npos;
    auto address = (v6 ? "[" + r.proxy.host + "]" : r.proxy.host) + ":" + std::to_string(r.proxy.port);
    ++counts[static_cast<int>(r.health.status)];
    out << std::left << std::setw(38) << r.proxy.id << std::setw(48) << address << std::setw(10)
        << domain::ToString(r.health.status) << std::setw(8)
        << (r.health.response_time_ms ? std::to_string(*r.health.response_time_ms) : "-")
        << (r.health.error.empty() ? "-" : r.health.error) << "\n";
  }
  out << reports.size() << " checked: " << counts[0] << " healthy, " << counts[1] << " degraded, " << counts[2]
      << " failed\n";
  return kExitOk;
}

}  // namespace persona::cli
