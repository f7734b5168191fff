#include "storage/pg/export_store.h"

#include <array>

#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include "core/errors.h"
#include "core/time_format.h"
#include "core/version.h"
#include "crypto/encoding.h"
#include "storage/export_queries.h"
#include "storage/pg/encrypted_columns.h"
#include "storage/pg/error_counts.h"
#include "storage/pg/schema_version.h"
#include "storage/pg/transaction.h"

namespace persona::storage {
namespace {

// The document's members after the header, in order: "user" is one object, the rest
// are arrays named after their tables.
constexpr std::array kSections{
    export_queries::kUsers,
    export_queries::kPersonas,
    export_queries::kPlatformAccounts,
    export_queries::kProxyAssignments,
    export_queries::kProxyHealthChecks,
    export_queries::kContentTemplates,
    export_queries::kManualPosts,
    export_queries::kPersonaSessions,
    export_queries::kActivityLogs,
    export_queries::kSecurityEvents,
    export_queries::kAuthSessions,
    export_queries::kApiTokens,
    export_queries::kRecoveryCodes,
    export_queries::kLoginAttempts,
};

constexpr int kFetchRows = 1000;
constexpr std::size_t kPieceBytes = 64 * 1024;

// Collects small writes into pieces of about kPieceBytes for the writer.
class Buffered {
 public:
  explicit Buffered(const app::ExportWriter& write) : write_(write) { buffer_.reserve(kPieceBytes * 2); }
  void Append(std::string_view text) {
    buffer_.append(text);
    if (buffer_.size() >= kPieceBytes) Flush();
  }
  void Flush() {
    if (buffer_.empty()) return;
    write_(buffer_);
    buffer_.clear();
  }

 private:
  const app::ExportWriter& write_;
  std::string buffer_;
};

bool HasEncryptedColumns(std::string_view table) {
  for (const auto& c : kEncryptedColumns) {
    if (c.table == table) return true;
  }
  return false;
}

// A row of a table with encrypted columns: without secrets they are left out; with
// them, each comes back decrypted under its name less "_encrypted" (null if it cannot
// be decrypted, which only tampering or a lost key explains).
std::string OpenSecrets(std::string_view table, std::string_view row_text, bool include_secrets,
                        const crypto::FieldCipher& cipher) {
  auto row = nlohmann::json::parse(row_text);
  std::string id = row.value("id", "");
  for (const auto& c : kEncryptedColumns) {
    if (c.table != table) continue;
    std::string column(c.column);
    auto stored = row.find(column);
    if (stored == row.end()) continue;
    nlohmann::json plain = nullptr;
    if (include_secrets && stored->is_string()) {
      if (auto text = cipher.Decrypt(stored->get<std::string>(), c.table, c.column, id)) {
        if (c.bytes) {
          plain = crypto::Base32Encode(*text);
        } else {
          auto parsed = nlohmann::json::parse(*text, nullptr, false);
          plain = parsed.is_discarded() ? nlohmann::json(*text) : parsed;
        }
      }
    }
    row.erase(stored);
    if (!include_secrets) continue;
    constexpr std::string_view kSuffix = "_encrypted";
    std::string name = column.size() > kSuffix.size() && column.ends_with(kSuffix)
                           ? column.substr(0, column.size() - kSuffix.size())
                           : column;
    row[name] = std::move(plain);
  }
  return row.dump();
}

}  // namespace

std::optional<std::string> PgExportStore::PasswordHash(const std::string& user_id) {
  std::optional<std::string> out;
  RunStatement(pool_, [&](pqxx::nontransaction& tx) {
    auto r = tx.exec_prepared("accounts_password_hash", user_id);
    if (!r.empty()) out = r[0][0].as<std::string>();
  });
  return out;
}

void PgExportStore::RecordSecretsExport(const std::string& user_id, bool allowed, Clock::TimePoint now,
                                        const app::ClientInfo& client) {
  RunStatement(pool_, [&](pqxx::nontransaction& tx) {
    tx.exec_prepared("export_security_event", allowed ? "secret_revealed" : "reauth_failure", user_id,
                     allowed ? "data export with decrypted secrets" : "wrong password for a data export with secrets",
                     client.ip.empty() ? std::optional<std::string>() : client.ip,
                     client.user_agent.empty() ? std::optional<std::string>() : client.user_agent,
                     FormatTimestamp(now));
  });
}

void PgExportStore::Write(const app::ExportRequest& request, const app::ExportWriter& write) {
  // Not RunTransaction: a retry after some of the document is out would repeat it. One
  // read-only snapshot makes every section agree with the others.
  try {
    auto conn = pool_.Acquire();
    pqxx::transaction<pqxx::repeatable_read, pqxx::read_only> tx(*conn);
    tx.exec("SET LOCAL TimeZone = 'UTC'");
    if (tx.exec_prepared("export_user_exists", request.user_id).empty()) {
      throw NotFoundError("no such user");
    }
    int schema = tx.exec_prepared1("health_schema_version")[0].as<int>();

    Buffered out(write);
    nlohmann::json header = {{"format", "persona-export"},         {"app_version", kAppVersion},
                             {"schema_version", schema},           {"schema_semver", SchemaVersionAfter(schema)},
                             {"exported_at", request.exported_at}, {"include_secrets", request.include_secrets}};
    std::string head = header.dump();
    head.pop_back();  // the closing brace comes after the sections
    out.Append(head);

    for (const auto& section : kSections) {
      bool single = section.name == "users";
      bool secrets = HasEncryptedColumns(section.name);
      out.Append(single ? ",\n\"user\":" : ",\n\"" + std::string(section.name) + "\":[");
      tx.exec_params("DECLARE export_rows NO SCROLL CURSOR FOR " + std::string(section.sql), request.user_id);
      bool first = true;
      for (;;) {
        auto rows = tx.exec("FETCH " + std::to_string(kFetchRows) + " FROM export_rows");
        for (const auto& row : rows) {
          if (!first) out.Append(",");
          out.Append(single ? "" : "\n");
          std::string_view text(row[0].c_str(), row[0].size());
          if (secrets) {
            out.Append(OpenSecrets(section.name, text, request.include_secrets, cipher_));
          } else {
            out.Append(text);
          }
          first = false;
        }
        if (rows.size() < static_cast<std::size_t>(kFetchRows)) break;
      }
      tx.exec("CLOSE export_rows");
      out.Append(single ? "" : "\n]");
    }
    out.Append("\n}\n");
    out.Flush();
    tx.commit();
  } catch (const pqxx::broken_connection& e) {
    CountDatabaseError(DatabaseError::kUnavailable);
    throw DatabaseUnavailable(std::string("lost the database connection: ") + e.what());
  }
}

}  // namespace persona::storage
