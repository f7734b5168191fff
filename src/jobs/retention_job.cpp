#include "jobs/retention_job.h"

namespace persona::jobs {

RetentionJob::RetentionJob(app::RetentionService& retention, Logger& log, JobObserver* observer)
    : job_(
          "retention", std::chrono::minutes(1), std::chrono::hours(24),
          [&retention, &log] {
            auto run = retention.Run(false);
            if (!run.ran) return;  // another server did it
            nlohmann::json removed = nlohmann::json::object();
            for (const auto& r : run.results) removed[r.table] = r.rows;
            log.Info("retention run done", {{"removed", removed}});
          },
          log, observer) {}

}  // namespace persona::jobs
