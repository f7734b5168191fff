#pragma once

#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include <prometheus/client_metric.h>
#include <prometheus/metric_family.h>
#include <prometheus/registry.h>

namespace persona {

// What GET /metrics shows (docs/metrics.md). Instruments that code updates as things
// happen — request counters, the latency histogram, job runs — live in Registry();
// figures that only need reading when asked — the pool, the process, database counts —
// are scrape callbacks. Built once by the composition root and passed by reference.
class Metrics {
 public:
  using Families = std::vector<prometheus::MetricFamily>;
  using Scrape = std::function<Families()>;

  prometheus::Registry& Registry() { return registry_; }

  // `read` runs at every scrape, on the thread serving it, so it must be thread-safe.
  // It reports what it cannot read by leaving the family out, never by throwing.
  void AddScrape(Scrape read);

  // The Prometheus text exposition format (version 0.0.4).
  std::string Render() const;

 private:
  prometheus::Registry registry_;
  mutable std::mutex mutex_;
  std::vector<Scrape> scrapes_;
};

// Building blocks for scrape callbacks.
using MetricLabels = std::vector<prometheus::ClientMetric::Label>;
prometheus::MetricFamily MetricFamilyOf(std::string name, std::string help, prometheus::MetricType type);
// Adds one sample to a gauge or counter family.
void AddSample(prometheus::MetricFamily& family, double value, MetricLabels labels = {});
// A family of one unlabelled gauge.
prometheus::MetricFamily GaugeOf(std::string name, std::string help, double value);

// The media type of Render()'s output.
inline constexpr std::string_view kMetricsContentType = "text/plain; version=0.0.4; charset=utf-8";

}  // namespace persona
