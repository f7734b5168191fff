#pragma once

#include <limits>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace persona::app {

// A live session as cached: who owns it and its API shape.
struct CachedSession {
  std::string user_id;
  nlohmann::json session;
};

// A copy of live sessions, read before PostgreSQL on GET /sessions/{id}. It is only a
// cache: PostgreSQL is written first, every writer then tells the cache the version it
// committed, and a cache that fails behaves as empty (docs/sessions.md).
//
// Versions order the writes: Put keeps a copy only if the cache knows of no newer or equal
// version, and Forget records the newest version, so a reader that read before a change
// cannot put its older copy back after it.
class SessionCache {
 public:
  // The version to forget a session that is gone for good (deleted).
  static constexpr long long kGone = std::numeric_limits<long long>::max();

  virtual ~SessionCache() = default;
  virtual std::optional<CachedSession> Get(const std::string& session_id) = 0;
  virtual void Put(const std::string& session_id, long long version, const CachedSession& session) = 0;
  virtual void Forget(const std::string& session_id, long long version) = 0;
};

}  // namespace persona::app
