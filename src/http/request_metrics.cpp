#include "http/request_metrics.h"

#include <algorithm>
#include <functional>

namespace persona::http {
namespace {

namespace bhttp = boost::beast::http;

constexpr std::array<std::string_view, 5> kStatusClasses = {"1xx", "2xx", "3xx", "4xx", "5xx"};

std::string MethodLabel(bhttp::verb method) {
  // Beast knows a fixed set of methods; anything else is one label value, not many.
  return method == bhttp::verb::unknown ? "other" : std::string(bhttp::to_string(method));
}

}  // namespace

const prometheus::Histogram::BucketBoundaries& RequestMetrics::Buckets() {
  // Prometheus's default buckets, with 1 ms and 2.5 ms below them: most answers here
  // take a few milliseconds, and the defaults start at 5 ms.
  static const prometheus::Histogram::BucketBoundaries kBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1,
                                                                   0.25,  0.5,    1,     2.5,  5,     10};
  return kBuckets;
}

std::size_t RequestMetrics::KeyHash::operator()(const KeyView& k) const noexcept {
  return std::hash<std::string_view>{}(k.route) * 31 + static_cast<std::size_t>(k.method);
}

RequestMetrics::RequestMetrics(prometheus::Registry& registry)
    : requests_(prometheus::BuildCounter()
                    .Name("persona_http_requests_total")
                    .Help("HTTP requests answered, by route pattern, method and status class.")
                    .Register(registry)),
      durations_(prometheus::BuildHistogram()
                     .Name("persona_http_request_duration_seconds")
                     .Help("Time from a request's first byte to its answer (for a streamed answer, its end), by "
                           "route pattern and method.")
                     .Register(registry)) {}

void RequestMetrics::OnRequest(const RequestRecord& record) {
  const std::size_t status_class = std::clamp<std::size_t>(record.status / 100, 1, 5) - 1;
  prometheus::Counter* counter;
  prometheus::Histogram* histogram;
  {
    std::lock_guard lock(mutex_);
    auto it = series_.find(KeyView{record.route, record.method});
    if (it == series_.end()) {
      prometheus::Labels labels = {{"route", std::string(record.route)}, {"method", MethodLabel(record.method)}};
      Series series;
      series.duration = &durations_.Add(labels, Buckets());
      it = series_.emplace(Key{std::string(record.route), record.method}, series).first;
    }
    auto& slot = it->second.by_class[status_class];
    if (!slot) {
      slot = &requests_.Add({{"route", std::string(record.route)},
                             {"method", MethodLabel(record.method)},
                             {"status_class", std::string(kStatusClasses[status_class])}});
    }
    counter = slot;
    histogram = it->second.duration;
  }
  // Both are thread-safe by themselves; outside the lock, requests contend on them only.
  counter->Increment();
  histogram->Observe(std::chrono::duration<double>(record.duration).count());
}

}  // namespace persona::http
