#include "app/session_service.h"

#include <algorithm>
#include <optional>
#include <set>

#include "core/errors.h"
#include "core/uuid.h"
#include "domain/platform.h"

namespace persona::app {
namespace {

constexpr std::size_t kMaxJsonBytes = 16384;

// active_platforms: distinct known platform types, by their canonical names; nullopt if
// the list is not one.
std::optional<nlohmann::json> CanonicalPlatforms(const nlohmann::json& v) {
  if (!v.is_array() || v.size() > 4) return std::nullopt;
  std::set<std::string> seen;
  nlohmann::json out = nlohmann::json::array();
  for (const auto& p : v) {
    auto platform = p.is_string() ? domain::CanonicalPlatform(p.get<std::string>()) : std::nullopt;
    if (!platform || !seen.insert(*platform).second) return std::nullopt;
    out.push_back(*platform);
  }
  return out;
}

const std::string kPlatformsMessage = std::string("must be a list of distinct platforms: ") + domain::kPlatformChoices;

}  // namespace

nlohmann::json SessionService::Start(const std::string& user_id, const std::string& persona_id,
                                     const nlohmann::json& body, const ClientInfo& client) {
  if (!IsUuid(persona_id)) throw NotFoundError("no such persona");
  if (!body.is_object()) throw ValidationError("", "the request body must be a JSON object");
  std::vector<ValidationError::Field> errors;
  nlohmann::json platforms = nlohmann::json::array();
  nlohmann::json platform_sessions = nlohmann::json::object();
  for (const auto& [key, v] : body.items()) {
    if (key == "active_platforms") {
      auto canonical = CanonicalPlatforms(v);
      if (!canonical) errors.push_back({key, kPlatformsMessage});
      platforms = canonical.value_or(v);
    } else if (key == "platform_sessions") {
      if (!v.is_object() || v.dump().size() > kMaxJsonBytes)
        errors.push_back({key, "must be an object of at most 16 KiB"});
      platform_sessions = v;
    } else {
      errors.push_back({key, "is not a field you can set"});
    }
  }
  if (!errors.empty()) throw ValidationError(errors);
  auto outcome = store_.Start(user_id, persona_id, platforms, platform_sessions, clock_.Now(), client);
  switch (outcome.kind) {
    case SessionOutcome::Kind::kNotFound:
      throw NotFoundError("no such persona");
    case SessionOutcome::Kind::kLiveExists:
      throw ConflictError("the persona already has a live session; end it first",
                          {{"code", "session_live"}, {"session_id", outcome.session_id}});
    default:
      return Load(user_id, outcome.session_id);
  }
}

nlohmann::json SessionService::Get(const std::string& user_id, const std::string& id) {
  if (!IsUuid(id)) throw NotFoundError("no such session");
  if (auto cached = cache_.Get(id); cached && cached->user_id == user_id) return cached->session;
  return Load(user_id, id);
}

nlohmann::json SessionService::Load(const std::string& user_id, const std::string& id) {
  auto stored = store_.Find(user_id, id);
  if (!stored) throw NotFoundError("no such session");
  if (stored->live) cache_.Put(id, stored->version, {user_id, stored->session});
  return stored->session;
}

Page SessionService::List(const std::string& user_id, const SessionFilter& filter, const PageRequest& page) {
  return store_.List(user_id, filter, page);
}

nlohmann::json SessionService::Changed(const std::string& user_id, const SessionOutcome& outcome) {
  switch (outcome.kind) {
    case SessionOutcome::Kind::kNotFound:
      throw NotFoundError("no such session");
    case SessionOutcome::Kind::kNotLive:
      throw ConflictError("the session has already ended", {{"code", "session_ended"}});
    default:
      cache_.Forget(outcome.session_id, outcome.version);
      return Load(user_id, outcome.session_id);
  }
}

nlohmann::json SessionService::Update(const std::string& user_id, const std::string& id, const nlohmann::json& body,
                                      const ClientInfo& client) {
  if (!IsUuid(id)) throw NotFoundError("no such session");
  if (!body.is_object()) throw ValidationError("", "the request body must be a JSON object");
  std::vector<ValidationError::Field> errors;
  SessionPatch patch;
  bool error_status = false;
  for (const auto& [key, v] : body.items()) {
    if (key == "session_status") {
      const std::string status = v.is_string() ? v.get<std::string>() : "";
      if (status == "active" || status == "idle") {
        patch.status = status;
      } else if (status == "error") {
        error_status = true;
      } else {
        errors.push_back({key, "must be active, idle or error (end a session with POST /sessions/{id}/end)"});
      }
    } else if (key == "active_platforms") {
      auto canonical = CanonicalPlatforms(v);
      if (!canonical) errors.push_back({key, kPlatformsMessage});
      patch.active_platforms = canonical.value_or(v);
    } else if (key == "platform_sessions") {
      if (!v.is_object() || v.dump().size() > kMaxJsonBytes)
        errors.push_back({key, "must be an object of at most 16 KiB"});
      patch.platform_sessions = v;
    } else if (key == "suspicious_activity_detected") {
      if (!v.is_boolean()) {
        errors.push_back({key, "must be true or false"});
      } else {
        patch.suspicious_activity_detected = v.get<bool>();
      }
    } else if (key == "risk_events") {
      bool objects = v.is_array() && std::all_of(v.begin(), v.end(), [](const auto& e) { return e.is_object(); });
      if (!objects || v.dump().size() > kMaxJsonBytes)
        errors.push_back({key, "must be a list of objects, 16 KiB at most"});
      patch.risk_events = v;
    } else if (key == "error_message") {
      if (!v.is_string() || v.get<std::string>().empty() || v.get<std::string>().size() > 1000) {
        errors.push_back({key, "must be 1 to 1000 characters"});
      } else {
        patch.error_message = v.get<std::string>();
      }
    } else {
      errors.push_back({key, "is not a field you can set"});
    }
  }
  if (error_status && !patch.error_message) errors.push_back({"error_message", "is required when the status is error"});
  if (!error_status && body.contains("error_message")) {
    errors.push_back({"error_message", "is only for session_status error"});
  }
  if (!errors.empty()) throw ValidationError(errors);
  return Changed(user_id, store_.Update(user_id, id, patch, clock_.Now(), client));
}

nlohmann::json SessionService::End(const std::string& user_id, const std::string& id, const ClientInfo& client) {
  if (!IsUuid(id)) throw NotFoundError("no such session");
  return Changed(user_id, store_.End(user_id, id, clock_.Now(), client));
}

SessionSweep SessionService::Sweep() {
  const auto now = clock_.Now();
  auto sweep = store_.Sweep(now, now - timeouts_.idle_after, now - timeouts_.end_after);
  for (const auto& [id, version] : sweep.idled) cache_.Forget(id, version);
  for (const auto& [id, version] : sweep.ended) cache_.Forget(id, version);
  return sweep;
}

}  // namespace persona::app
