#include "storage/pg/error_counts.h"

#include <array>
#include <atomic>

namespace persona::storage {
namespace {

constexpr std::array<std::string_view, 6> kKinds = {"unavailable", "timeout",           "serialization_failure",
                                                    "deadlock",    "retries_exhausted", "commit_in_doubt"};

std::array<std::atomic<std::uint64_t>, kKinds.size()> counts{};

}  // namespace

void CountDatabaseError(DatabaseError kind) noexcept {
  counts[static_cast<std::size_t>(kind)].fetch_add(1, std::memory_order_relaxed);
}

std::vector<DatabaseErrorCount> DatabaseErrorCounts() {
  std::vector<DatabaseErrorCount> out;
  out.reserve(kKinds.size());
  for (std::size_t i = 0; i < kKinds.size(); ++i) out.push_back({kKinds[i], counts[i].load(std::memory_order_relaxed)});
  return out;
}

}  // namespace persona::storage
