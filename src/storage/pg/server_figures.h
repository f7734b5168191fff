#pragma once

#include <cstdint>

#include "storage/pg/pool.h"

namespace persona::storage {

// Figures of the whole server that only the database knows, for /metrics.

// Work sessions of every user that are live (starting, active or idle). Throws
// DatabaseUnavailable (or DatabaseTimeout) like any query.
std::int64_t CountLiveSessions(ConnectionPool& pool);

}  // namespace persona::storage
