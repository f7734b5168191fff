#pragma once

#include <chrono>
#include <mutex>
#include <string>
#include <unordered_map>

#include "app/session_cache.h"
#include "core/clock.h"

namespace persona::cache {

// The default session cache: a map in this process. Entries (and the versions of
// forgotten sessions) live for `ttl`.
class MemorySessionCache : public app::SessionCache {
 public:
  explicit MemorySessionCache(const Clock& clock, std::chrono::seconds ttl = std::chrono::seconds(30))
      : clock_(clock), ttl_(ttl) {}

  std::optional<app::CachedSession> Get(const std::string& session_id) override;
  void Put(const std::string& session_id, long long version, const app::CachedSession& session) override;
  void Forget(const std::string& session_id, long long version) override;

 private:
  struct Entry {
    long long version = 0;
    std::optional<app::CachedSession> session;  // empty: forgotten at `version`
    Clock::TimePoint expires_at;
  };
  static bool Replaces(long long version, bool is_copy, const Entry& current);
  void Store(const std::string& session_id, long long version, std::optional<app::CachedSession> session);

  const Clock& clock_;
  std::chrono::seconds ttl_;
  std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace persona::cache
