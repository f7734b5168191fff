#include "storage/pg/pool.h"

#include <pqxx/pqxx>

#include "core/errors.h"
#include "storage/queries.h"

namespace persona::storage {

void RegisterQueries(pqxx::connection& conn) {
  for (const auto& query : queries::kAll) conn.prepare(std::string(query.name), std::string(query.sql));
}

ConnectionPool::ConnectionPool(std::string conninfo, std::size_t size) : conninfo_(std::move(conninfo)), size_(size) {}

ConnectionPool::~ConnectionPool() = default;

ConnectionPool::Lease::Lease(ConnectionPool& pool, std::unique_ptr<pqxx::connection> conn)
    : pool_(&pool), conn_(std::move(conn)) {}

ConnectionPool::Lease::Lease(Lease&& other) noexcept : pool_(other.pool_), conn_(std::move(other.conn_)) {}

ConnectionPool::Lease::~Lease() {
  if (conn_) pool_->Release(std::move(conn_));
}

std::unique_ptr<pqxx::connection> ConnectionPool::Open() {
  try {
    auto conn = std::make_unique<pqxx::connection>(conninfo_);
    // Timestamps come back as UTC text, whatever the server's zone (RowToJson relies on it).
    pqxx::nontransaction(*conn).exec("SET TIME ZONE 'UTC'");
    RegisterQueries(*conn);
    return conn;
  } catch (const pqxx::broken_connection& e) {
    // libpq's message names host and reason, never the password.
    throw DatabaseUnavailable(std::string("cannot connect to the database: ") + e.what());
  }
}

ConnectionPool::Lease ConnectionPool::Acquire(std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  if (!available_.wait_for(lock, timeout, [&] { return !idle_.empty() || open_ < size_; })) {
    throw DatabaseUnavailable("no database connection became free in time");
  }
  if (!idle_.empty()) {
    auto conn = std::move(idle_.back());
    idle_.pop_back();
    return Lease(*this, std::move(conn));
  }
  ++open_;
  lock.unlock();
  try {
    return Lease(*this, Open());
  } catch (...) {
    lock.lock();
    --open_;
    available_.notify_one();
    throw;
  }
}

void ConnectionPool::Release(std::unique_ptr<pqxx::connection> conn) {
  std::lock_guard lock(mutex_);
  if (conn->is_open()) {
    idle_.push_back(std::move(conn));
  } else {
    --open_;  // broken: the next Acquire opens a fresh one
  }
  available_.notify_one();
}

}  // namespace persona::storage
