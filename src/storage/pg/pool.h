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
 public:
  ConnectionPool(std::string conninfo, std::size_t size);
  ~ConnectionPool();
  ConnectionPool(const ConnectionPool&) = delete;
  ConnectionPool& operator=(const ConnectionPool&) = delete;

  class Lease {
   public:
    Lease(ConnectionPool& pool, std::unique_ptr<pqxx::connection> conn);
    Lease(Lease&& other) noexcept;
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    pqxx::connection& operator*() const { return *conn_; }
    pqxx::connection* operator->() const { return conn_.get(); }

   private:
    ConnectionPool* pool_;
    std::unique_ptr<pqxx::connection> conn_;
  };

  // Waits up to `timeout` for a free connection; throws DatabaseUnavailable when none
  // frees up or the database cannot be reached.
  Lease Acquire(std::chrono::milliseconds timeout = std::chrono::seconds(5));

  std::size_t Size() const { return size_; }

 private:
  void Release(std::unique_ptr<pqxx::connection> conn);
  std::unique_ptr<pqxx::connection> Open();

  std::string conninfo_;
  std::size_t size_;
  std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<pqxx::connection>> idle_;
  std::size_t open_ = 0;  // connections in idle_ plus those leased out
};

}  // namespace persona::storage
