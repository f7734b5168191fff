#pragma once

#include <functional>

#include <pqxx/pqxx>

#include "storage/pg/pool.h"

namespace persona::storage {

// Runs `work` in one transaction on a pooled connection and commits. Serialization
// failures and deadlocks are retried (a few times, the whole unit of work again);
// a lost connection becomes DatabaseUnavailable and a statement past its deadline
// DatabaseTimeout (both HTTP 503). Domain errors thrown by
// `work` roll back and pass through untouched.
void RunTransaction(ConnectionPool& pool, const std::function<void(pqxx::work&)>& work);

// The same for work that is one statement, which PostgreSQL runs (and commits) as a
// transaction of its own: one round trip instead of BEGIN, the statement and COMMIT.
// Also for reads of several statements that need no common snapshot.
void RunStatement(ConnectionPool& pool, const std::function<void(pqxx::nontransaction&)>& work);

}  // namespace persona::storage
