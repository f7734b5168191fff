#include "core/metrics.h"

#include <prometheus/text_serializer.h>

namespace persona {

void Metrics::AddScrape(Scrape read) {
  std::lock_guard lock(mutex_);
  scrapes_.push_back(std::move(read));
}

std::string Metrics::Render() const {
  auto families = registry_.Collect();
  {
    std::lock_guard lock(mutex_);
    for (const auto& scrape : scrapes_) {
      auto more = scrape();
      families.insert(families.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
    }
  }
  return prometheus::TextSerializer().Serialize(families);
}

prometheus::MetricFamily MetricFamilyOf(std::string name, std::string help, prometheus::MetricType type) {
  prometheus::MetricFamily family;
  family.name = std::move(name);
  family.help = std::move(help);
  family.type = type;
  return family;
}

void AddSample(prometheus::MetricFamily& family, double value, MetricLabels labels) {
  prometheus::ClientMetric sample;
  sample.label = std::move(labels);
  if (family.type == prometheus::MetricType::Counter)
    sample.counter.value = value;
  else
    sample.gauge.value = value;
  family.metric.push_back(std::move(sample));
}

prometheus::MetricFamily GaugeOf(std::string name, std::string help, double value) {
  auto family = MetricFamilyOf(std::move(name), std::move(help), prometheus::MetricType::Gauge);
  AddSample(family, value);
  return family;
}

}  // namespace persona
