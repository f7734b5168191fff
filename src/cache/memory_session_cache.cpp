#include "cache/memory_session_cache.h"

#include <iterator>

namespace persona::cache {
namespace {

// Far more than one operator's live sessions; past it, expired entries are dropped.
constexpr std::size_t kMaxEntries = 10000;

}  // namespace

// A newer version always replaces; at the same version only a copy replaces the mark of
// a forgotten session (the copy was read after that change committed).
bool MemorySessionCache::Replaces(long long version, bool is_copy, const Entry& current) {
  if (version != current.version) return version > current.version;
  return is_copy && !current.session;
}

std::optional<app::CachedSession> MemorySessionCache::Get(const std::string& session_id) {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(session_id);
  if (it == entries_.end() || it->second.expires_at <= clock_.Now()) return std::nullopt;
  return it->second.session;
}

void MemorySessionCache::Put(const std::string& session_id, long long version, const app::CachedSession& session) {
  Store(session_id, version, session);
}

void MemorySessionCache::Forget(const std::string& session_id, long long version) {
  Store(session_id, version, std::nullopt);
}

void MemorySessionCache::Store(const std::string& session_id, long long version,
                               std::optional<app::CachedSession> session) {
  std::lock_guard lock(mutex_);
  const auto now = clock_.Now();
  auto it = entries_.find(session_id);
  if (it != entries_.end() && it->second.expires_at > now && !Replaces(version, session.has_value(), it->second))
    return;
  if (entries_.size() >= kMaxEntries) {
    for (auto e = entries_.begin(); e != entries_.end();)
      e = e->second.expires_at <= now ? entries_.erase(e) : std::next(e);
  }
  entries_[session_id] = Entry{version, std::move(session), now + ttl_};
}

}  // namespace persona::cache
