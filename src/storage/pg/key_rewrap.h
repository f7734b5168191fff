#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "app/key_status_service.h"
#include "crypto/field_cipher.h"
#include "storage/pg/pool.h"

namespace persona::storage {

struct KeyUsage {
  std::string table;
  std::string column;
  std::map<std::string, long long> values_per_kid;  // "" for values that are not FieldCipher JSON
};

// How many encrypted values each key protects, per column.
std::vector<KeyUsage> CountKeyUsage(ConnectionPool& pool);

// The counts of CountKeyUsage summed over the columns, for GET /keys.
class PgKeyUsageStore : public app::KeyUsageStore {
 public:
  explicit PgKeyUsageStore(ConnectionPool& pool) : pool_(pool) {}
  std::map<std::string, long long> ValuesPerKid() override;

 private:
  ConnectionPool& pool_;
};

struct RewrapReport {
  long long rewrapped = 0;
  std::vector<std::string> unreadable;  // "table.column id=…" — never the value
};

// Re-encrypts, under the cipher's current key, every value of kEncryptedColumns that is
// under another key. Works in batches of `batch_size` rows, each its own short
// transaction (rows locked FOR UPDATE, so a concurrent write is never lost), which lets
// the server keep serving; interrupted, it resumes where it stopped because it only
// picks values not yet under the current key. `progress` gets one line per batch.
RewrapReport RewrapAll(ConnectionPool& pool, const crypto::FieldCipher& cipher, int batch_size,
                       const std::function<void(const std::string&)>& progress);

}  // namespace persona::storage
