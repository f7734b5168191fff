#include "storage/pg/migrator.h"

#include <algorithm>
#include <map>
#include <regex>
#include <set>

#include <pqxx/pqxx>

#include "core/errors.h"
#include "core/random.h"
#include "core/version.h"
#include "storage/pg/pool.h"

namespace persona::storage {
namespace {

// pg_advisory_lock key for migration runs: "persona migrations" as a fixed number.
constexpr long long kMigrationLockKey = 0x7065727369676d;

std::string StripSchema(std::string line, const std::string& schema) {
  const std::string prefix = schema + ".";
  for (auto pos = line.find(prefix); pos != std::string::npos; pos = line.find(prefix, pos)) {
    line.erase(pos, prefix.size());
  }
  return line;
}

// PostgreSQL deparses some expressions differently once they went through pg_dump and
// back: `x IN ('a', 'b')` on a varchar column reads
// `ANY ((ARRAY['a'::character varying, …])::text[])` where the migration built it, and
// `ANY (ARRAY[('a'::character varying)::text, …])` after a restore. Both mean the same;
// spell both the same so verify compares meaning, not spelling.
std::string NormalizeExpressions(std::string line) {
  static const std::regex kCastToText(R"(\('((?:[^']|'')*)'::character varying\)::text)");
  static const std::regex kVarcharLiteral(R"('((?:[^']|'')*)'::character varying)");
  static const std::regex kTextArray(R"(\(ARRAY\[([^\]]*)\]\)::text\[\])");
  line = std::regex_replace(line, kCastToText, "'$1'");
  line = std::regex_replace(line, kVarcharLiteral, "'$1'");
  return std::regex_replace(line, kTextArray, "ARRAY[$1]");
}

// Legacy checksums (both parts) of migrations whose down part was corrected since:
// databases that recorded them applied the same up part.
const std::map<int, std::string_view> kBeforeDownFixes = {
    // 0004's down now refuses to orphan proxies assigned to no persona.
    {4, "a98869d7b8d728417b353f81516ee5cd6e1f01d14c1acaad5599ed2e58a5f50c"},
    // 0005's down now turns 'scheduled_manual' posts into 'manual' ones.
    {5, "1ff07c63b20e42a54ebee8ec15f7413150587c7c16f249b3a7531120d6bb036c"},
};

bool ChecksumMatches(const std::string& recorded, const Migration& m) {
  if (recorded == m.Checksum() || recorded == m.LegacyChecksum()) return true;
  auto fixed = kBeforeDownFixes.find(m.version);
  return fixed != kBeforeDownFixes.end() && recorded == fixed->second;
}

}  // namespace

struct Migrator::Applied {
  int version;
  std::string name;
  std::string checksum;
  std::string applied_at;
  std::string app_version;
};

// Holds the migration advisory lock for its lifetime.
class Migrator::Lock {
 public:
  explicit Lock(pqxx::connection& conn) : conn_(conn) {
    pqxx::nontransaction tx(conn_);
    tx.exec_prepared("migrations_lock", kMigrationLockKey);
  }
  ~Lock() {
    try {
      pqxx::nontransaction tx(conn_);
      tx.exec_prepared("migrations_unlock", kMigrationLockKey);
    } catch (...) {
      // The lock dies with the session anyway.
    }
  }

 private:
  pqxx::connection& conn_;
};

Migrator::Migrator(const std::string& conninfo, const std::vector<Migration>& migrations, Logger& log)
    : migrations_(migrations), log_(log) {
  try {
    conn_ = std::make_unique<pqxx::connection>(conninfo);
  } catch (const pqxx::broken_connection& e) {
    throw DatabaseUnavailable(std::string("cannot connect to the database: ") + e.what());
  }
  RegisterQueries(*conn_);
}

Migrator::~Migrator() = default;

int Migrator::LatestVersion() const { return migrations_.empty() ? 0 : migrations_.back().version; }

const Migration* Migrator::Find(int version) const {
  for (const auto& m : migrations_) {
    if (m.version == version) return &m;
  }
  return nullptr;
}

std::vector<Migrator::Applied> Migrator::LoadApplied() {
  pqxx::nontransaction tx(*conn_);
  if (!tx.exec_prepared1("migrations_table_exists")[0].as<bool>()) return {};
  std::vector<Applied> applied;
  for (const auto& row : tx.exec_prepared("migrations_applied")) {
    applied.push_back({row[0].as<int>(), row[1].as<std::string>(), row[2].as<std::string>(), row[3].as<std::string>(),
                       row[4].as<std::string>()});
  }
  return applied;
}

int Migrator::CurrentVersion() {
  auto applied = LoadApplied();
  return applied.empty() ? 0 : applied.back().version;
}

std::vector<MigrationState> Migrator::Status() {
  auto applied = LoadApplied();
  std::vector<MigrationState> states;
  for (const auto& m : migrations_) {
    MigrationState s;
    s.version = m.version;
    s.name = m.name;
    auto it = std::find_if(applied.begin(), applied.end(), [&](const Applied& a) { return a.version == m.version; });
    if (it != applied.end()) {
      s.applied = true;
      s.applied_at = it->applied_at;
      s.app_version = it->app_version;
      s.checksum_matches = ChecksumMatches(it->checksum, m);
    }
    states.push_back(s);
  }
  for (const auto& a : applied) {
    if (Find(a.version) == nullptr) {
      MigrationState s;
      s.version = a.version;
      s.name = a.name;
      s.applied = true;
      s.applied_at = a.applied_at;
      s.app_version = a.app_version;
      s.known = false;
      states.push_back(s);
    }
  }
  std::sort(states.begin(), states.end(), [](const auto& x, const auto& y) { return x.version < y.version; });
  return states;
}

// Refuses to touch a database whose history this binary cannot vouch for.
void Migrator::CheckHistory(const std::vector<Applied>& applied) {
  for (const auto& a : applied) {
    const Migration* m = Find(a.version);
    if (m == nullptr) {
      throw MigrationError("the database has migration " + std::to_string(a.version) + " (" + a.name +
                           ") applied, which this persona (" + kAppVersion +
                           ") does not know: it was migrated by a newer version; upgrade persona");
    }
    if (!ChecksumMatches(a.checksum, *m)) {
      throw MigrationError("migration " + m->Label() + " was modified after it was applied (checksum in the database " +
                           a.checksum.substr(0, 12) + "…, in this binary " + m->Checksum().substr(0, 12) +
                           "…); restore the original file — applied migrations are append-only");
    }
  }
  for (const auto& m : migrations_) {
    if (m.version > (applied.empty() ? 0 : applied.back().version)) break;
    bool found = std::any_of(applied.begin(), applied.end(), [&](const Applied& a) { return a.version == m.version; });
    if (!found) {
      throw MigrationError("migration " + m.Label() + " is older than the newest applied one but was never applied");
    }
  }
}

std::vector<int> Migrator::Up(std::optional<int> target, const Progress& progress) {
  int latest = LatestVersion();
  int to = target.value_or(latest);
  if (to < 0 || to > latest) {
    throw UsageError("there is no migration " + std::to_string(to) + "; the latest is " + std::to_string(latest));
  }
  Lock lock(*conn_);
  {
    pqxx::nontransaction tx(*conn_);
    tx.exec_prepared("migrations_create_table");
  }
  auto applied = LoadApplied();
  CheckHistory(applied);
  int current = applied.empty() ? 0 : applied.back().version;
  if (to < current) {
    throw UsageError("the database is at version " + std::to_string(current) + ", above " + std::to_string(to) +
                     "; use `migrate down --to " + std::to_string(to) + "`");
  }
  std::vector<const Migration*> steps;
  for (const auto& m : migrations_) {
    if (m.version > current && m.version <= to) steps.push_back(&m);
  }
  return Run(steps, true, current, progress);
}

std::vector<int> Migrator::Down(std::optional<int> target, const Progress& progress) {
  Lock lock(*conn_);
  auto applied = LoadApplied();
  CheckHistory(applied);
  int current = applied.empty() ? 0 : applied.back().version;
  int to = target.value_or(current == 0 ? 0 : current - 1);
  if (target && (to < 0 || to > current)) {
    throw UsageError("cannot migrate down to " + std::to_string(to) + ": the database is at version " +
                     std::to_string(current));
  }
  std::vector<const Migration*> steps;
  for (auto it = applied.rbegin(); it != applied.rend() && it->version > to; ++it) steps.push_back(Find(it->version));
  return Run(steps, false, current, progress);
}

// All the steps and then `verify`, in one transaction: when any of it fails, nothing
// stays, so the catalog and every row are what they were (PostgreSQL's DDL is
// transactional).
std::vector<int> Migrator::Run(const std::vector<const Migration*>& steps, bool up, int current,
                               const Progress& progress) {
  if (steps.empty()) return {};
  const std::string unchanged =
      "; everything was rolled back: the database stays at version " + std::to_string(current);
  std::vector<int> done;
  try {
    pqxx::work tx(*conn_);
    for (const Migration* m : steps) {
      if (progress) progress((up ? "applying " : "reverting ") + m->Label() + " …");
      try {
        if (up) {
          tx.exec(m->up);
          tx.exec_prepared("migrations_record", m->version, m->name, m->Checksum(), std::string(kAppVersion));
        } else {
          tx.exec(m->down);
          tx.exec_prepared("migrations_forget", m->version);
        }
      } catch (const pqxx::broken_connection&) {
        throw;
      } catch (const std::exception& e) {
        throw MigrationError((up ? "migration " : "reverting migration ") + m->Label() + " failed: " + e.what() +
                             unchanged);
      }
      done.push_back(m->version);
    }
    if (progress) progress("verifying the result …");
    auto report = VerifyIn(tx);
    if (!report.ok) {
      throw MigrationError("verify found " + std::to_string(report.problems.size()) +
                           " difference(s) between the result and the migrations (first: " + report.problems.front() +
                           ")" + unchanged);
    }
    tx.commit();
  } catch (const pqxx::broken_connection&) {
    throw DatabaseUnavailable("lost the database connection while migrating; the database stays at version " +
                              std::to_string(current) + " unless the commit had reached it");
  }
  for (const Migration* m : steps) {
    log_.Info(up ? "migration applied" : "migration reverted", {{"version", m->version}, {"name", m->name}});
  }
  return done;
}

std::vector<std::string> Migrator::Catalog(pqxx::transaction_base& tx, const std::string& schema) {
  std::vector<std::string> lines;
  for (const auto& row : tx.exec_prepared("migrations_catalog", schema)) {
    lines.push_back(NormalizeExpressions(StripSchema(row[0].as<std::string>(), schema)));
  }
  std::sort(lines.begin(), lines.end());
  return lines;
}

VerifyReport Migrator::Verify() {
  Lock lock(*conn_);
  pqxx::work tx(*conn_);
  auto report = VerifyIn(tx);
  tx.abort();
  return report;
}

VerifyReport Migrator::VerifyIn(pqxx::work& tx) {
  VerifyReport report;
  std::vector<Applied> applied;
  if (tx.exec_prepared1("migrations_table_exists")[0].as<bool>()) {
    for (const auto& row : tx.exec_prepared("migrations_applied")) {
      applied.push_back({row[0].as<int>(), row[1].as<std::string>(), row[2].as<std::string>(), row[3].as<std::string>(),
                         row[4].as<std::string>()});
    }
  }
  try {
    CheckHistory(applied);
  } catch (const MigrationError& e) {
    report.ok = false;
    report.problems.push_back(e.what());
    return report;
  }
  auto live = Catalog(tx, tx.exec_prepared1("migrations_current_schema")[0].as<std::string>());

  // Replay the applied migrations into a scratch schema and describe what they build;
  // the savepoint's rollback leaves nothing of it (search_path included).
  const std::string scratch = "persona_verify_" + RandomHex(6);
  std::vector<std::string> expected;
  {
    pqxx::subtransaction replay(tx, "verify");
    replay.exec0("CREATE SCHEMA " + replay.quote_name(scratch));
    replay.exec0("SET LOCAL search_path TO " + replay.quote_name(scratch));
    for (const auto& a : applied) {
      try {
        replay.exec(Find(a.version)->up);
      } catch (const std::exception& e) {
        throw MigrationError("verify: replaying " + Find(a.version)->Label() + " failed: " + e.what());
      }
    }
    expected = Catalog(replay, scratch);
    replay.abort();
  }

  std::vector<std::string> missing;
  std::vector<std::string> unexpected;
  std::set_difference(expected.begin(), expected.end(), live.begin(), live.end(), std::back_inserter(missing));
  std::set_difference(live.begin(), live.end(), expected.begin(), expected.end(), std::back_inserter(unexpected));
  for (const auto& line : missing) report.problems.push_back("missing from the database: " + line);
  for (const auto& line : unexpected) report.problems.push_back("not built by the migrations: " + line);
  report.ok = report.problems.empty();
  return report;
}

}  // namespace persona::storage
