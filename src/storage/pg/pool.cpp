#include "storage/pg/pool.h"

#include <utility>

#include <pqxx/pqxx>

#include "core/errors.h"
#include "storage/queries.h"

namespace persona::storage {

void RegisterQueries(pqxx::connection& conn) {
  for (const auto& query : queries::kAll) conn.prepare(std::string(query.name), std::string(query.sql));
}

// The connection a ThreadScope holds for its thread, shared with the lease that uses it.
struct ConnectionPool::Pinned {
  ConnectionPool* pool;
  std::unique_ptr<pqxx::connection> conn;  // taken on the first Acquire
  bool leased = false;
  bool scope_open = true;
};

thread_local std::shared_ptr<ConnectionPool::Pinned> ConnectionPool::scope_of_thread_;

ConnectionPool::ConnectionPool(std::string conninfo, std::size_t size) : conninfo_(std::move(conninfo)), size_(size) {}

ConnectionPool::~ConnectionPool() = default;

ConnectionPool::Lease::Lease(ConnectionPool& pool, std::unique_ptr<pqxx::connection> owned)
    : pool_(&pool), owned_(std::move(owned)), conn_(owned_.get()) {}

ConnectionPool::Lease::Lease(ConnectionPool& pool, std::shared_ptr<Pinned> pinned)
    : pool_(&pool), pinned_(std::move(pinned)), conn_(pinned_->conn.get()) {
  pinned_->leased = true;
}

ConnectionPool::Lease::Lease(Lease&& other) noexcept
    : pool_(other.pool_),
      owned_(std::move(other.owned_)),
      pinned_(std::move(other.pinned_)),
      conn_(std::exchange(other.conn_, nullptr)) {}

ConnectionPool::Lease::~Lease() {
  if (owned_) {
    pool_->Release(std::move(owned_));
  } else if (pinned_) {
    pinned_->leased = false;
    // A broken connection goes back at once (the scope's next Acquire takes a fresh
    // one); so does one whose scope ended while this lease still held it.
    if (!pinned_->scope_open || !pinned_->conn->is_open()) pool_->Release(std::move(pinned_->conn));
  }
}

ConnectionPool::ThreadScope::ThreadScope(ConnectionPool& pool) : pool_(pool) {
  if (scope_of_thread_) return;
  pinned_ = std::make_shared<Pinned>();
  pinned_->pool = &pool;
  scope_of_thread_ = pinned_;
}

ConnectionPool::ThreadScope::~ThreadScope() {
  if (!pinned_) return;
  scope_of_thread_.reset();
  pinned_->scope_open = false;
  if (!pinned_->leased && pinned_->conn) pool_.Release(std::move(pinned_->conn));
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
  if (auto& pinned = scope_of_thread_; pinned && pinned->pool == this && !pinned->leased) {
    if (!pinned->conn) pinned->conn = Take(timeout);
    return Lease(*this, pinned);
  }
  return Lease(*this, Take(timeout));
}

std::unique_ptr<pqxx::connection> ConnectionPool::Take(std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  ++waiting_;
  bool free = available_.wait_for(lock, timeout, [&] { return !idle_.empty() || open_ < size_; });
  --waiting_;
  if (!free) throw DatabaseUnavailable("no database connection became free in time");
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

void ConnectionPool::Release(std::unique_ptr<pqxx::connection> conn) {
  std::lock_guard lock(mutex_);
  if (conn->is_open()) {
    idle_.push_back(std::move(conn));
  } else {
    --open_;  // broken: the next Acquire opens a fresh one
  }
  available_.notify_one();
}

ConnectionPool::Figures ConnectionPool::Stats() {
  std::lock_guard lock(mutex_);
  return {.size = size_, .open = open_, .in_use = open_ - idle_.size(), .waiting = waiting_};
}

}  // namespace persona::storage
