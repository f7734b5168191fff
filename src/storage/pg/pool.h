#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <pqxx/connection>

namespace persona::storage {

// libpq's connect, bounded by the deadline of the thread's ConnectionPool::ThreadScope
// (connect_timeout cannot go below 2 s and knows no deadline).
class BoundedConnect : public pqxx::connectionpolicy {
 public:
  explicit BoundedConnect(const std::string& options) : pqxx::connectionpolicy(options) {}
  handle do_startconnect(handle orig) override;
};
using PooledConnection = pqxx::basic_connection_base<BoundedConnect>;

// Registers every query of db/queries on `conn` as a prepared statement (libpqxx
// prepares each lazily, on first use, and again after a reconnect).
void RegisterQueries(pqxx::connection_base& conn);

// How long the pool's connections may wait on the database (docs/reliability.md).
struct PoolTimeouts {
  // libpq connect_timeout, for connects outside a ThreadScope's deadline.
  std::chrono::seconds connect{2};
  // The server-side statement_timeout of every connection; zero: none.
  std::chrono::milliseconds statement{0};
};

// The conninfo (URL or key=value) with connect_timeout and TCP keepalives added, unless
// it sets them itself; throws UsageError when libpq cannot parse it.
std::string WithTimeouts(const std::string& conninfo, const PoolTimeouts& timeouts);

// A fixed-size pool of PostgreSQL connections, opened lazily. A new connection gets
// every query of db/queries registered as a prepared statement, so requests never
// send SQL text or catalog work. A connection found broken is dropped and reopened
// on next use, so the pool heals by itself after a database restart. Leases taken in a
// ThreadScope with a deadline are watched: one still busy at the deadline has its socket
// shut down, so the waiting statement fails at once (DatabaseTimeout) even when the
// database has stopped answering altogether.
class ConnectionPool {
  struct Pinned;
  struct Watch;

 public:
  ConnectionPool(std::string conninfo, std::size_t size, PoolTimeouts timeouts = {});
  ~ConnectionPool();
  ConnectionPool(const ConnectionPool&) = delete;
  ConnectionPool& operator=(const ConnectionPool&) = delete;

  class Lease {
   public:
    Lease(Lease&& other) noexcept;
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    PooledConnection& operator*() const { return *conn_; }
    PooledConnection* operator->() const { return conn_; }
    // The deadline passed while this lease was busy and its connection was cut.
    bool TimedOut() const;

   private:
    friend class ConnectionPool;
    Lease(ConnectionPool& pool, std::unique_ptr<PooledConnection> owned);
    Lease(ConnectionPool& pool, std::shared_ptr<Pinned> pinned);

    ConnectionPool* pool_;
    std::unique_ptr<PooledConnection> owned_;  // a lease of its own…
    std::shared_ptr<Pinned> pinned_;           // …or the connection of a ThreadScope
    PooledConnection* conn_;
    std::shared_ptr<Watch> watch_;  // set when the thread's scope has a deadline
  };

  // While one lives, every Acquire of this pool on this thread that is not nested in
  // another lease of the scope gets one and the same connection, taken on first use and
  // returned when the scope ends: a request authenticates and does its work on one lease.
  // A lease taken in a scope must end on the scope's thread. Scopes do not nest (an inner
  // one changes nothing).
  //
  // With a `budget`, everything the scope does with the database — waiting for a free
  // connection, connecting, its statements — ends by now + budget; what runs past it
  // fails with DatabaseTimeout.
  class ThreadScope {
   public:
    explicit ThreadScope(ConnectionPool& pool, std::chrono::milliseconds budget = std::chrono::milliseconds(0));
    ~ThreadScope();
    ThreadScope(const ThreadScope&) = delete;
    ThreadScope& operator=(const ThreadScope&) = delete;

   private:
    ConnectionPool& pool_;
    std::shared_ptr<Pinned> pinned_;  // null when nested in another scope
  };

  // Waits up to `timeout` (and not past the scope's deadline) for a free connection;
  // throws DatabaseTimeout when none frees up in time and DatabaseUnavailable when the
  // database cannot be reached.
  Lease Acquire(std::chrono::milliseconds timeout = std::chrono::seconds(5));

  std::size_t Size() const { return size_; }

  struct Figures {
    std::size_t size = 0;
    std::size_t open = 0;     // connections made, idle or leased
    std::size_t in_use = 0;   // leased out (a scope's connection counts while it holds one)
    std::size_t waiting = 0;  // threads waiting in Acquire for a connection to free up
  };
  Figures Stats();

 private:
  class Watchdog;

  Watchdog& Watched();
  std::unique_ptr<PooledConnection> Take(std::chrono::milliseconds timeout);
  void Release(std::unique_ptr<PooledConnection> conn);
  std::unique_ptr<PooledConnection> Open();

  std::string conninfo_;
  std::size_t size_;
  PoolTimeouts timeouts_;
  std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<PooledConnection>> idle_;
  std::size_t open_ = 0;  // connections in idle_ plus those leased out
  std::size_t waiting_ = 0;
  std::once_flag watchdog_started_;
  std::unique_ptr<Watchdog> watchdog_;  // cuts leases that outlive their deadline; last member

  static thread_local std::shared_ptr<Pinned> scope_of_thread_;  // the open ThreadScope's
};

}  // namespace persona::storage
