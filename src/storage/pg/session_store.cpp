#include "storage/pg/session_store.h"

#include "core/time_format.h"
#include "storage/pg/activity_writer.h"
#include "storage/pg/page_query.h"
#include "storage/pg/row_json.h"
#include "storage/pg/sql_params.h"
#include "storage/pg/transaction.h"

namespace persona::storage {
namespace {

using Kind = app::SessionOutcome::Kind;

bool IsLive(const std::string& status) { return status == "starting" || status == "active" || status == "idle"; }

std::optional<std::string> JsonOrNull(const std::optional<nlohmann::json>& v) {
  return v ? std::optional<std::string>(v->dump()) : std::nullopt;
}

const char* BoolOrNull(const std::optional<bool>& b) {
  if (!b) return nullptr;
  return *b ? "true" : "false";
}

// Locks the user's session and returns its persona when it is live; otherwise sets
// `out` to kNotFound or kNotLive and returns nullopt.
std::optional<std::string> LockLive(pqxx::work& tx, const std::string& user_id, const std::string& id,
                                    app::SessionOutcome& out) {
  out = {};
  auto locked = tx.exec_prepared("sessions_lock", id, user_id);
  if (locked.empty()) return std::nullopt;
  if (!IsLive(locked[0][0].as<std::string>())) {
    out.kind = Kind::kNotLive;
    return std::nullopt;
  }
  return locked[0][1].as<std::string>();
}

}  // namespace

app::SessionOutcome PgSessionStore::Start(const std::string& user_id, const std::string& persona_id,
                                          const nlohmann::json& active_platforms,
                                          const nlohmann::json& platform_sessions, Clock::TimePoint now,
                                          const app::ClientInfo& client) {
  app::SessionOutcome out;
  RunTransaction(pool_, [&](pqxx::work& tx) {
    out = {};
    // The persona's row lock makes simultaneous starts take turns; the unique partial
    // index would refuse a second live session anyway.
    if (tx.exec_prepared("personas_lock", persona_id, user_id).empty()) return;
    auto inserted = tx.exec_prepared("sessions_start", user_id, persona_id, active_platforms.dump(),
                                     platform_sessions.dump(), FormatTimestamp(now));
    if (inserted.empty()) {
      out.kind = Kind::kLiveExists;
      out.session_id = tx.exec_prepared1("sessions_live_of_persona", persona_id)[0].as<std::string>();
      return;
    }
    out = {Kind::kDone, inserted[0][0].as<std::string>(), 1};
    // Written after the insert, so the row links the new session.
    RecordActivity(tx, ActivityOf(user_id, "session_start", {{"session_id", out.session_id}}, client, persona_id), now);
  });
  return out;
}

std::optional<app::StoredSession> PgSessionStore::Find(const std::string& user_id, const std::string& id) {
  std::optional<app::StoredSession> out;
  RunStatement(pool_, [&](pqxx::nontransaction& tx) {
    auto rows = tx.exec_prepared("sessions_get", id, user_id);
    if (rows.empty()) return;
    auto session = RowToJson(rows[0]);
    const bool live = IsLive(session["session_status"].get<std::string>());
    out = app::StoredSession{std::move(session), rows[0]["_version"].as<long long>(), live};
  });
  return out;
}

app::Page PgSessionStore::List(const std::string& user_id, const app::SessionFilter& f, const app::PageRequest& page) {
  app::Page out;
  RunStatement(pool_, [&](pqxx::nontransaction& tx) {
    out = FetchPage(tx, "sessions_list", page, user_id, OrNull(f.persona_id), OrNull(f.status), OrNull(f.from),
                    OrNull(f.to));
  });
  return out;
}

app::SessionOutcome PgSessionStore::Update(const std::string& user_id, const std::string& id,
                                           const app::SessionPatch& patch, Clock::TimePoint now,
                                           const app::ClientInfo& client) {
  app::SessionOutcome out;
  const auto at = FormatTimestamp(now);
  RunTransaction(pool_, [&](pqxx::work& tx) {
    auto persona_id = LockLive(tx, user_id, id, out);
    if (!persona_id) return;
    // Written while the session is still live, so the row links it even when it ends here.
    RecordActivity(tx,
                   ActivityOf(user_id, patch.error_message ? "session_error" : "session_update", {{"session_id", id}},
                              client, *persona_id),
                   now);
    auto version =
        tx.exec_prepared1("sessions_update", id, OrNull(patch.status), JsonOrNull(patch.active_platforms),
                          JsonOrNull(patch.platform_sessions), BoolOrNull(patch.suspicious_activity_detected),
                          JsonOrNull(patch.risk_events), at)[0]
            .as<long long>();
    if (patch.error_message) {
      version = tx.exec_prepared1("sessions_finish", id, "error", at, *patch.error_message)[0].as<long long>();
    }
    out = {Kind::kDone, id, version};
  });
  return out;
}

app::SessionOutcome PgSessionStore::End(const std::string& user_id, const std::string& id, Clock::TimePoint now,
                                        const app::ClientInfo& client) {
  app::SessionOutcome out;
  RunTransaction(pool_, [&](pqxx::work& tx) {
    auto persona_id = LockLive(tx, user_id, id, out);
    if (!persona_id) return;
    RecordActivity(tx, ActivityOf(user_id, "session_end", {{"session_id", id}}, client, *persona_id), now);
    auto version = tx.exec_prepared1("sessions_finish", id, "ended", FormatTimestamp(now), nullptr)[0].as<long long>();
    out = {Kind::kDone, id, version};
  });
  return out;
}

app::SessionSweep PgSessionStore::Sweep(Clock::TimePoint now, Clock::TimePoint idle_before,
                                        Clock::TimePoint end_before) {
  app::SessionSweep out;
  RunTransaction(pool_, [&](pqxx::work& tx) {
    out = {};
    const auto at = FormatTimestamp(now);
    for (const auto& row : tx.exec_prepared("sessions_expire", at, FormatTimestamp(end_before))) {
      out.ended.emplace_back(row[0].as<std::string>(), row[1].as<long long>());
    }
    for (const auto& row : tx.exec_prepared("sessions_mark_idle", at, FormatTimestamp(idle_before))) {
      out.idled.emplace_back(row[0].as<std::string>(), row[1].as<long long>());
    }
  });
  return out;
}

}  // namespace persona::storage
