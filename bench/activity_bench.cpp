// GET /api/v1/activity over real HTTP against 5 million activity rows (issue 5: median
// under 20 ms). Builds a scratch data directory with the embedded PostgreSQL, fills it
// with one user's log — 10 personas, 11 action types, 4 platforms, spread over 90 days
// (`PERSONA_BENCH_ACTIVITY_ROWS` changes the count) — serves the real API on
// 127.0.0.1:0 and times one page of each kind of query, printing the query plans first.
//
//   build-bench/activity_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <thread>

#include <benchmark/benchmark.h>
#include <boost/asio.hpp>
#include <boost/beast.hpp>
#include <pqxx/pqxx>

#include "cli/schema.h"
#include "cli/server_metrics.h"
#include "cli/services.h"
#include "core/random.h"
#include "core/time_format.h"
#include "crypto/key_store.h"
#include "http/api.h"
#include "http/server.h"
#include "storage/pg/database.h"

namespace persona {
namespace {

namespace beast = boost::beast;
namespace bhttp = beast::http;

struct Fixture {
  Fixture() : log(Logger::Level::kError) {
    dir = std::filesystem::temp_directory_path() / ("persona-activity-bench-" + RandomHex(4));
    config.data_dir = dir;
    db.emplace(config, storage::Database::Role::kServer, "bench", log);
    cli::PrepareSchema(config, db->ConnectionString(), log);
    {
      // Monthly partitions for the 90 days of generated rows, before any row is written
      // (a month cannot get its partition once the DEFAULT one holds rows of it).
      pqxx::connection conn(db->ConnectionString());
      pqxx::nontransaction(conn).exec(
          "SELECT persona_ensure_activity_partitions((now() - interval '4 months')::date, 6)");
    }
    pool.emplace(db->ConnectionString(), 8);
    keys.emplace(config.KeyFile(), std::nullopt);
    cipher.emplace(*keys);
    hasher.emplace(crypto::Argon2Params{1024, 1, 1});
    services.emplace(*pool, *cipher, *hasher, clock, [](const app::ProxyEndpoint&) { return app::ProbeOutcome{}; });
    user = services->users.Add("bench@example.com", "correct horse battery", "enterprise");
    token = services->auth.CreateToken(user, "bench", {}).token;
    Fill();
    // Recording metrics as `serve` does, so the timings include it.
    metrics.emplace(*pool, clock);
    http::BuildApi(router, services->Api([] { return http::Readiness{}; }, metrics->metrics));
    http::ServerOptions options;
    options.port = 0;
    options.worker_threads = 4;
    server.emplace(options, router, log, &metrics->requests);
    endpoint = server->Listen();
    thread = std::thread([this] { server->Run(); });
  }
  ~Fixture() {
    server->RequestShutdown();
    thread.join();
    server.reset();
    metrics.reset();
    services.reset();
    pool.reset();
    db.reset();
    std::filesystem::remove_all(dir);
  }

  void Fill() {
    long long rows = 5'000'000;
    if (const char* env = std::getenv("PERSONA_BENCH_ACTIVITY_ROWS")) rows = std::atoll(env);
    pqxx::connection conn(db->ConnectionString());
    pqxx::nontransaction tx(conn);
    for (int i = 0; i < 10; ++i) {
      personas.push_back(
          tx.exec_params1(
                "INSERT INTO personas (user_id, name, demographics, personality, primary_location, timezone, "
                "activity_schedule, content_themes, engagement_style) VALUES ($1::uuid, $2, '{}', '{}', 'Manila', "
                "'Asia/Manila', '{}', '{}', '{}') RETURNING id::text",
                user, "P" + std::to_string(i))[0]
              .as<std::string>());
    }
    auto started = std::chrono::steady_clock::now();
    tx.exec_params0(
        "INSERT INTO activity_logs (user_id, persona_id, activity_type, platform_type, activity_data, ip_address, "
        "risk_level, anomaly_score, gdpr_category, source, created_at) "
        "SELECT $1::uuid, (SELECT array_agg(id) FROM personas WHERE user_id = $1::uuid)[1 + n % 10], "
        "(ARRAY['comment','like','follow','unfollow','share','reply','direct_message','story_view',"
        "'profile_visit','save','other'])[1 + (n / 10) % 11], "
        "(ARRAY['twitter','instagram','tiktok','linkedin'])[1 + (n / 7) % 4], "
        "jsonb_build_object('n', n), '127.0.0.1', 'low', 0, 'functional', 'manual', "
        "now() - (n::double precision / $2) * interval '90 days' "
        "FROM generate_series(1, $2) n",
        user, rows);
    tx.exec0("VACUUM ANALYZE activity_logs");
    auto seconds = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - started).count();
    std::cout << "filled " << rows << " activity rows in " << seconds << " s\n";
  }

  void Explain(const std::string& label, const std::string& filters) {
    pqxx::connection conn(db->ConnectionString());
    pqxx::nontransaction tx(conn);
    std::cout << "\n-- plan: " << label << "\n";
    auto plan = tx.exec(
        "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT l.id, l.created_at FROM activity_logs l "
        "WHERE l.user_id = '" +
        user + "' " + filters + " ORDER BY l.created_at DESC, l.id DESC LIMIT 51");
    for (const auto& row : plan) std::cout << "   " << row[0].c_str() << "\n";
  }

  Logger log;
  std::filesystem::path dir;
  Config config;
  std::optional<storage::Database> db;
  std::optional<storage::ConnectionPool> pool;
  std::optional<crypto::KeyStore> keys;
  std::optional<crypto::FieldCipher> cipher;
  std::optional<crypto::PasswordHasher> hasher;
  SystemClock clock;
  std::optional<cli::Services> services;
  std::optional<cli::ServerMetrics> metrics;
  http::Router router;
  std::optional<http::Server> server;
  boost::asio::ip::tcp::endpoint endpoint;
  std::thread thread;
  std::string user, token;
  std::vector<std::string> personas;
};

Fixture& Shared() {
  static Fixture fixture;
  return fixture;
}

// One GET over a kept-alive connection; returns the body size.
std::size_t Get(beast::tcp_stream& stream, const std::string& target, const std::string& token) {
  bhttp::request<bhttp::empty_body> req{bhttp::verb::get, target, 11};
  req.set(bhttp::field::host, "127.0.0.1");
  req.set(bhttp::field::authorization, "Bearer " + token);
  bhttp::write(stream, req);
  beast::flat_buffer buffer;
  bhttp::response<bhttp::string_body> res;
  bhttp::read(stream, buffer, res);
  if (res.result_int() != 200)
    throw std::runtime_error("GET " + target + " answered " + std::to_string(res.result_int()));
  return res.body().size();
}

void RunQuery(benchmark::State& state, const std::function<std::string(Fixture&)>& target_of) {
  auto& f = Shared();
  boost::asio::io_context io;
  beast::tcp_stream stream(io);
  stream.connect(f.endpoint);
  auto target = target_of(f);
  std::size_t bytes = 0;
  for (auto _ : state) bytes += Get(stream, target, f.token);
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}

void BM_ActivityNewestPage(benchmark::State& state) {
  RunQuery(state, [](Fixture&) { return "/api/v1/activity"; });
}
BENCHMARK(BM_ActivityNewestPage)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_ActivityByPersona(benchmark::State& state) {
  RunQuery(state, [](Fixture& f) { return "/api/v1/activity?persona_id=" + f.personas[3]; });
}
BENCHMARK(BM_ActivityByPersona)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_ActivityByTypeAndPlatform(benchmark::State& state) {
  RunQuery(state, [](Fixture&) { return "/api/v1/activity?activity_type=follow&platform_type=tiktok"; });
}
BENCHMARK(BM_ActivityByTypeAndPlatform)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_ActivityWeekAMonthAgo(benchmark::State& state) {
  RunQuery(state, [](Fixture& f) {
    auto now = f.clock.Now();
    auto from = FormatTimestamp(now - std::chrono::hours(24 * 37));
    auto to = FormatTimestamp(now - std::chrono::hours(24 * 30));
    return "/api/v1/activity?from=" + from + "&to=" + to;
  });
}
BENCHMARK(BM_ActivityWeekAMonthAgo)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_ActivityPersonaTypeSixtyDaysBack(benchmark::State& state) {
  RunQuery(state, [](Fixture& f) {
    auto to = FormatTimestamp(f.clock.Now() - std::chrono::hours(24 * 60));
    return "/api/v1/activity?persona_id=" + f.personas[7] + "&activity_type=share&to=" + to;
  });
}
BENCHMARK(BM_ActivityPersonaTypeSixtyDaysBack)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace persona

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  auto& f = persona::Shared();
  f.Explain("newest page", "");
  f.Explain("by persona", "AND l.persona_id = '" + f.personas[3] + "'");
  f.Explain("by type and platform", "AND l.activity_type = 'follow' AND l.platform_type = 'tiktok'");
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
