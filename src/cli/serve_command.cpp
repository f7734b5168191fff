#include <fcntl.h>
#include <malloc.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <ctime>
#include <mutex>
#include <ostream>
#include <thread>

#include <pqxx/pqxx>

#include "cli/commands.h"
#include "cli/schema.h"
#include "cli/server_metrics.h"
#include "cli/services.h"
#include "core/clock.h"
#include "core/errors.h"
#include "core/process.h"
#include "core/random.h"
#include "crypto/field_cipher.h"
#include "crypto/key_store.h"
#include "http/api.h"
#include "http/router.h"
#include "http/server.h"
#include "http/web_directory.h"
#include "jobs/proxy_checker.h"
#include "jobs/retention_job.h"
#include "jobs/session_sweeper.h"
#include "storage/pg/database.h"
#include "storage/pg/migrator.h"
#include "storage/pg/pool.h"
#include "storage/pg/schema_version.h"

namespace persona::cli {
namespace {

constexpr const char* kFirstAdminEmail = "admin@persona.local";

// Worker threads and pooled connections: handlers block on the database, so a few per
// core keep both cores busy while queries wait; PostgreSQL itself has 2 cores too.
std::size_t WorkerCount() { return std::clamp<std::size_t>(std::thread::hardware_concurrency() * 4, 4, 16); }

// glibc gives each thread that allocates its own malloc arena (up to 8 per core); with a
// worker per request in flight, each arena keeps its own free but unreturned pages. One
// arena per core halves the peak memory under load (bench/RESULTS.md: 77 → 37 MiB).
// glibc's own MALLOC_ARENA_MAX, when set, is left to decide.
void LimitMallocArenas() {
  if (std::getenv("MALLOC_ARENA_MAX") != nullptr) return;
  mallopt(M_ARENA_MAX, static_cast<int>(std::max(1u, std::thread::hardware_concurrency())));
}

std::string UrlFor(const boost::asio::ip::tcp::endpoint& ep) {
  auto address = ep.address().to_string();
  if (ep.address().is_v6()) address = "[" + address + "]";
  return "http://" + address + ":" + std::to_string(ep.port());
}

// On a database without users, creates the admin and leaves its password in a 0600
// file of the data directory instead of the terminal, where logs may capture it.
void CreateFirstAdmin(app::UserService& users, const Config& config, std::ostream& out) {
  std::string password = RandomPassword(20);
  auto path = std::filesystem::absolute(config.data_dir) / "admin-password";
  int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) throw std::runtime_error("cannot write " + path.string());
  std::string line = password + "\n";
  bool ok = write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size()) && fsync(fd) == 0;
  close(fd);
  if (!ok) throw std::runtime_error("cannot write " + path.string());
  users.Add(kFirstAdminEmail, password, "basic", /*password_change_required=*/true);
  out << "first run: created the admin user " << kFirstAdminEmail << "\n"
      << "  its password is in " << path.string() << " (readable only by you)\n"
      << "  change it with: persona user passwd --email " << kFirstAdminEmail
      << " --password-stdin, then delete that file\n";
}

// One probe of the database: reachable, and at which schema version.
http::Readiness Probe(storage::ConnectionPool& pool, int expected_version, std::chrono::milliseconds budget) {
  http::Readiness r;
  r.expected_schema_version = expected_version;
  try {
    storage::ConnectionPool::ThreadScope bounded(pool, budget);
    auto conn = pool.Acquire(budget);
    pqxx::nontransaction tx(*conn);
    r.schema_version = tx.exec_prepared1("health_schema_version")[0].as<int>();
    r.database_reachable = true;
  } catch (const DatabaseUnavailable&) {
    r.detail = "database unreachable";
    return r;
  } catch (const pqxx::broken_connection&) {
    r.detail = "database unreachable";  // also a probe cut at its deadline
    return r;
  } catch (const pqxx::sql_error& e) {
    if (e.sqlstate() == "57014") {  // statement_timeout: it did not answer in time
      r.detail = "database unreachable";
      return r;
    }
    r.database_reachable = true;  // answered, but has no migration history
  }
  r.schema_current = r.schema_version == expected_version;
  r.schema_semver = storage::SchemaVersionAfter(r.schema_version);
  if (!r.schema_current) {
    r.detail =
        "schema at version " + std::to_string(r.schema_version) + ", expected " + std::to_string(expected_version);
  }
  return r;
}

// Probes the database twice a second on a thread of its own, so /readyz answers at once
// from the latest result — also while every worker waits on a database that hangs, when
// a probe run by the request would queue behind them. A result older than a second
// (a probe hanging on the database) is "not ready".
class ReadinessMonitor {
 public:
  static constexpr std::chrono::milliseconds kInterval{500};
  static constexpr std::chrono::milliseconds kBudget{800};
  static constexpr std::chrono::milliseconds kFresh{1000};

  // Probes once before it returns, so a server that says it listens is ready at once.
  ReadinessMonitor(storage::ConnectionPool& pool, int expected_version)
      : pool_(pool),
        expected_version_(expected_version),
        latest_(Probe(pool, expected_version, kBudget)),
        probed_at_(std::chrono::steady_clock::now()),
        thread_([this] { Loop(); }) {}
  ~ReadinessMonitor() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    wake_.notify_one();
    thread_.join();
  }

  http::Readiness Current() {
    std::lock_guard lock(mutex_);
    if (std::chrono::steady_clock::now() - probed_at_ <= kFresh) return latest_;
    http::Readiness stale;
    stale.expected_schema_version = expected_version_;
    stale.detail = "database unreachable";
    return stale;
  }

 private:
  void Loop() {
    std::unique_lock lock(mutex_);
    while (!wake_.wait_for(lock, kInterval, [this] { return stopping_; })) {
      lock.unlock();
      auto result = Probe(pool_, expected_version_, kBudget);
      auto now = std::chrono::steady_clock::now();
      lock.lock();
      latest_ = std::move(result);
      probed_at_ = now;
    }
  }

  storage::ConnectionPool& pool_;
  const int expected_version_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  http::Readiness latest_;
  std::chrono::steady_clock::time_point probed_at_;
  std::thread thread_;  // last: starts once the members above exist
};

// Each connection is a descriptor: the cap is only reached (and 503 answered) if the
// limit of open files leaves room for it; otherwise accept fails with EMFILE first.
void WarnIfFileLimitIsLow(std::size_t max_connections, Logger& log) {
  constexpr std::uint64_t kReserved = 128;  // database, logs, data files, refusals in flight
  std::uint64_t files = RaiseOpenFileLimit();
  if (files > 0 && files < max_connections + kReserved) {
    log.Warn(
        "the open-file limit is below PERSONA_MAX_CONNECTIONS plus a reserve; connections beyond it wait in "
        "the backlog instead of being answered 503",
        {{"open_file_limit", files}, {"max_connections", max_connections}});
  }
}

}  // namespace

int Serve(const Config& config, Logger& log, std::ostream& out) {
  LimitMallocArenas();
  auto started = std::chrono::steady_clock::now();
  WarnIfFileLimitIsLow(config.connections.max_connections, log);
  storage::Database db(config, storage::Database::Role::kServer, "serve", log);
  PrepareSchema(config, db.ConnectionString(), log);
  const int expected_version = storage::EmbeddedMigrations().back().version;

  const std::size_t workers = WorkerCount();
  storage::ConnectionPool pool(
      db.ConnectionString(), workers,
      {.connect = config.database_timeouts.connect, .statement = config.database_timeouts.request});
  crypto::KeyStore keys(config.KeyFile(), config.master_key);
  crypto::FieldCipher cipher(keys);
  SystemClock clock;
  crypto::PasswordHasher hasher;

  auto session_cache = MakeSessionCache(config, clock, log);
  Services services(pool, cipher, hasher, clock, NetworkProxyProber(config.proxy_checks),
                    {.proxy_checks = ProxyCheckSettingsOf(config.proxy_checks),
                     .sessions = SessionTimeoutsOf(config.sessions),
                     .session_cache = session_cache.get(),
                     .request_budget = config.database_timeouts.request});
  // Rows of this month and the next two never land in the DEFAULT partition.
  services.retention.EnsurePartitions();
  if (!services.users.HasUsers()) CreateFirstAdmin(services.users, config, out);

  std::optional<http::WebDirectory> web_dir;
  if (config.web_dir) web_dir.emplace(*config.web_dir);
  ServerMetrics metrics(pool, clock);
  ReadinessMonitor readiness(pool, expected_version);
  auto api = services.Api([&readiness] { return readiness.Current(); }, metrics.metrics);
  if (web_dir) api.web_assets = web_dir->Assets();
  http::Router router;
  http::BuildApi(router, std::move(api));

  http::ServerOptions options;
  options.host = config.listen.host;
  options.port = config.listen.port;
  options.worker_threads = workers;
  options.header_timeout = config.connections.header_timeout;
  options.read_timeout = config.connections.request_timeout;
  options.idle_timeout = config.connections.keepalive_timeout;
  options.max_connections = config.connections.max_connections;
  options.handle_signals = true;
  http::Server server(options, router, log, &metrics.requests);
  auto endpoint = server.Listen();
  auto startup_ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
  log.Info("ready", {{"url", UrlFor(endpoint)}, {"database", db.Description()}, {"startup_ms", startup_ms}});
  out << "listening on " << UrlFor(endpoint) << std::endl;

  // The embedded cluster is restarted if it dies; requests answer 503 meanwhile and the
  // pool reconnects by itself once it is back.
  std::atomic<bool> stopping{false};
  std::thread supervisor([&] {
    while (!stopping) {
      std::this_thread::sleep_for(std::chrono::milliseconds(250));
      if (!stopping) db.Supervise();
    }
  });
  std::optional<jobs::ProxyChecker> proxy_checker;
  if (config.proxy_checks.interval.count() > 0) {
    proxy_checker.emplace(services.proxies, config.proxy_checks.interval, config.proxy_checks.concurrency, log,
                          &metrics.jobs);
  }
  jobs::SessionSweeper session_sweeper(services.sessions, std::chrono::seconds(30), log, &metrics.jobs);
  jobs::RetentionJob retention(services.retention, log, &metrics.jobs);
  server.Run();
  proxy_checker.reset();
  stopping = true;
  supervisor.join();
  log.Info("server stopped; shutting down");
  return kExitOk;
}

}  // namespace persona::cli
