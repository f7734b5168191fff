#pragma once

#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "app/session_cache.h"
#include "core/log.h"

struct redisContext;

namespace persona::cache {

// Where Redis listens: PERSONA_REDIS_URL, "redis://[:PASSWORD@]HOST[:PORT][/DB]" or
// "unix:///PATH[?db=DB]".
struct RedisAddress {
  std::string host;  // empty for a Unix socket
  int port = 6379;
  std::string socket_path;
  std::string password;
  int db = 0;
};

// Parses PERSONA_REDIS_URL; throws UsageError naming the problem (never the password).
RedisAddress ParseRedisUrl(const std::string& url);

// The session cache in Redis, shared by every server on the same Redis. Keys are
// "persona:session:ID" with a TTL; the versioned write is one Lua script, so it is atomic
// however many servers write. Any Redis failure makes the cache behave as empty (reads go
// to PostgreSQL) and is retried at most once a second; on every (re)connection the keys
// are dropped, since changes made while Redis was unreachable could not forget them.
class RedisSessionCache : public app::SessionCache {
 public:
  RedisSessionCache(RedisAddress address, Logger& log, std::chrono::seconds ttl = std::chrono::seconds(30),
                    std::chrono::milliseconds timeout = std::chrono::milliseconds(200));
  ~RedisSessionCache() override;
  RedisSessionCache(const RedisSessionCache&) = delete;
  RedisSessionCache& operator=(const RedisSessionCache&) = delete;

  std::optional<app::CachedSession> Get(const std::string& session_id) override;
  void Put(const std::string& session_id, long long version, const app::CachedSession& session) override;
  void Forget(const std::string& session_id, long long version) override;

  // True while connected (for tests and logs).
  bool Connected();

 private:
  // Runs one command; nullopt (and the connection dropped) on any failure. A nil reply is
  // an empty string.
  std::optional<std::string> Command(const std::vector<std::string>& args);
  bool EnsureConnected();
  void Store(const std::string& session_id, long long version, const std::string& payload);
  void Drop(const std::string& why);  // `why` is copied: it may live in the context

  RedisAddress address_;
  Logger& log_;
  std::chrono::seconds ttl_;
  std::chrono::milliseconds timeout_;
  std::mutex mutex_;
  redisContext* context_ = nullptr;
  std::chrono::steady_clock::time_point retry_at_{};
  bool reported_down_ = false;
};

}  // namespace persona::cache
