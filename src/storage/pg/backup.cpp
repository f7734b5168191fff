#include "storage/pg/backup.h"

#include <libpq-fe.h>
#include <openssl/evp.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <memory>

#include <pqxx/pqxx>

#include "core/atomic_file.h"
#include "core/errors.h"
#include "core/process.h"
#include "storage/pg/embedded_postgres.h"
#include "storage/pg/pool.h"

namespace persona::storage {
namespace fs = std::filesystem;
namespace {

std::string QuoteConninfoValue(const std::string& value) {
  std::string out = "'";
  for (char c : value) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

// A libpq connection string split into what may be shown on a command line (every
// keyword but the password) and the password, which travels in PGPASSWORD.
struct ToolConnection {
  std::string conninfo;
  std::string password;
};

ToolConnection ForTool(const std::string& conninfo) {
  char* error = nullptr;
  std::unique_ptr<PQconninfoOption, decltype(&PQconninfoFree)> options(PQconninfoParse(conninfo.c_str(), &error),
                                                                       &PQconninfoFree);
  if (!options) {
    std::string message = error != nullptr ? error : "out of memory";
    PQfreemem(error);
    throw UsageError("the database connection string is malformed: " + message);
  }
  ToolConnection out;
  for (auto* o = options.get(); o->keyword != nullptr; ++o) {
    if (o->val == nullptr || *o->val == '\0') continue;
    std::string keyword = o->keyword;
    if (keyword == "password") {
      out.password = o->val;
      continue;
    }
    if (!out.conninfo.empty()) out.conninfo += ' ';
    out.conninfo += keyword + "=" + QuoteConninfoValue(o->val);
  }
  return out;
}

// Runs a PostgreSQL client tool; its stderr, trimmed, is the error message on failure.
void RunTool(const std::string& tool, std::vector<std::string> args, const std::string& password) {
  auto path = FindPostgresBinDir() / tool;
  char stderr_path[] = "/tmp/persona-tool-XXXXXX";
  int err_fd = mkstemp(stderr_path);
  if (err_fd < 0) throw std::runtime_error("cannot create a temporary file for " + tool + "'s messages");
  unlink(stderr_path);
  SpawnOptions options;
  options.stderr_fd = err_fd;
  options.env = {"PATH=/usr/bin:/bin", "LC_ALL=C", "PGAPPNAME=persona " + tool};
  if (!password.empty()) options.env.push_back("PGPASSWORD=" + password);
  args.insert(args.begin(), path.string());
  int code = 0;
  try {
    code = WaitForExit(Spawn(args, options));
  } catch (...) {
    close(err_fd);
    throw;
  }
  std::string messages;
  char buffer[4096];
  lseek(err_fd, 0, SEEK_SET);
  for (ssize_t n; (n = read(err_fd, buffer, sizeof buffer)) > 0 && messages.size() < 4096;) messages.append(buffer, n);
  close(err_fd);
  while (!messages.empty() && (messages.back() == '\n' || messages.back() == ' ')) messages.pop_back();
  if (code != 0) {
    throw std::runtime_error(tool + " failed (exit " + std::to_string(code) + ")" +
                             (messages.empty() ? std::string() : ": " + messages));
  }
}

std::string Sha256OfFile(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw UsageError("cannot read " + file.string());
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1) throw std::runtime_error("sha256 unavailable");
  std::vector<char> buffer(1 << 16);
  while (in) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    if (in.gcount() > 0) EVP_DigestUpdate(ctx.get(), buffer.data(), static_cast<std::size_t>(in.gcount()));
  }
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_DigestFinal_ex(ctx.get(), digest, &length);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  for (unsigned int i = 0; i < length; ++i) {
    hex += kHex[digest[i] >> 4];
    hex += kHex[digest[i] & 0xf];
  }
  return hex;
}

}  // namespace

nlohmann::json BackupInfo::ToJson() const {
  return {{"format", "persona-backup"},
          {"schema_version", schema_version},
          {"schema_semver", schema_semver},
          {"app_version", app_version},
          {"created_at", created_at},
          {"key_ids", key_ids},
          {"sha256", sha256}};
}

BackupInfo BackupInfo::FromJson(const nlohmann::json& j, const std::string& where) {
  auto bad = [&](const std::string& what) {
    return UsageError(where + " is not a persona backup's metadata: " + what);
  };
  if (!j.is_object() || j.value("format", "") != "persona-backup") throw bad("no \"format\": \"persona-backup\"");
  BackupInfo info;
  try {
    info.schema_version = j.at("schema_version").get<int>();
    info.schema_semver = j.value("schema_semver", "");
    info.app_version = j.value("app_version", "");
    info.created_at = j.value("created_at", "");
    info.key_ids = j.at("key_ids").get<std::vector<std::string>>();
    info.sha256 = j.at("sha256").get<std::string>();
  } catch (const nlohmann::json::exception& e) {
    throw bad(e.what());
  }
  if (info.schema_version < 0) throw bad("negative schema_version");
  return info;
}

fs::path BackupInfoPath(const fs::path& dump) { return dump.string() + ".json"; }

BackupInfo WriteBackup(const std::string& conninfo, const fs::path& file, BackupInfo info) {
  if (file.has_parent_path()) fs::create_directories(file.parent_path());
  auto tool = ForTool(conninfo);
  AtomicFile dump(file);
  RunTool("pg_dump", {"--format=custom", "--file=" + dump.partial_path().string(), "--dbname=" + tool.conninfo},
          tool.password);
  dump.Commit();
  info.sha256 = Sha256OfFile(file);
  AtomicFile meta(BackupInfoPath(file));
  meta.Write(info.ToJson().dump(2) + "\n");
  meta.Commit();
  return info;
}

BackupInfo ReadBackupInfo(const fs::path& file) {
  if (!fs::is_regular_file(file)) throw UsageError("no backup file at " + file.string());
  auto meta_path = BackupInfoPath(file);
  std::ifstream in(meta_path);
  if (!in) {
    throw UsageError("the backup's metadata " + meta_path.string() +
                     " is missing; persona backup writes it beside the dump, keep the two together");
  }
  auto meta = nlohmann::json::parse(in, nullptr, false);
  auto info = BackupInfo::FromJson(meta, meta_path.string());
  if (Sha256OfFile(file) != info.sha256) {
    throw UsageError(file.string() + " does not match its metadata (sha256 differs): the file is damaged or the two " +
                     "belong to different backups");
  }
  return info;
}

long long CountRelations(const std::string& conninfo) {
  try {
    pqxx::connection conn(conninfo);
    RegisterQueries(conn);
    pqxx::nontransaction tx(conn);
    return tx.exec_prepared1("backup_relations")[0].as<long long>();
  } catch (const pqxx::broken_connection& e) {
    throw DatabaseUnavailable(std::string("cannot connect to the database: ") + e.what());
  }
}

void RestoreBackup(const std::string& conninfo, const fs::path& file) {
  auto tool = ForTool(conninfo);
  RunTool("pg_restore",
          {"--single-transaction", "--exit-on-error", "--no-owner", "--no-privileges", "--dbname=" + tool.conninfo,
           file.string()},
          tool.password);
}

}  // namespace persona::storage
