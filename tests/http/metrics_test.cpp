// GET /metrics on the real server: who may read it, what it counts, and that Prometheus's
// own promtool accepts the output.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <thread>

#include "core/errors.h"
#include "core/version.h"
#include "jobs/periodic_job.h"
#include "jobs/session_sweeper.h"
#include "storage/pg/pool.h"
#include "storage/pg/server_figures.h"
#include "storage/pg/transaction.h"
#include "support/api_fixture.h"

namespace persona {
namespace {

using boost::beast::http::verb;
using ::testing::HasSubstr;
using Labels = std::map<std::string, std::string>;

struct Sample {
  std::string name;
  Labels labels;
  double value = 0;
};

// The samples of a text exposition (what promtool checks; this only reads it back).
std::vector<Sample> ParseSamples(const std::string& text) {
  std::vector<Sample> out;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    if (line.empty() || line[0] == '#') continue;
    Sample s;
    std::size_t i = line.find_first_of("{ ");
    s.name = line.substr(0, i);
    if (i < line.size() && line[i] == '{') {
      ++i;
      while (line[i] != '}') {
        auto eq = line.find('=', i);
        std::string key = line.substr(i, eq - i);
        std::string value;
        for (i = eq + 2; line[i] != '"'; ++i) {
          if (line[i] == '\\') ++i;
          value += line[i];
        }
        s.labels[key] = value;
        ++i;
        if (line[i] == ',') ++i;
      }
      ++i;
    }
    s.value = std::stod(line.substr(i + 1));
    out.push_back(std::move(s));
  }
  return out;
}

class MetricsApi : public testing::ApiFixture {
 protected:
  void SetUp() override {
    ApiFixture::SetUp();
    user_ = CreateUser("ana@example.com");
    cookie_ = *Login("ana@example.com");
  }

  std::string Scrape() {
    auto res = Call(verb::get, "/metrics");
    EXPECT_EQ(res.status, 200u) << res.body;
    return res.body;
  }
  // The value of the one sample with this name and (at least) these labels; nullopt when
  // there is none, a failure when there are several.
  static std::optional<double> Value(const std::string& text, const std::string& name, const Labels& labels = {}) {
    std::optional<double> found;
    for (const auto& s : ParseSamples(text)) {
      if (s.name != name) continue;
      bool match = std::all_of(labels.begin(), labels.end(), [&](const auto& kv) {
        auto it = s.labels.find(kv.first);
        return it != s.labels.end() && it->second == kv.second;
      });
      if (!match) continue;
      EXPECT_FALSE(found) << "several samples of " << name;
      found = s.value;
    }
    return found;
  }
  double ValueOr0(const std::string& text, const std::string& name, const Labels& labels = {}) {
    return Value(text, name, labels).value_or(0);
  }
  std::string NewToken() {
    auto res = AsBrowser(verb::post, "/api/v1/me/tokens", cookie_, R"({"name":"prometheus"})");
    EXPECT_EQ(res.status, 201u) << res.body;
    return res.Json()["token"].get<std::string>();
  }
  std::string CreatePersona() {
    auto res = AsBrowser(verb::post, "/api/v1/personas", cookie_, PersonaBody("Maria").dump());
    EXPECT_EQ(res.status, 201u) << res.body;
    return res.Json()["id"].get<std::string>();
  }

  std::string user_, cookie_;
};

TEST_F(MetricsApi, ALoopbackClientReadsThemWithoutCredentials) {
  auto res = Call(verb::get, "/metrics");
  ASSERT_EQ(res.status, 200u) << res.body;
  EXPECT_EQ(res.Header("Content-Type"), "text/plain; version=0.0.4; charset=utf-8");
  EXPECT_EQ(res.Header("Cache-Control"), "no-store");
  EXPECT_THAT(res.body, HasSubstr("# TYPE persona_http_requests_total counter\n"));
  EXPECT_THAT(res.body, HasSubstr("# TYPE persona_http_request_duration_seconds histogram\n"));
  // A session cookie is no credential here, but from loopback none is needed.
  EXPECT_EQ(Call(verb::get, "/metrics", "", {{"Cookie", cookie_}}).status, 200u);
  auto head = Call(verb::head, "/metrics");
  EXPECT_EQ(head.status, 200u);
  EXPECT_TRUE(head.body.empty());
}

TEST_F(MetricsApi, ThroughAProxyOnlyAValidApiTokenReadsThem) {
  // A reverse proxy on this host makes every client look local; its forwarding headers
  // are what tells them apart.
  for (const testing::Headers& forwarded :
       {testing::Headers{{"X-Forwarded-For", "203.0.113.9"}}, testing::Headers{{"Forwarded", "for=203.0.113.9"}},
        testing::Headers{{"X-Real-IP", "203.0.113.9"}}}) {
    auto res = Call(verb::get, "/metrics", "", forwarded);
    EXPECT_EQ(res.status, 401u) << forwarded[0].first;
    EXPECT_EQ(res.Header("Content-Type"), "application/problem+json");
    EXPECT_EQ(res.Header("WWW-Authenticate"), "Bearer");
    EXPECT_THAT(res.Json()["detail"].get<std::string>(), HasSubstr("loopback clients and API tokens only"));
    auto with_cookie = forwarded;
    with_cookie.emplace_back("Cookie", cookie_);
    EXPECT_EQ(Call(verb::get, "/metrics", "", with_cookie).status, 401u) << "a session is not an API token";
  }
  const auto token = NewToken();
  auto ok = Call(verb::get, "/metrics", "", {{"X-Forwarded-For", "203.0.113.9"}, {"Authorization", "Bearer " + token}});
  EXPECT_EQ(ok.status, 200u) << ok.body;
  EXPECT_THAT(ok.body, HasSubstr("persona_build_info{"));
}

TEST_F(MetricsApi, ATokenThatIsSentMustBeValidEvenFromLoopback) {
  for (const std::string& authorization :
       {std::string("Bearer pst_forged"), std::string("Basic eDp5"), std::string("Bearer ")}) {
    auto res = Call(verb::get, "/metrics", "", {{"Authorization", authorization}});
    EXPECT_EQ(res.status, 401u) << authorization;
    EXPECT_EQ(res.Header("Content-Type"), "application/problem+json");
  }
  const auto token = NewToken();
  EXPECT_EQ(Call(verb::get, "/metrics", "", {{"Authorization", "Bearer " + token}}).status, 200u);
  // A revoked token is no longer valid.
  auto tokens = AsBrowser(verb::get, "/api/v1/me/tokens", cookie_).Json();
  const auto token_id = tokens["items"][0]["id"].get<std::string>();
  ASSERT_EQ(AsBrowser(verb::delete_, "/api/v1/me/tokens/" + token_id, cookie_).status, 204u);
  EXPECT_EQ(Call(verb::get, "/metrics", "", {{"Authorization", "Bearer " + token}}).status, 401u);
}

TEST_F(MetricsApi, RequestsAreCountedByRoutePatternNeverByPath) {
  const auto persona = CreatePersona();
  const Labels get_persona = {{"route", "/api/v1/personas/{id}"}, {"method", "GET"}};
  auto ok = get_persona;
  ok["status_class"] = "2xx";
  auto not_found = get_persona;
  not_found["status_class"] = "4xx";

  const auto before = Scrape();
  for (int i = 0; i < 3; ++i) ASSERT_EQ(AsBrowser(verb::get, "/api/v1/personas/" + persona, cookie_).status, 200u);
  ASSERT_EQ(AsBrowser(verb::get, "/api/v1/personas/00000000-0000-0000-0000-000000000000", cookie_).status, 404u);
  ASSERT_EQ(Call(verb::get, "/api/v1/no-such-thing").status, 404u);
  const auto after = Scrape();

  EXPECT_EQ(ValueOr0(after, "persona_http_requests_total", ok) - ValueOr0(before, "persona_http_requests_total", ok),
            3);
  EXPECT_EQ(ValueOr0(after, "persona_http_requests_total", not_found) -
                ValueOr0(before, "persona_http_requests_total", not_found),
            1);
  const Labels unmatched = {{"route", "unmatched"}, {"method", "GET"}, {"status_class", "4xx"}};
  EXPECT_EQ(ValueOr0(after, "persona_http_requests_total", unmatched) -
                ValueOr0(before, "persona_http_requests_total", unmatched),
            1);
  // The scrape before counts itself once answered.
  EXPECT_GE(ValueOr0(after, "persona_http_requests_total", {{"route", "/metrics"}, {"status_class", "2xx"}}), 1);
  // No path with an id, nor any other raw path, became a label value.
  for (const auto& s : ParseSamples(after)) {
    if (!s.labels.count("route")) continue;
    const auto& route = s.labels.at("route");
    EXPECT_EQ(route.find(persona), std::string::npos) << route;
    EXPECT_EQ(route.find("no-such-thing"), std::string::npos) << route;
    bool pattern = false;
    for (const auto& r : router_.Routes()) pattern = pattern || r.pattern == route;
    EXPECT_TRUE(pattern || route == "unmatched" || route == "web_ui") << route;
  }
}

TEST_F(MetricsApi, TheWebUiIsOneRouteLabel) {
  auto index = Call(verb::get, "/");
  auto deep = Call(verb::get, "/personas/some-client-side-route");
  auto text = Scrape();
  const Labels web = {{"route", "web_ui"}, {"method", "GET"}, {"status_class", "2xx"}};
  if (index.status == 200u) {
    EXPECT_EQ(deep.status, 200u);
    EXPECT_EQ(ValueOr0(text, "persona_http_requests_total", web), 2);
  } else {
    // Built without the UI (PERSONA_WEB=OFF): nothing answers, and the 404s are unmatched.
    EXPECT_EQ(ValueOr0(text, "persona_http_requests_total", web), 0);
    EXPECT_EQ(ValueOr0(text, "persona_http_requests_total", {{"route", "unmatched"}, {"status_class", "4xx"}}), 2);
  }
}

TEST_F(MetricsApi, TheLatencyHistogramHasEveryBucketAndAgreesWithTheCounter) {
  for (int i = 0; i < 5; ++i) ASSERT_EQ(Call(verb::get, "/healthz").status, 200u);
  const auto text = Scrape();
  const Labels healthz = {{"route", "/healthz"}, {"method", "GET"}};
  std::vector<std::pair<std::string, double>> buckets;
  for (const auto& s : ParseSamples(text)) {
    if (s.name == "persona_http_request_duration_seconds_bucket" && s.labels.at("route") == "/healthz" &&
        s.labels.at("method") == "GET") {
      buckets.emplace_back(s.labels.at("le"), s.value);
    }
  }
  const std::vector<std::string> expected_le = {"0.001", "0.0025", "0.005", "0.01", "0.025", "0.05", "0.1",
                                                "0.25",  "0.5",    "1",     "2.5",  "5",     "10",   "+Inf"};
  ASSERT_EQ(buckets.size(), expected_le.size());
  for (std::size_t i = 0; i < buckets.size(); ++i) {
    EXPECT_EQ(buckets[i].first, expected_le[i]);
    if (i > 0) {
      EXPECT_GE(buckets[i].second, buckets[i - 1].second) << "buckets are cumulative";
    }
  }
  EXPECT_EQ(buckets.back().second, 5);
  EXPECT_EQ(Value(text, "persona_http_request_duration_seconds_count", healthz), 5);
  auto ok = healthz;
  ok["status_class"] = "2xx";
  EXPECT_EQ(Value(text, "persona_http_requests_total", ok), 5);
  auto sum = Value(text, "persona_http_request_duration_seconds_sum", healthz);
  ASSERT_TRUE(sum);
  EXPECT_GT(*sum, 0);
  EXPECT_LT(*sum, 5 * 10.0) << "five loopback answers of /healthz take less than the top bucket each";
}

TEST_F(MetricsApi, ThePoolFiguresAreThePools) {
  const auto text = Scrape();
  // The fixture's pool has 4 connections; the scrape itself holds one while it runs.
  EXPECT_EQ(Value(text, "persona_database_pool_connections_max"), 4);
  auto open = Value(text, "persona_database_pool_connections_open");
  auto in_use = Value(text, "persona_database_pool_connections_in_use");
  ASSERT_TRUE(open && in_use);
  EXPECT_GE(*in_use, 1);
  EXPECT_LE(*in_use, *open);
  EXPECT_LE(*open, 4);
  EXPECT_EQ(Value(text, "persona_database_pool_waiting"), 0);
}

TEST_F(MetricsApi, LiveSessionsAreCountedUntilTheyEnd) {
  EXPECT_EQ(Value(Scrape(), "persona_sessions_live"), 0);
  const auto persona = CreatePersona();
  auto started = AsBrowser(verb::post, "/api/v1/personas/" + persona + "/sessions", cookie_, "{}");
  ASSERT_EQ(started.status, 201u) << started.body;
  const auto text = Scrape();
  EXPECT_EQ(Value(text, "persona_sessions_live"), 1);
  EXPECT_EQ(Value(text, "persona_database_up"), 1);
  const auto id = started.Json()["id"].get<std::string>();
  ASSERT_EQ(AsBrowser(verb::post, "/api/v1/sessions/" + id + "/end", cookie_).status, 200u);
  EXPECT_EQ(Value(Scrape(), "persona_sessions_live"), 0);
}

TEST_F(MetricsApi, ProcessFiguresDescribeThisProcess) {
  const auto text = Scrape();
  auto rss = Value(text, "process_resident_memory_bytes");
  auto vsz = Value(text, "process_virtual_memory_bytes");
  auto cpu = Value(text, "process_cpu_seconds_total");
  auto fds = Value(text, "process_open_fds");
  auto max_fds = Value(text, "process_max_fds");
  auto start = Value(text, "process_start_time_seconds");
  ASSERT_TRUE(rss && vsz && cpu && fds && max_fds && start);
  EXPECT_GT(*rss, 1 << 20);
  EXPECT_GE(*vsz, *rss);
  EXPECT_GT(*cpu, 0);
  // At least stdin/out/err, the listener and a database connection.
  EXPECT_GE(*fds, 5);
  EXPECT_LE(*fds, *max_fds);
  std::size_t here = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator("/proc/self/fd")) ++here;
  EXPECT_NEAR(*fds, static_cast<double>(here - 1), 8) << "the same process, a few descriptors apart";
  const double now = std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
  EXPECT_LE(*start, now + 1);
  EXPECT_GT(*start, now - 3600) << "this test process started within the hour";
}

TEST_F(MetricsApi, BuildInfoNamesTheVersionAndCommit) {
  const auto samples = ParseSamples(Scrape());
  auto it =
      std::find_if(samples.begin(), samples.end(), [](const Sample& s) { return s.name == "persona_build_info"; });
  ASSERT_NE(it, samples.end());
  EXPECT_EQ(it->value, 1);
  EXPECT_EQ(it->labels.at("version"), kAppVersion);
  const auto& commit = it->labels.at("commit");
  if (std::filesystem::exists(std::filesystem::path(PERSONA_SOURCE_DIR) / ".git")) {
    EXPECT_TRUE(std::regex_match(commit, std::regex("[0-9a-f]{12}(-dirty)?"))) << commit;
  } else {
    EXPECT_EQ(commit, "unknown");
  }
}

TEST_F(MetricsApi, BackgroundJobsReportRunsFailuresAndLastSuccess) {
  {
    jobs::SessionSweeper sweeper(services_->sessions, std::chrono::milliseconds(10), log_, &metrics_->jobs);
    jobs::PeriodicJob failing(
        "always_failing", std::chrono::milliseconds(10), std::chrono::milliseconds(10),
        [] { throw DatabaseUnavailable("the database is away"); }, log_, &metrics_->jobs);
    for (int i = 0; i < 200; ++i) {
      auto text = Scrape();
      if (ValueOr0(text, "persona_job_runs_total", {{"job_name", "session_sweeper"}}) >= 2 &&
          ValueOr0(text, "persona_job_failures_total", {{"job_name", "always_failing"}}) >= 2) {
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }
  // Both jobs have stopped: the figures hold still.
  const auto text = Scrape();
  const Labels sweeper = {{"job_name", "session_sweeper"}};
  const Labels failing = {{"job_name", "always_failing"}};
  EXPECT_GE(ValueOr0(text, "persona_job_runs_total", sweeper), 2);
  EXPECT_EQ(Value(text, "persona_job_failures_total", sweeper), 0);
  const double clock_now = std::chrono::duration<double>(clock_.Now().time_since_epoch()).count();
  // The text carries microseconds.
  EXPECT_NEAR(ValueOr0(text, "persona_job_last_success_timestamp_seconds", sweeper), clock_now, 1e-5);
  EXPECT_GE(ValueOr0(text, "persona_job_last_duration_seconds", sweeper), 0);

  EXPECT_GE(ValueOr0(text, "persona_job_failures_total", failing), 2);
  EXPECT_EQ(Value(text, "persona_job_failures_total", failing), Value(text, "persona_job_runs_total", failing));
  EXPECT_FALSE(Value(text, "persona_job_last_success_timestamp_seconds", failing)) << "it never succeeded";
}

TEST_F(MetricsApi, DatabaseErrorsAreCountedByKind) {
  const auto before = Scrape();
  for (const char* kind :
       {"unavailable", "timeout", "serialization_failure", "deadlock", "retries_exhausted", "commit_in_doubt"}) {
    EXPECT_TRUE(Value(before, "persona_database_errors_total", {{"kind", kind}})) << kind << " is always there";
  }
  auto delta = [&](const std::string& after, const char* kind) {
    return ValueOr0(after, "persona_database_errors_total", {{"kind", kind}}) -
           ValueOr0(before, "persona_database_errors_total", {{"kind", kind}});
  };

  // A serialization failure is retried, and counted; so is a deadlock.
  storage::ConnectionPool pool(conninfo_, 1);
  int attempts = 0;
  storage::RunTransaction(pool, [&](pqxx::work& tx) {
    if (++attempts == 1) tx.exec("DO $$ BEGIN RAISE EXCEPTION 'conflict' USING ERRCODE = '40001'; END $$");
  });
  EXPECT_EQ(attempts, 2);
  attempts = 0;
  storage::RunStatement(pool, [&](pqxx::nontransaction& tx) {
    if (++attempts == 1) tx.exec("DO $$ BEGIN RAISE EXCEPTION 'deadlock' USING ERRCODE = '40P01'; END $$");
  });
  EXPECT_EQ(attempts, 2);
  // Conflicting every time, it gives up.
  EXPECT_THROW(
      storage::RunTransaction(
          pool, [](pqxx::work& tx) { tx.exec("DO $$ BEGIN RAISE EXCEPTION 'c' USING ERRCODE = '40001'; END $$"); }),
      ConflictError);
  // A statement past statement_timeout.
  EXPECT_THROW(storage::RunStatement(pool,
                                     [](pqxx::nontransaction& tx) {
                                       tx.exec("SET statement_timeout = 50");
                                       tx.exec("SELECT pg_sleep(5)");
                                     }),
               DatabaseTimeout);
  // A database nobody listens for.
  storage::ConnectionPool nowhere("postgresql://persona@127.0.0.1:1/persona?connect_timeout=2", 1);
  EXPECT_THROW(storage::CountLiveSessions(nowhere), DatabaseUnavailable);

  const auto after = Scrape();
  EXPECT_EQ(delta(after, "serialization_failure"), 1 + 4);
  EXPECT_EQ(delta(after, "deadlock"), 1);
  EXPECT_EQ(delta(after, "retries_exhausted"), 1);
  EXPECT_EQ(delta(after, "timeout"), 1);
  EXPECT_EQ(delta(after, "unavailable"), 1);
  EXPECT_EQ(delta(after, "commit_in_doubt"), 0);
}

TEST_F(MetricsApi, PromtoolAcceptsTheOutput) {
  // Every kind of series present: a job, a live session, answers of several classes.
  const auto persona = CreatePersona();
  ASSERT_EQ(AsBrowser(verb::post, "/api/v1/personas/" + persona + "/sessions", cookie_, "{}").status, 201u);
  ASSERT_EQ(Call(verb::get, "/api/v1/personas").status, 401u);
  ASSERT_EQ(Call(verb::post, "/healthz").status, 405u);
  {
    jobs::SessionSweeper sweeper(services_->sessions, std::chrono::milliseconds(10), log_, &metrics_->jobs);
    for (int i = 0; i < 200 && !Value(Scrape(), "persona_job_last_success_timestamp_seconds"); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }
  const auto text = Scrape();
  ASSERT_TRUE(Value(text, "persona_job_last_success_timestamp_seconds"));

  // promtool is found on PATH (Debian's `prometheus` package, scripts/setup --tests).
  ASSERT_EQ(std::system("command -v promtool >/dev/null"), 0) << "promtool is not installed";
  const auto report = dir_ / "promtool.out";
  const std::string command = "promtool check metrics >" + report.string() + " 2>&1";
  FILE* pipe = popen(command.c_str(), "w");
  ASSERT_NE(pipe, nullptr);
  ASSERT_EQ(std::fwrite(text.data(), 1, text.size(), pipe), text.size());
  const int status = pclose(pipe);
  std::ifstream in(report);
  const std::string output((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "promtool says:\n" << output << "\non:\n" << text;
  EXPECT_EQ(output, "") << text;
}

}  // namespace
}  // namespace persona
