#pragma once

#include <array>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>

#include "http/server.h"

namespace persona::http {

// The request metrics of /metrics: persona_http_requests_total{route,method,status_class}
// and the histogram persona_http_request_duration_seconds{route,method}, by route
// pattern, so that ids never become label values. A series is made when first needed and
// kept, so after the first request of a kind recording takes no allocation.
class RequestMetrics : public RequestObserver {
 public:
  explicit RequestMetrics(prometheus::Registry& registry);

  void OnRequest(const RequestRecord& record) override;

  // The histogram's upper bounds, in seconds.
  static const prometheus::Histogram::BucketBoundaries& Buckets();

 private:
  struct Series {
    std::array<prometheus::Counter*, 5> by_class{};  // 1xx … 5xx, made when first needed
    prometheus::Histogram* duration = nullptr;
  };
  struct Key {
    std::string route;
    boost::beast::http::verb method;
    bool operator==(const Key&) const = default;
  };
  struct KeyView {
    std::string_view route;
    boost::beast::http::verb method;
  };
  // Transparent, so a lookup needs no std::string.
  struct KeyHash {
    using is_transparent = void;
    std::size_t operator()(const KeyView& k) const noexcept;
    std::size_t operator()(const Key& k) const noexcept { return (*this)(KeyView{k.route, k.method}); }
  };
  struct KeyEqual {
    using is_transparent = void;
    template <class A, class B>
    bool operator()(const A& a, const B& b) const noexcept {
      return a.route == b.route && a.method == b.method;
    }
  };

  prometheus::Family<prometheus::Counter>& requests_;
  prometheus::Family<prometheus::Histogram>& durations_;
  std::mutex mutex_;
  std::unordered_map<Key, Series, KeyHash, KeyEqual> series_;
};

}  // namespace persona::http
