#include "storage/pg/pool.h"

#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <optional>
#include <thread>
#include <utility>

#include <libpq-fe.h>
#include <pqxx/pqxx>

#include "core/errors.h"
#include "storage/queries.h"

namespace persona::storage {
namespace {

using Clock = std::chrono::steady_clock;

// The deadline of the connect running on this thread, if it has one (set by Open from
// the thread's ThreadScope; libpqxx gives the connection policy nothing but the conninfo).
thread_local std::optional<Clock::time_point> connect_deadline;

}  // namespace

pqxx::connectionpolicy::handle BoundedConnect::do_startconnect(handle orig) {
  if (orig) return orig;
  if (!connect_deadline) {
    orig = normalconnect(orig);  // libpq's own connect_timeout bounds it
    if (PQstatus(orig) != CONNECTION_OK) {
      std::string message = PQerrorMessage(orig);
      PQfinish(orig);
      throw pqxx::broken_connection(message);
    }
    return orig;
  }
  PGconn* conn = PQconnectStart(options().c_str());
  if (conn == nullptr) throw std::bad_alloc();
  auto fail = [conn](const std::string& message) {
    PQfinish(conn);
    throw pqxx::broken_connection(message);
  };
  PostgresPollingStatusType state = PGRES_POLLING_WRITING;
  while (state != PGRES_POLLING_OK) {
    if (state == PGRES_POLLING_FAILED || PQstatus(conn) == CONNECTION_BAD) fail(PQerrorMessage(conn));
    auto left = std::chrono::ceil<std::chrono::milliseconds>(*connect_deadline - Clock::now()).count();
    if (left <= 0) fail("timeout expired while connecting");
    pollfd fd{.fd = PQsocket(conn), .events = static_cast<short>(state == PGRES_POLLING_READING ? POLLIN : POLLOUT)};
    int ready = poll(&fd, 1, static_cast<int>(left));
    if (ready < 0 && errno != EINTR) fail("poll failed while connecting");
    if (ready > 0) state = PQconnectPoll(conn);
  }
  return conn;
}

void RegisterQueries(pqxx::connection_base& conn) {
  for (const auto& query : queries::kAll) conn.prepare(std::string(query.name), std::string(query.sql));
}

std::string WithTimeouts(const std::string& conninfo, const PoolTimeouts& timeouts) {
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(conninfo.c_str(), &error);
  if (options == nullptr) {
    // libpq's message names the syntax problem; it does not repeat the password.
    std::string message = error ? error : "out of memory";
    PQfreemem(error);
    throw UsageError("invalid database connection string: " + message);
  }
  // A peer that vanishes (a dropped network, a powered-off host) is noticed within
  // about 25 s instead of the kernel's two hours; a user's own setting wins.
  const std::vector<std::pair<std::string, std::string>> defaults = {
      {"connect_timeout", std::to_string(std::max<long>(2, timeouts.connect.count()))},
      {"keepalives", "1"},
      {"keepalives_idle", "10"},
      {"keepalives_interval", "5"},
      {"keepalives_count", "3"},
  };
  auto quoted = [](const std::string& value) {
    std::string out = "'";
    for (char c : value) {
      if (c == '\'' || c == '\\') out += '\\';
      out += c;
    }
    return out + "'";
  };
  std::string out;
  std::vector<std::string> set;
  for (auto* o = options; o->keyword != nullptr; ++o) {
    if (o->val == nullptr) continue;
    out += std::string(o->keyword) + "=" + quoted(o->val) + " ";
    set.emplace_back(o->keyword);
  }
  PQconninfoFree(options);
  for (const auto& [key, value] : defaults) {
    if (std::find(set.begin(), set.end(), key) == set.end()) out += key + "=" + value + " ";
  }
  if (!out.empty()) out.pop_back();
  return out;
}

// The connection a ThreadScope holds for its thread, shared with the lease that uses it.
struct ConnectionPool::Pinned {
  ConnectionPool* pool;
  std::unique_ptr<PooledConnection> conn;  // taken on the first Acquire
  bool leased = false;
  bool scope_open = true;
  std::optional<Clock::time_point> deadline;
};

// A busy lease and the deadline it must end by.
struct ConnectionPool::Watch {
  int socket;
  Clock::time_point deadline;
  bool cut = false;  // guarded by the watchdog's mutex
};

// One thread per pool that shuts down the socket of every lease still busy at its
// deadline: the statement waiting on it fails at once, whether the database is slow,
// frozen or unreachable. The connection is then broken and dropped on release.
class ConnectionPool::Watchdog {
 public:
  Watchdog() : thread_([this] { Loop(); }) {}
  ~Watchdog() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    changed_.notify_one();
    thread_.join();
  }

  void Add(const std::shared_ptr<Watch>& watch) {
    {
      std::lock_guard lock(mutex_);
      watches_.push_back(watch);
    }
    changed_.notify_one();
  }

  // After this returns the watchdog no longer touches the lease's socket.
  bool Remove(const std::shared_ptr<Watch>& watch) {
    std::lock_guard lock(mutex_);
    std::erase(watches_, watch);
    return watch->cut;
  }

  bool Cut(const Watch& watch) {
    std::lock_guard lock(mutex_);
    return watch.cut;
  }

 private:
  void Loop() {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
      auto now = Clock::now();
      auto next = Clock::time_point::max();
      for (auto it = watches_.begin(); it != watches_.end();) {
        if ((*it)->deadline <= now) {
          shutdown((*it)->socket, SHUT_RDWR);
          (*it)->cut = true;
          it = watches_.erase(it);
        } else {
          next = std::min(next, (*it)->deadline);
          ++it;
        }
      }
      if (next == Clock::time_point::max()) {
        changed_.wait(lock);
      } else {
        changed_.wait_until(lock, next);
      }
    }
  }

  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<std::shared_ptr<Watch>> watches_;
  bool stopping_ = false;
  std::thread thread_;  // last: starts once the members above exist
};

thread_local std::shared_ptr<ConnectionPool::Pinned> ConnectionPool::scope_of_thread_;

ConnectionPool::ConnectionPool(std::string conninfo, std::size_t size, PoolTimeouts timeouts)
    : conninfo_(WithTimeouts(conninfo, timeouts)), size_(size), timeouts_(timeouts) {}

ConnectionPool::~ConnectionPool() = default;

ConnectionPool::Lease::Lease(ConnectionPool& pool, std::unique_ptr<PooledConnection> owned)
    : pool_(&pool), owned_(std::move(owned)), conn_(owned_.get()) {
  if (auto& scope = scope_of_thread_; scope && scope->pool == &pool && scope->deadline) {
    watch_ = std::make_shared<Watch>(Watch{.socket = conn_->sock(), .deadline = *scope->deadline});
  }
}

ConnectionPool::Lease::Lease(ConnectionPool& pool, std::shared_ptr<Pinned> pinned)
    : pool_(&pool), pinned_(std::move(pinned)), conn_(pinned_->conn.get()) {
  pinned_->leased = true;
  if (pinned_->deadline) {
    watch_ = std::make_shared<Watch>(Watch{.socket = conn_->sock(), .deadline = *pinned_->deadline});
  }
}

ConnectionPool::Lease::Lease(Lease&& other) noexcept
    : pool_(other.pool_),
      owned_(std::move(other.owned_)),
      pinned_(std::move(other.pinned_)),
      conn_(std::exchange(other.conn_, nullptr)),
      watch_(std::move(other.watch_)) {}

ConnectionPool::Lease::~Lease() {
  if (watch_) pool_->watchdog_->Remove(watch_);
  if (owned_) {
    pool_->Release(std::move(owned_));
  } else if (pinned_) {
    pinned_->leased = false;
    // A broken connection goes back at once (the scope's next Acquire takes a fresh
    // one); so does one whose scope ended while this lease still held it.
    if (!pinned_->scope_open || !pinned_->conn->is_open()) pool_->Release(std::move(pinned_->conn));
  }
}

bool ConnectionPool::Lease::TimedOut() const { return watch_ && pool_->watchdog_->Cut(*watch_); }

ConnectionPool::ThreadScope::ThreadScope(ConnectionPool& pool, std::chrono::milliseconds budget) : pool_(pool) {
  if (scope_of_thread_) return;
  pinned_ = std::make_shared<Pinned>();
  pinned_->pool = &pool;
  if (budget.count() > 0) pinned_->deadline = Clock::now() + budget;
  scope_of_thread_ = pinned_;
}

ConnectionPool::ThreadScope::~ThreadScope() {
  if (!pinned_) return;
  scope_of_thread_.reset();
  pinned_->scope_open = false;
  if (!pinned_->leased && pinned_->conn) pool_.Release(std::move(pinned_->conn));
}

std::unique_ptr<PooledConnection> ConnectionPool::Open() {
  struct DeadlineOfThisConnect {
    explicit DeadlineOfThisConnect(std::optional<Clock::time_point> deadline) { connect_deadline = deadline; }
    ~DeadlineOfThisConnect() { connect_deadline.reset(); }
  } bounded(scope_of_thread_ && scope_of_thread_->pool == this ? scope_of_thread_->deadline : std::nullopt);
  try {
    auto conn = std::make_unique<PooledConnection>(conninfo_);
    // Timestamps come back as UTC text, whatever the server's zone (RowToJson relies on
    // it); a statement that runs past the budget is cancelled by the server itself.
    pqxx::nontransaction(*conn).exec("SET TIME ZONE 'UTC'; SET statement_timeout = " +
                                     std::to_string(timeouts_.statement.count()));
    RegisterQueries(*conn);
    return conn;
  } catch (const pqxx::broken_connection& e) {
    // libpq's message names host and reason, never the password.
    throw DatabaseUnavailable(std::string("cannot connect to the database: ") + e.what());
  }
}

ConnectionPool::Lease ConnectionPool::Acquire(std::chrono::milliseconds timeout) {
  auto& scope = scope_of_thread_;
  const bool in_scope = scope && scope->pool == this;
  if (in_scope && scope->deadline) {
    auto left = std::chrono::ceil<std::chrono::milliseconds>(*scope->deadline - Clock::now());
    if (left.count() <= 0) throw DatabaseTimeout("the database did not answer in time");
    timeout = std::min(timeout, left);
  }
  if (in_scope && !scope->leased) {
    if (!scope->conn) scope->conn = Take(timeout);
    Lease lease(*this, scope);
    if (lease.watch_) Watched().Add(lease.watch_);
    return lease;
  }
  Lease lease(*this, Take(timeout));
  if (lease.watch_) Watched().Add(lease.watch_);
  return lease;
}

ConnectionPool::Watchdog& ConnectionPool::Watched() {
  std::call_once(watchdog_started_, [this] { watchdog_ = std::make_unique<Watchdog>(); });
  return *watchdog_;
}

std::unique_ptr<PooledConnection> ConnectionPool::Take(std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  ++waiting_;
  bool free = available_.wait_for(lock, timeout, [&] { return !idle_.empty() || open_ < size_; });
  --waiting_;
  if (!free) throw DatabaseTimeout("no database connection became free in time");
  if (!idle_.empty()) {
    auto conn = std::move(idle_.back());
    idle_.pop_back();
    return conn;
  }
  ++open_;
  lock.unlock();
  try {
    return Open();
  } catch (...) {
    lock.lock();
    --open_;
    available_.notify_one();
    throw;
  }
}

void ConnectionPool::Release(std::unique_ptr<PooledConnection> conn) {
  std::vector<std::unique_ptr<PooledConnection>> dropped;
  {
    std::lock_guard lock(mutex_);
    if (conn->is_open()) {
      idle_.push_back(std::move(conn));
    } else {
      // Broken: the database restarted, went away or stopped answering, and the idle
      // connections share its fate; each would fail one request before being dropped.
      dropped = std::move(idle_);
      idle_.clear();
      open_ -= 1 + dropped.size();
    }
  }
  available_.notify_all();
  // Closed outside the lock: closing says goodbye to the server, which may not listen.
}

ConnectionPool::Figures ConnectionPool::Stats() {
  std::lock_guard lock(mutex_);
  return {.size = size_, .open = open_, .in_use = open_ - idle_.size(), .waiting = waiting_};
}

}  // namespace persona::storage
