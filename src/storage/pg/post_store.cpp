#include "storage/pg/post_store.h"

#include <algorithm>

#include <pqxx/pqxx>

#include "core/time_format.h"
#include "domain/engagement.h"
#include "storage/pg/activity_writer.h"
#include "storage/pg/page_query.h"
#include "storage/pg/row_json.h"
#include "storage/pg/sql_params.h"
#include "storage/pg/transaction.h"

namespace persona::storage {
std::optional<app::PostAccount> PgPostStore::Account(const std::string& user_id, const std::string& account_id) {
  std::optional<app::PostAccount> out;
  RunStatement(pool_, [&](pqxx::nontransaction& tx) {
    auto r = tx.exec_prepared("posts_account_context", account_id, user_id);
    if (!r.empty()) {
      out = app::PostAccount{r[0][0].as<std::string>(), r[0][1].as<std::string>(), r[0][2].as<std::string>(),
                             r[0][3].as<std::string>(),
                             r[0][4].is_null() ? std::nullopt : std::optional<int>(r[0][4].as<int>())};
    }
  });
  return out;
}

std::pair<int, int> PgPostStore::LocalTime(Clock::TimePoint at, const std::string& timezone) {
  std::pair<int, int> out;
  RunStatement(pool_, [&](pqxx::nontransaction& tx) {
    auto row = tx.exec_prepared1("posts_local_time", FormatTimestamp(at), timezone);
    out = {row[0].as<int>(), row[1].as<int>()};
  });
  return out;
}

std::string PgPostStore::Insert(const std::string& user_id, const app::PostAccount& account, const nlohmann::json& body,
                                Clock::TimePoint now, const app::ClientInfo& client) {
  std::string id;
  RunTransaction(pool_, [&](pqxx::work& tx) {
    id = tx.exec_prepared1("posts_insert", user_id, account.account_id, body.dump(), FormatTimestamp(now))[0]
             .as<std::string>();
    RecordActivity(
        tx, ActivityOf(user_id, "post_create", {{"post_id", id}}, client, account.persona_id, account.platform_type),
        now);
  });
  return id;
}

std::optional<nlohmann::json> PgPostStore::Find(const std::string& user_id, const std::string& id) {
  std::optional<nlohmann::json> out;
  RunStatement(pool_, [&](pqxx::nontransaction& tx) {
    auto r = tx.exec_prepared("posts_get", id, user_id);
    if (!r.empty()) out = RowToJson(r[0]);
  });
  return out;
}

app::Page PgPostStore::List(const std::string& user_id, const app::PostFilter& f, const app::PageRequest& page) {
  app::Page out;
  RunStatement(pool_, [&](pqxx::nontransaction& tx) {
    out = FetchPage(tx, "posts_list", page, user_id, OrNull(f.persona_id), OrNull(f.platform_account_id),
                    OrNull(f.state), OrNull(f.from), OrNull(f.to));
  });
  return out;
}

bool PgPostStore::Update(const std::string& user_id, const std::string& id, const nlohmann::json& patch,
                         Clock::TimePoint now, const app::ClientInfo& client) {
  bool found = false;
  RunTransaction(pool_, [&](pqxx::work& tx) {
    auto r = tx.exec_prepared("posts_update", id, user_id, patch.dump(), FormatTimestamp(now));
    found = !r.empty();
    if (!found) return;
    nlohmann::json fields = nlohmann::json::array();
    for (const auto& [key, value] : patch.items()) fields.push_back(key);
    RecordActivity(
        tx,
        ActivityOf(user_id, "post_update", {{"post_id", id}, {"fields", fields}}, client, r[0][0].as<std::string>()),
        now);
  });
  return found;
}

bool PgPostStore::Delete(const std::string& user_id, const std::string& id, Clock::TimePoint now,
                         const app::ClientInfo& client) {
  bool found = false;
  RunTransaction(pool_, [&](pqxx::work& tx) {
    auto r = tx.exec_prepared("posts_delete", id, user_id);
    found = !r.empty();
    if (found) {
      RecordActivity(tx, ActivityOf(user_id, "post_delete", {{"post_id", id}}, client, r[0][0].as<std::string>()), now);
    }
  });
  return found;
}

app::PublishOutcome PgPostStore::Publish(const std::string& user_id, const std::string& id,
                                         const std::string& platform_post_id, Clock::TimePoint published_at,
                                         Clock::TimePoint now, const app::ClientInfo& client) {
  app::PublishOutcome outcome;
  std::string account_id, persona_id, platform;
  std::optional<std::pair<std::string, long long>> counted_session;  // (id, version)
  const auto at = FormatTimestamp(published_at);
  // The account's counter is the hot row: it is counted last, and a refusal there undoes
  // the publication written before it.
  struct AccountRefused {};
  try {
    RunTransaction(pool_, [&](pqxx::work& tx) {
      outcome = {};
      counted_session.reset();
      auto post = tx.exec_prepared("posts_lock", id, user_id);
      if (post.empty()) return;
      const auto& row = post[0];
      account_id = row[1].as<std::string>();
      persona_id = row[2].as<std::string>();
      platform = row[5].as<std::string>();
      if (!row[4].is_null()) {
        outcome.kind = app::PublishOutcome::Kind::kAlreadyPublished;
        outcome.published_at = RowToJson(post[0])["published_manually_at"].get<std::string>();
        return;
      }
      auto session = tx.exec_prepared1("posts_mark_published", id, at, platform_post_id, FormatTimestamp(now));
      if (!row[3].is_null()) tx.exec_prepared("posts_count_on_template", row[3].as<std::string>());
      if (!session[0].is_null()) {
        auto counted = tx.exec_prepared("posts_count_on_session", session[0].as<std::string>(), FormatTimestamp(now));
        if (!counted.empty()) counted_session.emplace(session[0].as<std::string>(), counted[0][0].as<long long>());
      }
      RecordActivity(tx,
                     ActivityOf(user_id, "post_publish", {{"post_id", id}, {"platform_post_id", platform_post_id}},
                                client, persona_id, platform),
                     now);
      if (tx.exec_prepared("posts_count_publication", account_id, at, FormatTimestamp(now)).empty()) {
        throw AccountRefused{};  // rolls back what the lines above wrote
      }
      outcome.kind = app::PublishOutcome::Kind::kPublished;
    });
  } catch (const AccountRefused&) {
    counted_session.reset();
    RunStatement(pool_, [&](pqxx::nontransaction& tx) {
      auto state = tx.exec_prepared1("posts_limit_state", account_id, at);
      if (state["cooling"].as<bool>(false)) {
        outcome.kind = app::PublishOutcome::Kind::kCoolingDown;
        outcome.frees_at = state["cooldown_text"].as<std::string>();
      } else {
        outcome.kind = app::PublishOutcome::Kind::kDailyLimit;
        outcome.daily_post_limit = state["daily_post_limit"].as<int>();
        outcome.frees_at = state["midnight"].as<std::string>();
      }
    });
  }
  if (counted_session) sessions_.Forget(counted_session->first, counted_session->second);
  using Kind = app::PublishOutcome::Kind;
  if (outcome.kind == Kind::kCoolingDown || outcome.kind == Kind::kDailyLimit) {
    // The refusal is worth keeping: limit hits feed the security events and the risk score.
    RunStatement(pool_, [&](pqxx::nontransaction& tx) {
      bool cooling = outcome.kind == Kind::kCoolingDown;
      tx.exec_prepared("posts_limit_event", user_id, persona_id, account_id,
                       cooling ? "publish refused: the account is cooling down"
                               : "publish refused: the account's daily post limit is reached",
                       nlohmann::json{{"post_id", id},
                                      {"limit", cooling ? "cooldown_until" : "daily_post_limit"},
                                      {"frees_at", outcome.frees_at},
                                      {"platform_type", platform}}
                           .dump(),
                       NullIfEmpty(client.ip), NullIfEmpty(client.user_agent), FormatTimestamp(now));
    });
  }
  return outcome;
}

app::EngagementOutcome PgPostStore::RecordEngagement(const std::string& user_id, const std::string& id,
                                                     const std::string& window, const nlohmann::json& metrics,
                                                     Clock::TimePoint now, const app::ClientInfo& client) {
  app::EngagementOutcome outcome;
  const auto* spec = domain::FindEngagementWindow(window);
  RunTransaction(pool_, [&](pqxx::work& tx) {
    outcome = {};
    auto locked = tx.exec_prepared("posts_lock", id, user_id);
    if (locked.empty()) return;
    auto post = RowToJson(locked[0]);
    if (post["published_manually_at"].is_null()) {
      outcome.kind = app::EngagementOutcome::Kind::kNotPublished;
      return;
    }
    // The operator records the numbers when they have them: before the checkpoint is
    // due the snapshot is marked early, well after it late; either way it is captured.
    auto due = *ParseTimestamp(post["published_manually_at"].get<std::string>()) + spec->due_after;
    nlohmann::json snapshot = {{"metrics", metrics},
                               {"due_at", FormatTimestamp(due).substr(0, 19) + "Z"},
                               {"captured_at", FormatTimestamp(now).substr(0, 19) + "Z"},
                               {"early", now < due},
                               {"late", now > due + spec->late_after}};
    post[std::string(spec->column)] = snapshot;
    // The template's effectiveness comes from the latest window measured.
    std::optional<double> effectiveness;
    for (const auto& w : domain::kEngagementWindows) {
      const auto& stored = post[std::string(w.column)];
      if (stored.contains("metrics")) {
        if (auto rate = domain::EngagementRate(stored["metrics"])) effectiveness = rate;
      }
    }
    tx.exec_prepared("posts_set_engagement", id, window, snapshot.dump(), effectiveness, FormatTimestamp(now));
    if (!locked[0][3].is_null()) {
      tx.exec_prepared("templates_recompute_success", locked[0][3].as<std::string>(), domain::kSuccessfulEffectiveness);
    }
    RecordActivity(tx,
                   ActivityOf(user_id, "post_engagement", {{"post_id", id}, {"window", window}}, client,
                              locked[0][2].as<std::string>(), locked[0][5].as<std::string>()),
                   now);
    outcome.kind = app::EngagementOutcome::Kind::kRecorded;
  });
  return outcome;
}

std::vector<nlohmann::json> PgPostStore::Due(const std::string& user_id, Clock::TimePoint now) {
  std::vector<nlohmann::json> out;
  RunTransaction(pool_, [&](pqxx::work& tx) {
    for (const auto& row : tx.exec_prepared("posts_due", user_id, FormatTimestamp(now))) {
      auto post = RowToJson(row);
      out.push_back({{"kind", "publish"},
                     {"due_at", post["scheduled_for"]},
                     {"due_at_local", row["_local_due"].as<std::string>()},
                     {"timezone", row["_timezone"].as<std::string>()},
                     {"post", post}});
    }
    for (const auto& row : tx.exec_prepared("posts_due_engagement", user_id, FormatTimestamp(now))) {
      out.push_back({{"kind", "engagement"},
                     {"window", row["_window"].as<std::string>()},
                     {"due_at", row["_due_at"].as<std::string>()},
                     {"due_at_local", row["_local_due"].as<std::string>()},
                     {"timezone", row["_timezone"].as<std::string>()},
                     {"late", row["_late"].as<bool>()},
                     {"missed", row["_missed"].as<bool>()},
                     {"post", RowToJson(row)}});
    }
  });
  // Both lists are oldest first; RFC 3339 UTC texts compare as times.
  std::stable_sort(out.begin(), out.end(), [](const nlohmann::json& a, const nlohmann::json& b) {
    return a["due_at"].get<std::string>() < b["due_at"].get<std::string>();
  });
  return out;
}

std::vector<std::string> PgPostStore::MatchAccounts(const std::string& user_id, const std::string& persona,
                                                    const std::string& account) {
  std::vector<std::string> out;
  RunStatement(pool_, [&](pqxx::nontransaction& tx) {
    out.clear();
    for (const auto& row : tx.exec_prepared("posts_import_account", user_id, persona, account)) {
      out.push_back(row[0].as<std::string>());
    }
  });
  return out;
}

std::string PgPostStore::LocalToUtc(const std::string& local, const std::string& timezone) {
  std::string out;
  RunStatement(pool_, [&](pqxx::nontransaction& tx) {
    out = tx.exec_prepared1("posts_local_to_utc", local, timezone)[0].as<std::string>();
  });
  return out;
}

std::vector<nlohmann::json> PgPostStore::Warnings(const std::string& user_id, const app::WarningsQuery& q) {
  std::vector<nlohmann::json> out;
  RunStatement(pool_, [&](pqxx::nontransaction& tx) {
    out.clear();
    for (const auto& row : tx.exec_prepared("posts_warnings", q.account_id, user_id, q.text, OrNull(q.scheduled_for),
                                            OrNull(q.post_id))) {
      auto warning = RowToJson(row);
      if (warning["min_spacing_minutes"].is_null()) warning.erase("min_spacing_minutes");
      out.push_back(std::move(warning));
    }
  });
  return out;
}

std::vector<nlohmann::json> PgPostStore::Export(const std::string& user_id, const app::PostFilter& f) {
  std::vector<nlohmann::json> out;
  RunStatement(pool_, [&](pqxx::nontransaction& tx) {
    out.clear();
    for (const auto& row : tx.exec_prepared("posts_export", user_id, OrNull(f.persona_id), OrNull(f.state),
                                            OrNull(f.from), OrNull(f.to))) {
      out.push_back(RowToJson(row));
    }
  });
  return out;
}

}  // namespace persona::storage
