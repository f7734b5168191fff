#include "cli/server_metrics.h"

#include "core/build_info.h"
#include "core/errors.h"
#include "core/process_stats.h"
#include "core/version.h"
#include "storage/pg/error_counts.h"
#include "storage/pg/server_figures.h"

namespace persona::cli {
namespace {

using prometheus::MetricType;

Metrics::Families PoolFamilies(storage::ConnectionPool& pool) {
  auto stats = pool.Stats();
  return {GaugeOf("persona_database_pool_connections_max", "Connections the database pool may open.",
                  static_cast<double>(stats.size)),
          GaugeOf("persona_database_pool_connections_open", "Connections the database pool has open, idle or in use.",
                  static_cast<double>(stats.open)),
          GaugeOf("persona_database_pool_connections_in_use",
                  "Connections of the database pool in use by a request "
                  "or a job.",
                  static_cast<double>(stats.in_use)),
          GaugeOf("persona_database_pool_waiting", "Threads waiting for a free connection of the database pool.",
                  static_cast<double>(stats.waiting))};
}

Metrics::Families DatabaseErrorFamilies() {
  auto family = MetricFamilyOf("persona_database_errors_total",
                               "Database errors met, by kind (serialization failures and deadlocks are retried).",
                               MetricType::Counter);
  for (const auto& [kind, count] : storage::DatabaseErrorCounts()) {
    AddSample(family, static_cast<double>(count), {{"kind", std::string(kind)}});
  }
  return {std::move(family)};
}

// The one figure that asks the database: absent, with persona_database_up 0, when the
// database does not answer — a scrape must work most of all when the database does not.
Metrics::Families SessionFamilies(storage::ConnectionPool& pool) {
  Metrics::Families out;
  double up = 1;
  try {
    out.push_back(GaugeOf("persona_sessions_live", "Work sessions that are live (starting, active or idle).",
                          static_cast<double>(storage::CountLiveSessions(pool))));
  } catch (const DatabaseUnavailable&) {
    up = 0;
  }
  out.push_back(GaugeOf("persona_database_up", "1 when the database answered this scrape's query, else 0.", up));
  return out;
}

// The standard process_* names of Prometheus client libraries.
Metrics::Families ProcessFamilies() {
  auto stats = ReadProcessStats();
  Metrics::Families out;
  auto add = [&](const char* name, const char* help, MetricType type, const std::optional<double>& value) {
    if (!value) return;
    auto family = MetricFamilyOf(name, help, type);
    AddSample(family, *value);
    out.push_back(std::move(family));
  };
  add("process_cpu_seconds_total", "User and system CPU time spent, in seconds.", MetricType::Counter,
      stats.cpu_seconds);
  add("process_resident_memory_bytes", "Resident memory size in bytes.", MetricType::Gauge,
      stats.resident_memory_bytes);
  add("process_virtual_memory_bytes", "Virtual memory size in bytes.", MetricType::Gauge, stats.virtual_memory_bytes);
  add("process_open_fds", "Open file descriptors.", MetricType::Gauge, stats.open_fds);
  add("process_max_fds", "The limit of open file descriptors.", MetricType::Gauge, stats.max_fds);
  add("process_start_time_seconds", "Start time of the process since the Unix epoch, in seconds.", MetricType::Gauge,
      stats.start_time_seconds);
  return out;
}

Metrics::Families BuildFamilies() {
  auto family = MetricFamilyOf("persona_build_info", "Always 1; the labels name the running build.", MetricType::Gauge);
  AddSample(family, 1, {{"commit", std::string(BuildCommit())}, {"version", kAppVersion}});
  return {std::move(family)};
}

}  // namespace

ServerMetrics::ServerMetrics(storage::ConnectionPool& pool, const Clock& clock)
    : requests(metrics.Registry()), jobs(metrics.Registry(), clock) {
  // The one query first: the pool's figures then include the connection it holds, and
  // the error counts a failure of its own.
  metrics.AddScrape([&pool] { return SessionFamilies(pool); });
  metrics.AddScrape([&pool] { return PoolFamilies(pool); });
  metrics.AddScrape(DatabaseErrorFamilies);
  metrics.AddScrape(ProcessFamilies);
  metrics.AddScrape(BuildFamilies);
}

}  // namespace persona::cli
