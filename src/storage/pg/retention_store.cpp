#include "storage/pg/retention_store.h"

#include "core/time_format.h"
#include "storage/pg/transaction.h"

namespace persona::storage {

void PgRetentionStore::EnsurePartitions(Clock::TimePoint now, int months_ahead) {
  RunStatement(pool_, [&](pqxx::nontransaction& tx) {
    tx.exec_prepared("activity_ensure_partitions", FormatTimestamp(now).substr(0, 10), months_ahead);
  });
}

app::RetentionRun PgRetentionStore::Run(const app::RetentionCutoffs& c, bool dry_run) {
  app::RetentionRun out;
  const auto activity_cutoff = FormatTimestamp(c.activity);
  RunTransaction(pool_, [&](pqxx::work& tx) {
    out = {.dry_run = dry_run};
    // A purge of months of activity may take longer than a request's statement budget;
    // it holds nothing a request waits for (the lock below only keeps purges apart).
    tx.exec0("SET LOCAL statement_timeout = 0");
    if (!tx.exec_prepared1("retention_lock")[0].as<bool>()) return;
    out.ran = true;

    // Whole months past the cutoff go at once, unless a row in one is kept on purpose
    // (retention_until ahead): then the trim below removes the rest of it row by row.
    app::RetentionResult activity{.table = "activity_logs"};
    for (const auto& partition : tx.exec_prepared("retention_activity_partitions", activity_cutoff)) {
      const auto name = tx.quote_name(partition[0].as<std::string>());
      auto counts = tx.exec1("SELECT count(*), count(*) FILTER (WHERE retention_until > " + tx.quote(c.today) +
                             "::date) FROM " + name);
      if (counts[1].as<long long>() > 0) continue;
      activity.partitions_dropped.push_back(partition[0].as<std::string>());
      if (dry_run) continue;
      activity.rows += counts[0].as<long long>();
      tx.exec0("DROP TABLE " + name);
    }
    activity.rows =
        dry_run
            ? tx.exec_prepared1("retention_count_activity", activity_cutoff, c.today)[0].as<long long>()
            : activity.rows + tx.exec_prepared1("retention_trim_activity", activity_cutoff, c.today)[0].as<long long>();
    out.results.push_back(std::move(activity));

    for (const auto& [table, cutoff] :
         std::vector<std::pair<std::string, Clock::TimePoint>>{{"security_events", c.security_events},
                                                               {"persona_sessions", c.sessions},
                                                               {"login_attempts", c.login_attempts},
                                                               {"proxy_health_checks", c.health_checks}}) {
      auto query = std::string(dry_run ? "retention_count_" : "retention_delete_") + table;
      out.results.push_back({table, tx.exec_prepared1(query, FormatTimestamp(cutoff))[0].as<long long>()});
    }
  });
  return out;
}

}  // namespace persona::storage
