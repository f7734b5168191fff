#include "app/dashboard_service.h"

#include "core/time_format.h"

namespace persona::app {

nlohmann::json DashboardService::Build(const std::string& user_id) {
  const auto now = clock_.Now();
  auto personas = store_.Personas(user_id, now);
  auto totals = store_.Totals(user_id, now);
  long long active = 0, accounts = 0, posts_today = 0, capacity = 0, live_sessions = 0;
  for (const auto& p : personas) {
    if (p["status"] == "active") ++active;
    if (!p["live_session"].is_null()) ++live_sessions;
    for (const auto& a : p["accounts"]) {
      ++accounts;
      posts_today += a["posts_today"].get<long long>();
      if (a["is_active"] == true) capacity += a["daily_post_limit"].get<long long>();
    }
  }
  totals["personas"] = personas.size();
  totals["active_personas"] = active;
  totals["accounts"] = accounts;
  totals["posts_today"] = posts_today;
  totals["daily_post_capacity"] = capacity;
  totals["live_sessions"] = live_sessions;
  return {{"generated_at", FormatTimestamp(now)}, {"personas", std::move(personas)}, {"totals", std::move(totals)}};
}

}  // namespace persona::app
