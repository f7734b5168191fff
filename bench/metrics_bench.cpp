// What the request metrics of /metrics cost (docs/metrics.md): recording one answered
// request into series that exist (one thread, and two at once), the same against a
// whole keep-alive round trip of GET /healthz over loopback with and without recording,
// and rendering a scrape of a busy server's request series.
//
//   build/metrics_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
#include <array>
#include <string>
#include <thread>
#include <vector>

#include <benchmark/benchmark.h>
#include <boost/asio.hpp>
#include <boost/beast.hpp>

#include "core/log.h"
#include "core/metrics.h"
#include "http/request_metrics.h"
#include "http/router.h"
#include "http/server.h"

namespace persona {
namespace {

namespace beast = boost::beast;
namespace bhttp = beast::http;

const std::array<std::string, 8> kRoutes = {"/api/v1/personas",
                                            "/api/v1/personas/{id}",
                                            "/api/v1/sessions/{id}",
                                            "/api/v1/activity",
                                            "/api/v1/posts/{id}/status",
                                            "/api/v1/dashboard",
                                            "/healthz",
                                            "/metrics"};

void BM_RecordRequest(benchmark::State& state) {
  // Shared by the threads of a run, as the server's one RequestMetrics is.
  static Metrics metrics;
  static http::RequestMetrics requests(metrics.Registry());
  std::size_t i = static_cast<std::size_t>(state.thread_index());
  for (auto _ : state) {
    const auto& route = kRoutes[i++ % kRoutes.size()];
    requests.OnRequest({bhttp::verb::get, route, 200, std::chrono::microseconds(1500)});
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_RecordRequest)->Threads(1)->Threads(2)->UseRealTime();

// GET /healthz on one keep-alive connection; Arg(1) records each request's metrics.
void BM_HealthzRoundTrip(benchmark::State& state) {
  Logger log(Logger::Level::kError);
  http::Router router;
  router.Add(
      bhttp::verb::get, "/healthz",
      [](http::Request&) {
        return http::JsonResponse(200, {{"status", "ok"}});
      },
      http::RouteOptions{.blocking = false, .public_route = true});
  Metrics metrics;
  http::RequestMetrics requests(metrics.Registry());
  http::Server server(http::ServerOptions{.port = 0}, router, log, state.range(0) ? &requests : nullptr);
  auto endpoint = server.Listen();
  std::thread runner([&] { server.Run(); });

  {
    boost::asio::io_context ioc;
    beast::tcp_stream stream(ioc);
    stream.connect(endpoint);
    beast::flat_buffer buffer;
    bhttp::request<bhttp::empty_body> req{bhttp::verb::get, "/healthz", 11};
    req.set(bhttp::field::host, "127.0.0.1");
    for (auto _ : state) {
      bhttp::write(stream, req);
      bhttp::response<bhttp::string_body> res;
      bhttp::read(stream, buffer, res);
      if (res.result_int() != 200) state.SkipWithError("not 200");
    }
  }
  server.RequestShutdown();
  runner.join();
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_HealthzRoundTrip)->Arg(0)->Arg(1)->UseRealTime();

// A scrape of the request series alone: 80 routes, two methods and two status classes each.
void BM_RenderRequestSeries(benchmark::State& state) {
  Metrics metrics;
  http::RequestMetrics requests(metrics.Registry());
  std::vector<std::string> routes;
  for (int r = 0; r < 80; ++r) routes.push_back("/api/v1/resource" + std::to_string(r) + "/{id}");
  for (const auto& route : routes) {
    for (auto method : {bhttp::verb::get, bhttp::verb::post}) {
      for (unsigned status : {200u, 404u}) requests.OnRequest({method, route, status, std::chrono::milliseconds(3)});
    }
  }
  std::size_t bytes = 0;
  for (auto _ : state) {
    auto text = metrics.Render();
    bytes = text.size();
    benchmark::DoNotOptimize(text);
  }
  state.counters["bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_RenderRequestSeries)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace persona

BENCHMARK_MAIN();
