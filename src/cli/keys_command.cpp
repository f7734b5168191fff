#include <ostream>

#include "cli/commands.h"
#include "cli/schema.h"
#include "core/errors.h"
#include "crypto/field_cipher.h"
#include "crypto/key_store.h"
#include "storage/pg/database.h"
#include "storage/pg/key_rewrap.h"
#include "storage/pg/pool.h"

namespace persona::cli {

int Keys(const Config& config, Logger& log, KeysAction action, int batch_size, std::ostream& out) {
  if (action == KeysAction::kRotate) {
    if (config.master_key) {
      throw ConflictError(
          "the keys come from PERSONA_MASTER_KEY: add a new kid:key there (last one is current), then run keys rewrap");
    }
    auto key = crypto::Keyring::Rotate(config.KeyFile());
    out << "added key " << key.kid << " to " << config.KeyFile().string() << "; it encrypts new values from now on\n"
        << "run `persona keys rewrap` to re-encrypt the existing ones\n";
    return kExitOk;
  }

  crypto::KeyStore keys(config.KeyFile(), config.master_key);
  crypto::FieldCipher cipher(keys);
  storage::Database db(config, storage::Database::Role::kCommand, "keys", log);
  PrepareSchema(config, db.ConnectionString(), log);
  storage::ConnectionPool pool(db.ConnectionString(), 1);

  if (action == KeysAction::kStatus) {
    out << "keys (" << (config.master_key ? "from PERSONA_MASTER_KEY" : config.KeyFile().string()) << "):\n";
    auto current = cipher.CurrentKid();
    for (const auto& kid : keys.Kids()) out << "  " << kid << (kid == current ? "  (current)" : "") << "\n";
    out << "encrypted values per key:\n";
    for (const auto& usage : storage::CountKeyUsage(pool)) {
      out << "  " << usage.table << "." << usage.column << ":";
      if (usage.values_per_kid.empty()) out << " none";
      for (const auto& [kid, count] : usage.values_per_kid)
        out << " " << (kid.empty() ? "(not encrypted)" : kid) << "=" << count;
      out << "\n";
    }
    return kExitOk;
  }

  if (batch_size < 1 || batch_size > 10000) throw UsageError("--batch must be between 1 and 10000");
  auto report =
      storage::RewrapAll(pool, cipher, batch_size, [&](const std::string& line) { out << line << std::endl; });
  out << "rewrapped " << report.rewrapped << " value(s); every readable value is under key " << cipher.CurrentKid()
      << "\n";
  if (!report.unreadable.empty()) {
    for (const auto& where : report.unreadable) out << "unreadable: " << where << "\n";
    throw std::runtime_error(std::to_string(report.unreadable.size()) +
                             " value(s) could not be decrypted with any known key (listed above)");
  }
  return kExitOk;
}

}  // namespace persona::cli
