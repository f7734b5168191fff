// Both session caches follow the same versioned rules (app/session_cache.h): a reader
// that read before a change can never put its older copy back after it.
#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <thread>

#include "cache/memory_session_cache.h"
#include "cache/redis_session_cache.h"
#include "core/errors.h"
#include "support/redis_server.h"

namespace persona {
namespace {

class FixedClock : public Clock {
 public:
  TimePoint Now() const override { return now; }
  TimePoint now = std::chrono::system_clock::now();
};

app::CachedSession Copy(int actions) { return {"user-1", {{"actions_performed", actions}}}; }

class SessionCacheTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "redis") {
      redis_.emplace();
      cache_ = std::make_unique<cache::RedisSessionCache>(cache::ParseRedisUrl(redis_->Url()), log_);
    } else {
      cache_ = std::make_unique<cache::MemorySessionCache>(clock_);
    }
  }
  std::optional<int> Actions(const std::string& id) {
    auto got = cache_->Get(id);
    if (!got) return std::nullopt;
    return got->session["actions_performed"].get<int>();
  }

  Logger log_{Logger::Level::kError};
  FixedClock clock_;
  std::optional<testing::RedisServer> redis_;
  std::unique_ptr<app::SessionCache> cache_;
};

TEST_P(SessionCacheTest, KeepsACopyUntilANewerVersionIsForgotten) {
  EXPECT_EQ(Actions("s1"), std::nullopt);
  cache_->Put("s1", 3, Copy(3));
  EXPECT_EQ(Actions("s1"), 3);
  EXPECT_EQ(cache_->Get("s1")->user_id, "user-1");
  cache_->Forget("s1", 4);
  EXPECT_EQ(Actions("s1"), std::nullopt);
}

TEST_P(SessionCacheTest, AnOlderCopyNeverReplacesANewerChange) {
  cache_->Forget("s1", 5);        // a writer committed version 5
  cache_->Put("s1", 4, Copy(4));  // a reader that read before it comes late
  EXPECT_EQ(Actions("s1"), std::nullopt);
  cache_->Put("s1", 5, Copy(5));  // a reader that read after it
  EXPECT_EQ(Actions("s1"), 5);
  cache_->Put("s1", 4, Copy(4));
  EXPECT_EQ(Actions("s1"), 5);
  cache_->Forget("s1", 5);  // the same version again changes nothing
  EXPECT_EQ(Actions("s1"), 5);
}

TEST_P(SessionCacheTest, AGoneSessionStaysGone) {
  cache_->Put("s1", 7, Copy(7));
  cache_->Forget("s1", app::SessionCache::kGone);
  cache_->Put("s1", 8, Copy(8));
  EXPECT_EQ(Actions("s1"), std::nullopt);
}

TEST_P(SessionCacheTest, SessionsAreIndependent) {
  cache_->Put("s1", 1, Copy(1));
  cache_->Put("s2", 1, Copy(2));
  cache_->Forget("s1", 2);
  EXPECT_EQ(Actions("s1"), std::nullopt);
  EXPECT_EQ(Actions("s2"), 2);
}

INSTANTIATE_TEST_SUITE_P(Caches, SessionCacheTest, ::testing::Values("memory", "redis"),
                         [](const auto& info) { return info.param; });

TEST(MemorySessionCache, EntriesExpireAfterTheirTtl) {
  FixedClock clock;
  cache::MemorySessionCache cache(clock, std::chrono::seconds(30));
  cache.Put("s1", 1, Copy(1));
  clock.now += std::chrono::seconds(29);
  EXPECT_TRUE(cache.Get("s1"));
  clock.now += std::chrono::seconds(2);
  EXPECT_FALSE(cache.Get("s1"));
}

TEST(RedisSessionCache, KeysCarryATtl) {
  testing::RedisServer redis;
  Logger log(Logger::Level::kError);
  cache::RedisSessionCache cache(cache::ParseRedisUrl(redis.Url()), log, std::chrono::seconds(30));
  cache.Put("s1", 1, Copy(1));
  auto ttl = std::stoi(redis.Cli("TTL persona:session:s1"));
  EXPECT_GT(ttl, 0);
  EXPECT_LE(ttl, 30);
}

TEST(RedisSessionCache, AnUnreachableRedisIsAnEmptyCache) {
  Logger log(Logger::Level::kError);
  cache::RedisSessionCache cache(cache::ParseRedisUrl("unix:///nonexistent/redis.sock"), log);
  cache.Put("s1", 1, Copy(1));
  EXPECT_FALSE(cache.Get("s1"));
  EXPECT_FALSE(cache.Connected());
}

TEST(RedisSessionCache, ReconnectingDropsWhatItCouldNotForget) {
  testing::RedisServer redis;
  Logger log(Logger::Level::kError);
  cache::RedisSessionCache cache(cache::ParseRedisUrl(redis.Url()), log);
  cache.Put("s1", 1, Copy(1));
  redis.Cli("CLIENT KILL TYPE normal");  // the cache's connection is gone
  cache.Forget("s1", 2);                 // fails: the old copy stays in Redis
  EXPECT_NE(redis.Cli("GET persona:session:s1").find("1|"), std::string::npos);
  EXPECT_FALSE(cache.Get("s1"));  // meanwhile the cache is empty
  // After the retry pause it reconnects and drops every key first.
  for (int i = 0; i < 30 && !cache.Connected(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  ASSERT_TRUE(cache.Connected());
  EXPECT_FALSE(cache.Get("s1"));
  EXPECT_EQ(redis.Cli("EXISTS persona:session:s1"), "0\n");
}

TEST(RedisUrl, ParsesTcpAndUnixForms) {
  auto tcp = cache::ParseRedisUrl("redis://:s3cret@127.0.0.1:6380/2");
  EXPECT_EQ(tcp.host, "127.0.0.1");
  EXPECT_EQ(tcp.port, 6380);
  EXPECT_EQ(tcp.password, "s3cret");
  EXPECT_EQ(tcp.db, 2);
  auto plain = cache::ParseRedisUrl("redis://localhost");
  EXPECT_EQ(plain.port, 6379);
  EXPECT_EQ(plain.db, 0);
  auto v6 = cache::ParseRedisUrl("redis://[::1]:6379");
  EXPECT_EQ(v6.host, "::1");
  auto unix_socket = cache::ParseRedisUrl("unix:///run/redis/redis.sock?db=3");
  EXPECT_EQ(unix_socket.socket_path, "/run/redis/redis.sock");
  EXPECT_EQ(unix_socket.db, 3);
}

TEST(RedisUrl, RefusesMalformedUrlsWithoutEchoingThePassword) {
  for (const char* bad : {"", "http://localhost", "redis://", "redis://host:99999", "redis://host/16",
                          "unix://relative.sock", "redis://:hunter2@host:port"}) {
    try {
      cache::ParseRedisUrl(bad);
      ADD_FAILURE() << bad;
    } catch (const UsageError& e) {
      EXPECT_EQ(std::string(e.what()).find("hunter2"), std::string::npos);
    }
  }
}

}  // namespace
}  // namespace persona
