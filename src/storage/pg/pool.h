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

// Registers every query of db/queries on `conn` as a prepared statement (libpqxx
// prepares each lazily, on first use, and again after a reconnect).
void RegisterQueries(pqxx::connection& conn);

// A fixed-size pool of PostgreSQL connections, opened lazily. A new connection gets
// every query of db/queries registered as a prepared statement, so requests never
// send SQL text or catalog work. A connection found broken is dropped and reopened
// on next use, so the pool heals by itself after a database restart.
class ConnectionPool {
  struct Pinned;

 public:
  ConnectionPool(std::string conninfo, std::size_t size);
  ~ConnectionPool();
  ConnectionPool(const ConnectionPool&) = delete;
  ConnectionPool& operator=(const ConnectionPool&) = delete;

  class Lease {
   public:
    Lease(Lease&& other) noexcept;
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    pqxx::connection& operator*() const { return *conn_; }
    pqxx::connection* operator->() const { return conn_; }

   private:
    friend class ConnectionPool;
    Lease(ConnectionPool& pool, std::unique_ptr<pqxx::connection> owned);
    Lease(ConnectionPool& pool, std::shared_ptr<Pinned> pinned);

    ConnectionPool* pool_;
    std::unique_ptr<pqxx::connection> owned_;  // a lease of its own…
    std::shared_ptr<Pinned> pinned_;           // …or the connection of a ThreadScope
    pqxx::connection* conn_;
  };

  // While one lives, every Acquire of this pool on this thread that is not nested in
  // another lease of the scope gets one and the same connection, taken on first use and
  // returned when the scope ends: a request authenticates and does its work on one lease.
  // A lease taken in a scope must end on the scope's thread. Scopes do not nest (an inner
  // one changes nothing).
  class ThreadScope {
   public:
    explicit ThreadScope(ConnectionPool& pool);
    ~ThreadScope();
    ThreadScope(const ThreadScope&) = delete;
    ThreadScope& operator=(const ThreadScope&) = delete;

   private:
    ConnectionPool& pool_;
    std::shared_ptr<Pinned> pinned_;  // null when nested in another scope
  };

  // Waits up to `timeout` for a free connection; throws DatabaseUnavailable when none
  // frees up or the database cannot be reached.
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
  std::unique_ptr<pqxx::connection> Take(std::chrono::milliseconds timeout);
  void Release(std::unique_ptr<pqxx::connection> conn);
  std::unique_ptr<pqxx::connection> Open();

  std::string conninfo_;
  std::size_t size_;
  std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<pqxx::connection>> idle_;
  std::size_t open_ = 0;  // connections in idle_ plus those leased out
  std::size_t waiting_ = 0;

  static thread_local std::shared_ptr<Pinned> scope_of_thread_;  // the open ThreadScope's
};

}  // namespace persona::storage
