#include <istream>
#include <ostream>

#include "cli/commands.h"
#include "cli/schema.h"
#include "cli/services.h"
#include "core/atomic_file.h"
#include "core/errors.h"
#include "crypto/field_cipher.h"
#include "crypto/key_store.h"
#include "domain/email.h"
#include "storage/pg/database.h"
#include "storage/pg/pool.h"

namespace persona::cli {
int Export(const Config& config, Logger& log, const std::string& email, const std::optional<std::string>& output,
           bool include_secrets, std::istream& in, std::ostream& out) {
  auto normalized = domain::NormalizeEmail(email);
  std::optional<std::string> password;
  if (include_secrets) password = ReadPassword(in);
  storage::Database db(config, storage::Database::Role::kCommand, "export", log);
  PrepareSchema(config, db.ConnectionString(), log);
  storage::ConnectionPool pool(db.ConnectionString(), 1);
  crypto::KeyStore keys(config.KeyFile(), config.master_key);
  crypto::FieldCipher cipher(keys);
  crypto::PasswordHasher hasher;
  SystemClock clock;
  Services services(pool, cipher, hasher, clock, NetworkProxyProber(config.proxy_checks));

  auto user_id = services.users.IdOf(normalized);
  if (!user_id) throw NotFoundError("no user has the email " + normalized);
  auto request =
      services.exports.Prepare(*user_id, include_secrets, password, {.ip = "", .user_agent = "persona export"});
  if (!output) {
    services.exports.Write(request, [&](std::string_view piece) { out.write(piece.data(), std::ssize(piece)); });
    out.flush();
    if (!out) throw std::runtime_error("cannot write the export to standard output");
    return kExitOk;
  }
  AtomicFile file(*output);
  services.exports.Write(request, [&](std::string_view piece) { file.Write(piece); });
  file.Commit();
  out << "exported " << normalized << " to " << *output << " (" << file.bytes() << " bytes)\n";
  return kExitOk;
}

}  // namespace persona::cli
