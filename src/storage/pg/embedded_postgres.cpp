#include "storage/pg/embedded_postgres.h"

#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <fstream>
#include <functional>
#include <sstream>
#include <stdexcept>
#include <thread>

#include <libpq-fe.h>

#include "core/errors.h"
#include "core/random.h"

namespace persona::storage {
namespace fs = std::filesystem;

namespace {

constexpr int kPort = 5432;  // only names the socket file; no TCP port is opened
// sockaddr_un.sun_path is 108 bytes including the terminator.
constexpr std::size_t kMaxSocketPath = 100;

void WriteSecretFile(const fs::path& path, const std::string& content, const std::optional<SystemUser>& owner) {
  int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) throw std::runtime_error("cannot write " + path.string() + ": " + std::strerror(errno));
  bool ok = write(fd, content.data(), content.size()) == static_cast<ssize_t>(content.size()) && fsync(fd) == 0;
  if (owner && fchown(fd, owner->uid, owner->gid) != 0) ok = false;
  close(fd);
  if (!ok) throw std::runtime_error("cannot write " + path.string() + ": " + std::strerror(errno));
}

void MakeOwnedDir(const fs::path& path, const std::optional<SystemUser>& owner) {
  if (mkdir(path.c_str(), 0700) != 0 && errno != EEXIST) {
    throw std::runtime_error("cannot create " + path.string() + ": " + std::strerror(errno));
  }
  if (owner && chown(path.c_str(), owner->uid, owner->gid) != 0) {
    throw std::runtime_error("cannot hand " + path.string() + " to the postgres user: " + std::strerror(errno));
  }
}

std::string QuoteConnValue(const std::string& value) {
  std::string out = "'";
  for (char c : value) {
    if (c == '\'' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out + "'";
}

// True when `user` can traverse `dir`, checked by a child running as that user, so
// ACLs and group membership count exactly as the kernel sees them.
bool UserCanTraverse(const SystemUser& user, const fs::path& dir) {
  pid_t pid = fork();
  if (pid < 0) return false;
  if (pid == 0) {
    gid_t gid = user.gid;
    if (setgroups(1, &gid) != 0 || setgid(gid) != 0 || setuid(user.uid) != 0) _exit(2);
    _exit(access(dir.c_str(), X_OK) == 0 ? 0 : 1);
  }
  return WaitForExit(pid) == 0;
}

// Under root the data directory may sit below a directory the postgres user cannot
// enter (/root is 0700). Grant that user search permission alone, through an ACL, on
// each such ancestor: nothing is made readable and no other user gains anything.
void LetUserReach(const SystemUser& user, const fs::path& target, Logger& log) {
  std::vector<fs::path> chain;
  for (fs::path p = target; !p.empty(); p = p.parent_path()) {
    chain.push_back(p);
    if (p == p.root_path()) break;
  }
  std::reverse(chain.begin(), chain.end());
  for (const auto& dir : chain) {
    if (UserCanTraverse(user, dir)) continue;
    const char* setfacl = "/usr/bin/setfacl";
    if (access(setfacl, X_OK) != 0) {
      throw std::runtime_error("the postgres user cannot reach " + dir.string() +
                               "; install the acl package (apt-get install acl) or choose a --data-dir outside it");
    }
    pid_t pid = Spawn({setfacl, "-m", "u:" + user.name + ":x", dir.string()}, {});
    if (WaitForExit(pid) != 0 || !UserCanTraverse(user, dir)) {
      throw std::runtime_error("the postgres user cannot reach " + dir.string() + "; choose a --data-dir outside it");
    }
    log.Info("granted the postgres user search permission (ACL u:postgres:x)", {{"directory", dir.string()}});
  }
}

}  // namespace

fs::path FindPostgresBinDir() {
  if (const char* dir = std::getenv("PERSONA_PG_BINDIR"); dir != nullptr && *dir != '\0') {
    if (access((fs::path(dir) / "postgres").c_str(), X_OK) != 0) {
      throw std::runtime_error(std::string("PERSONA_PG_BINDIR=") + dir + " holds no postgres binary");
    }
    return dir;
  }
  fs::path best;
  int best_version = 0;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator("/usr/lib/postgresql", ec)) {
    int version = std::atoi(entry.path().filename().c_str());
    if (version >= 14 && version > best_version && access((entry.path() / "bin/postgres").c_str(), X_OK) == 0) {
      best_version = version;
      best = entry.path() / "bin";
    }
  }
  if (best.empty()) {
    throw std::runtime_error(
        "no PostgreSQL server found under /usr/lib/postgresql (need 14 or newer): "
        "run scripts/setup, or apt-get install postgresql, or set PERSONA_DATABASE_URL");
  }
  return best;
}

EmbeddedPostgres::EmbeddedPostgres(fs::path data_dir, Logger& log, Durability durability)
    : data_dir_(fs::absolute(data_dir).lexically_normal()),
      cluster_dir_(data_dir_ / "postgres"),
      password_file_(data_dir_ / "db-password"),
      log_file_(data_dir_ / "postgres.log"),
      log_(log),
      durability_(durability) {
  socket_dir_ = data_dir_ / "run";
  if ((socket_dir_ / ".s.PGSQL.5432").string().size() > kMaxSocketPath) {
    // Same directory for every process using this data dir: derived from its path.
    socket_dir_ = fs::path("/tmp") / ("persona-" + std::to_string(std::hash<std::string>{}(data_dir_.string())));
  }
}

EmbeddedPostgres::~EmbeddedPostgres() {
  try {
    Stop();
  } catch (...) {
    // Destructors must not throw; Stop() already logged what went wrong.
  }
}

bool EmbeddedPostgres::ClusterExists() const { return fs::exists(cluster_dir_ / "PG_VERSION"); }

std::vector<std::string> EmbeddedPostgres::ChildEnvironment() const {
  std::vector<std::string> env = {"PATH=/usr/bin:/bin", "LC_ALL=C", "TZ=UTC"};
  env.push_back("HOME=" + (run_as_ ? run_as_->home : std::string(std::getenv("HOME") ? std::getenv("HOME") : "/")));
  return env;
}

std::string EmbeddedPostgres::LogTail() const {
  std::ifstream in(log_file_);
  std::deque<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    lines.push_back(line);
    if (lines.size() > 5) lines.pop_front();
  }
  std::string out;
  for (const auto& l : lines) out += "\n  " + l;
  return out;
}

void EmbeddedPostgres::Start() {
  if (Running()) return;
  bin_dir_ = FindPostgresBinDir();
  if (geteuid() == 0) {
    run_as_ = LookupSystemUser("postgres");
    if (!run_as_) {
      throw std::runtime_error(
          "running as root, but there is no `postgres` system user to run the embedded PostgreSQL: "
          "apt-get install postgresql, or run persona as an ordinary user");
    }
    LetUserReach(*run_as_, data_dir_, log_);
  }
  MakeOwnedDir(socket_dir_, run_as_);
  if (!ClusterExists()) {
    InitCluster();
  } else {
    StopOrphan();
  }

  int log_fd = open(log_file_.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  if (log_fd < 0) throw std::runtime_error("cannot open " + log_file_.string() + ": " + std::strerror(errno));
  SpawnOptions options;
  options.run_as = run_as_;
  options.stdout_fd = log_fd;
  options.stderr_fd = log_fd;
  // If persona dies (even by kill -9) the cluster gets SIGINT: a fast, clean shutdown.
  options.parent_death_signal = SIGINT;
  options.new_process_group = true;
  options.env = ChildEnvironment();
  auto started = std::chrono::steady_clock::now();
  std::vector<std::string> argv = {(bin_dir_ / "postgres").string(),
                                   "-D",
                                   cluster_dir_.string(),
                                   "-c",
                                   "listen_addresses=",
                                   "-c",
                                   "unix_socket_directories=" + socket_dir_.string(),
                                   "-c",
                                   "unix_socket_permissions=0700",
                                   "-c",
                                   "port=" + std::to_string(kPort),
                                   "-c",
                                   "max_connections=50",
                                   "-c",
                                   "logging_collector=off"};
  if (durability_ == Durability::kScratch) {
    for (const char* setting : {"fsync=off", "synchronous_commit=off", "full_page_writes=off"}) {
      argv.insert(argv.end(), {"-c", setting});
    }
  }
  pid_ = Spawn(argv, options);
  close(log_fd);
  try {
    WaitUntilReady(30000);
  } catch (const std::exception&) {
    if (auto code = WaitForExitFor(pid_, std::chrono::milliseconds(0))) {
      pid_ = -1;
      throw std::runtime_error("the embedded PostgreSQL exited during start-up (code " + std::to_string(*code) +
                               "); last lines of " + log_file_.string() + ":" + LogTail());
    }
    Stop();
    throw;
  }
  EnsureDatabase();
  log_.Info(
      "embedded PostgreSQL started",
      {{"pid", pid_},
       {"socket_dir", socket_dir_.string()},
       {"ms",
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count()}});
}

bool EmbeddedPostgres::RestartIfExited() {
  if (pid_ > 0) {
    auto code = WaitForExitFor(pid_, std::chrono::milliseconds(0));
    if (!code) return false;
    log_.Error("the embedded PostgreSQL exited by itself; restarting it", {{"pid", pid_}, {"code", *code}});
    pid_ = -1;
  }
  Start();
  return true;
}

void EmbeddedPostgres::InitCluster() {
  if (fs::exists(cluster_dir_) && !fs::is_empty(cluster_dir_)) {
    throw std::runtime_error(cluster_dir_.string() +
                             " exists but holds no PostgreSQL cluster (no PG_VERSION); move it away and start again");
  }
  log_.Info("creating the embedded PostgreSQL cluster", {{"directory", cluster_dir_.string()}});
  if (!fs::exists(password_file_)) WriteSecretFile(password_file_, RandomHex(24), std::nullopt);
  MakeOwnedDir(cluster_dir_, run_as_);
  // initdb reads the superuser's password from a file it must be able to open.
  fs::path pwfile = socket_dir_ / "initdb-password";
  WriteSecretFile(pwfile, ReadPassword() + "\n", run_as_);
  int log_fd = open(log_file_.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  if (log_fd < 0) throw std::runtime_error("cannot open " + log_file_.string() + ": " + std::strerror(errno));
  SpawnOptions options;
  options.run_as = run_as_;
  options.stdout_fd = log_fd;
  options.stderr_fd = log_fd;
  options.env = ChildEnvironment();
  std::vector<std::string> argv = {(bin_dir_ / "initdb").string(),
                                   "-D",
                                   cluster_dir_.string(),
                                   "-U",
                                   "persona",
                                   "--pwfile=" + pwfile.string(),
                                   "--auth-local=scram-sha-256",
                                   "--auth-host=scram-sha-256",
                                   "--encoding=UTF8",
                                   "--locale=C"};
  if (durability_ == Durability::kScratch) argv.push_back("--no-sync");
  pid_t pid = Spawn(argv, options);
  int code = WaitForExit(pid);
  close(log_fd);
  fs::remove(pwfile);
  if (code != 0) {
    std::error_code ec;
    fs::remove_all(cluster_dir_, ec);  // a half-made cluster would block the next attempt
    throw std::runtime_error("initdb failed (code " + std::to_string(code) + "); last lines of " + log_file_.string() +
                             ":" + LogTail());
  }
}

// A previous owner killed with kill -9 sends its cluster SIGINT as it dies (parent-death
// signal); that cluster may still be shutting down. Wait for it, then start our own.
void EmbeddedPostgres::StopOrphan() {
  std::ifstream in(cluster_dir_ / "postmaster.pid");
  pid_t pid = 0;
  if (!(in >> pid) || pid <= 0 || !ProcessExists(pid) || ProcessName(pid) != "postgres") {
    return;  // no pid file, or a stale one: PostgreSQL itself recovers from that
  }
  log_.Warn("a PostgreSQL left by a previous persona process is still running; stopping it", {{"pid", pid}});
  kill(pid, SIGINT);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (ProcessExists(pid) && ProcessName(pid) == "postgres") {
    if (std::chrono::steady_clock::now() >= deadline) {
      throw std::runtime_error("PostgreSQL (pid " + std::to_string(pid) + ") left by an earlier run did not stop");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

void EmbeddedPostgres::WaitUntilReady(int timeout_ms) const {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  for (;;) {
    // The password file appears only once the owner's initdb has begun.
    if (fs::exists(password_file_) && PQping(ConnectionString("postgres").c_str()) == PQPING_OK) return;
    if (pid_ > 0 && !ProcessExists(pid_)) break;
    if (std::chrono::steady_clock::now() >= deadline) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  throw DatabaseUnavailable("the embedded PostgreSQL in " + data_dir_.string() + " is not accepting connections");
}

void EmbeddedPostgres::EnsureDatabase() {
  std::string conninfo = ConnectionString("postgres");
  PGconn* conn = PQconnectdb(conninfo.c_str());
  std::string error;
  if (PQstatus(conn) != CONNECTION_OK) {
    error = PQerrorMessage(conn);
  } else {
    PGresult* res = PQexec(conn, "SELECT 1 FROM pg_database WHERE datname = 'persona'");
    bool exists = PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 1;
    PQclear(res);
    if (!exists) {
      res = PQexec(conn, "CREATE DATABASE persona");
      if (PQresultStatus(res) != PGRES_COMMAND_OK) error = PQresultErrorMessage(res);
      PQclear(res);
    }
  }
  PQfinish(conn);
  if (!error.empty()) throw std::runtime_error("cannot prepare the persona database: " + error);
}

void EmbeddedPostgres::Stop() {
  if (pid_ <= 0) return;
  kill(pid_, SIGINT);
  auto code = WaitForExitFor(pid_, std::chrono::seconds(60));
  if (!code) {
    log_.Error("PostgreSQL did not stop within 60 s; sending an immediate shutdown", {{"pid", pid_}});
    kill(pid_, SIGQUIT);
    WaitForExit(pid_);
  }
  log_.Info("embedded PostgreSQL stopped", {{"pid", pid_}});
  pid_ = -1;
}

std::string EmbeddedPostgres::ReadPassword() const {
  std::ifstream in(password_file_);
  std::string password;
  if (!std::getline(in, password) || password.empty()) {
    throw std::runtime_error("cannot read the database password from " + password_file_.string());
  }
  return password;
}

std::string EmbeddedPostgres::ConnectionString(const std::string& database) const {
  return "host=" + QuoteConnValue(socket_dir_.string()) + " port=" + std::to_string(kPort) +
         " dbname=" + QuoteConnValue(database) + " user=persona password=" + QuoteConnValue(ReadPassword()) +
         " connect_timeout=5 application_name=persona";
}

}  // namespace persona::storage
