#include "cache/redis_session_cache.h"

#include <hiredis/hiredis.h>

#include <charconv>
#include <csignal>
#include <regex>

#include "core/errors.h"

namespace persona::cache {
namespace {

const std::string kPrefix = "persona:session:";

// Keeps "VERSION|PAYLOAD" unless the key holds a newer version, or the same version with
// a copy (the rule of app::SessionCache). An empty payload marks a forgotten session.
constexpr const char* kVersionedSet = R"lua(
local cur = redis.call('GET', KEYS[1])
if cur then
  local sep = string.find(cur, '|', 1, true)
  local held = tonumber(string.sub(cur, 1, sep - 1))
  local new = tonumber(ARGV[1])
  if held > new then return 0 end
  if held == new and (ARGV[2] == '' or sep < #cur) then return 0 end
end
redis.call('SET', KEYS[1], ARGV[1] .. '|' .. ARGV[2], 'EX', ARGV[3])
return 1
)lua";

int ParseNumber(const std::string& text, int min, int max, const char* what) {
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc{} || end != text.data() + text.size() || value < min || value > max) {
    throw UsageError(std::string("PERSONA_REDIS_URL: the ") + what + " must be a number from " + std::to_string(min) +
                     " to " + std::to_string(max));
  }
  return value;
}

}  // namespace

RedisAddress ParseRedisUrl(const std::string& url) {
  static const std::regex kTcp(
      R"(redis://(?:([^:@/]*):([^@/]*)@)?([A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::([0-9]+))?(?:/([0-9]+))?/?)");
  static const std::regex kUnix(R"(unix://(/[^?]+)(?:\?db=([0-9]+))?)");
  RedisAddress out;
  std::smatch m;
  if (std::regex_match(url, m, kTcp)) {
    out.password = m[2].str();
    out.host = m[3].str();
    if (out.host.front() == '[') out.host = out.host.substr(1, out.host.size() - 2);
    if (m[4].matched) out.port = ParseNumber(m[4].str(), 1, 65535, "port");
    if (m[5].matched) out.db = ParseNumber(m[5].str(), 0, 15, "database number");
  } else if (std::regex_match(url, m, kUnix)) {
    out.socket_path = m[1].str();
    if (m[2].matched) out.db = ParseNumber(m[2].str(), 0, 15, "database number");
  } else {
    throw UsageError("PERSONA_REDIS_URL must be redis://[:PASSWORD@]HOST[:PORT][/DB] or unix:///PATH[?db=DB]");
  }
  return out;
}

RedisSessionCache::RedisSessionCache(RedisAddress address, Logger& log, std::chrono::seconds ttl,
                                     std::chrono::milliseconds timeout)
    : address_(std::move(address)), log_(log), ttl_(ttl), timeout_(timeout) {
  // hiredis writes with write(2): a Redis that closed the connection must not kill the
  // server with SIGPIPE (the write fails with EPIPE instead, and the cache goes empty).
  std::signal(SIGPIPE, SIG_IGN);
}

RedisSessionCache::~RedisSessionCache() {
  if (context_ != nullptr) redisFree(context_);
}

bool RedisSessionCache::Connected() {
  std::lock_guard lock(mutex_);
  return EnsureConnected();
}

void RedisSessionCache::Drop(const std::string& why) {
  if (context_ != nullptr) {
    redisFree(context_);
    context_ = nullptr;
  }
  retry_at_ = std::chrono::steady_clock::now() + std::chrono::seconds(1);
  if (!reported_down_) {
    log_.Warn("session cache: Redis unavailable; reading sessions from PostgreSQL", {{"error", why}});
    reported_down_ = true;
  }
}

bool RedisSessionCache::EnsureConnected() {
  if (context_ != nullptr) return true;
  if (std::chrono::steady_clock::now() < retry_at_) return false;
  timeval tv{static_cast<time_t>(timeout_.count() / 1000), static_cast<suseconds_t>((timeout_.count() % 1000) * 1000)};
  context_ = address_.socket_path.empty() ? redisConnectWithTimeout(address_.host.c_str(), address_.port, tv)
                                          : redisConnectUnixWithTimeout(address_.socket_path.c_str(), tv);
  if (context_ == nullptr || context_->err != 0) {
    Drop(context_ != nullptr ? context_->errstr : "cannot allocate a connection");
    return false;
  }
  redisSetTimeout(context_, tv);
  if (!address_.password.empty() && !Command({"AUTH", address_.password})) return false;
  if (address_.db != 0 && !Command({"SELECT", std::to_string(address_.db)})) return false;
  // Changes made while Redis was out of reach could not forget their sessions here.
  std::string cursor = "0";
  do {
    auto* reply = static_cast<redisReply*>(
        redisCommand(context_, "SCAN %s MATCH %s* COUNT 1000", cursor.c_str(), kPrefix.c_str()));
    if (reply == nullptr || reply->type != REDIS_REPLY_ARRAY || reply->elements != 2) {
      if (reply != nullptr) freeReplyObject(reply);
      Drop("SCAN failed");
      return false;
    }
    cursor.assign(reply->element[0]->str, reply->element[0]->len);
    std::vector<std::string> del{"UNLINK"};
    for (size_t i = 0; i < reply->element[1]->elements; ++i) {
      del.emplace_back(reply->element[1]->element[i]->str, reply->element[1]->element[i]->len);
    }
    freeReplyObject(reply);
    if (del.size() > 1 && !Command(del)) return false;
  } while (cursor != "0");
  if (reported_down_) log_.Info("session cache: Redis reachable again");
  reported_down_ = false;
  return true;
}

std::optional<std::string> RedisSessionCache::Command(const std::vector<std::string>& args) {
  std::vector<const char*> argv;
  std::vector<size_t> lengths;
  for (const auto& a : args) {
    argv.push_back(a.data());
    lengths.push_back(a.size());
  }
  auto* reply =
      static_cast<redisReply*>(redisCommandArgv(context_, static_cast<int>(argv.size()), argv.data(), lengths.data()));
  if (reply == nullptr) {
    Drop(context_->errstr);
    return std::nullopt;
  }
  std::optional<std::string> out;
  switch (reply->type) {
    case REDIS_REPLY_STRING:
    case REDIS_REPLY_STATUS:
      out.emplace(reply->str, reply->len);
      break;
    case REDIS_REPLY_INTEGER:
      out = std::to_string(reply->integer);
      break;
    case REDIS_REPLY_NIL:
    case REDIS_REPLY_ARRAY:
      out.emplace();
      break;
    default:  // an error reply: the server answers, but not as it should (wrong password, …)
      break;
  }
  freeReplyObject(reply);
  if (!out) Drop("Redis answered with an error");
  return out;
}

std::optional<app::CachedSession> RedisSessionCache::Get(const std::string& session_id) {
  std::lock_guard lock(mutex_);
  if (!EnsureConnected()) return std::nullopt;
  auto value = Command({"GET", kPrefix + session_id});
  if (!value) return std::nullopt;
  auto sep = value->find('|');
  if (sep == std::string::npos || sep + 1 == value->size()) return std::nullopt;
  auto doc = nlohmann::json::parse(value->substr(sep + 1), nullptr, false);
  if (!doc.is_object() || !doc.contains("user_id") || !doc["user_id"].is_string() || !doc.contains("session")) {
    return std::nullopt;
  }
  return app::CachedSession{doc["user_id"].get<std::string>(), doc["session"]};
}

void RedisSessionCache::Put(const std::string& session_id, long long version, const app::CachedSession& session) {
  Store(session_id, version, nlohmann::json{{"user_id", session.user_id}, {"session", session.session}}.dump());
}

void RedisSessionCache::Forget(const std::string& session_id, long long version) { Store(session_id, version, ""); }

void RedisSessionCache::Store(const std::string& session_id, long long version, const std::string& payload) {
  std::lock_guard lock(mutex_);
  if (!EnsureConnected()) return;
  Command({"EVAL", kVersionedSet, "1", kPrefix + session_id, std::to_string(version), payload,
           std::to_string(ttl_.count())});
}

}  // namespace persona::cache
