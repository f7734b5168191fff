#include "fake_stores.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "core/errors.h"
#include "core/time_format.h"
#include "core/uuid.h"
#include "crypto/recovery_codes.h"
#include "http/json_fields.h"
#include "utf8.h"

namespace persona::fuzz {
namespace {

using nlohmann::json;

// A member of a validated body on its way to a column.
void CheckMemberText(const json& body, const char* key, std::string_view column, std::size_t max_chars = 0) {
  auto it = body.find(key);
  if (it == body.end() || it->is_null()) return;
  if (!it->is_string()) Refused(std::string(column) + ": not text but " + it->dump());
  CheckText(it->get_ref<const std::string&>(), column, max_chars);
}

void CheckMemberJsonb(const json& body, const char* key, std::string_view column) {
  if (auto it = body.find(key); it != body.end()) CheckJsonb(*it, column);
}

void CheckMemberTime(const json& body, const char* key, std::string_view column) {
  auto it = body.find(key);
  if (it == body.end() || it->is_null()) return;
  if (!it->is_string() || !ParseTimestamp(it->get<std::string>())) {
    Refused(std::string(column) + ": not a timestamptz: " + it->dump());
  }
}

void CheckMemberInteger(const json& body, const char* key, std::string_view column, long long lo = -2147483648LL,
                        long long hi = 2147483647LL) {
  auto it = body.find(key);
  if (it == body.end() || it->is_null()) return;
  bool ok = it->is_number_unsigned()
                ? it->get<unsigned long long>() <= static_cast<unsigned long long>(hi)
                : it->is_number_integer() && it->get<long long>() >= lo && it->get<long long>() <= hi;
  if (!ok) Refused(std::string(column) + ": not an integer in range: " + it->dump());
}

// DECIMAL(p, s): what rounds to at most `max`.
void CheckMemberDecimal(const json& body, const char* key, std::string_view column, double max) {
  auto it = body.find(key);
  if (it == body.end() || it->is_null()) return;
  if (!it->is_number() || !(it->get<double>() >= -max && it->get<double>() <= max)) {
    Refused(std::string(column) + ": numeric field overflow: " + it->dump());
  }
}

std::string Now() { return FormatTimestamp(FixedClock().Now()); }

app::Page PageOf(const std::map<std::string, json>& rows, const app::PageRequest& page) {
  app::Page out;
  json items = json::array();
  for (const auto& [id, row] : rows) {
    if (static_cast<int>(items.size()) == page.limit) {
      out.next = app::PageKey{Now(), id};
      break;
    }
    items.push_back(row);
  }
  out.items.text = items.dump();
  return out;
}

void Merge(json& row, const json& patch) {
  for (const auto& [key, value] : patch.items()) row[key] = value;
}

json PersonaSeed() {
  return {{"id", kPersonaId},
          {"name", "Maria"},
          {"status", "active"},
          {"demographics", {{"age", 27}, {"gender", "female"}, {"location", "Quezon City"}, {"occupation", "nurse"}}},
          {"personality", {{"interests", {"food", "travel"}}, {"communication_style", "warm"}}},
          {"backstory", "Grew up in Cebu."},
          {"primary_location", "Manila"},
          {"timezone", "Asia/Manila"},
          {"language_preferences", {"en", "fil"}},
          {"activity_schedule", {{"posting_times", {{"friday", {"08:30", "19:00"}}}}, {"posts_per_day", 2}}},
          {"content_themes", {{"topics", {"street food", "jeepney rides"}}, {"hashtags", {"#Manila", "pinoyfood"}}}},
          {"engagement_style", {{"comment_frequency", "medium"}}},
          {"proxy_id", nullptr},
          {"proxy_ip", nullptr},
          {"proxy_status", "unassigned"},
          {"total_posts", 0},
          {"risk_score", 0.0},
          {"created_at", "2026-11-01T00:00:00.000000Z"}};
}

void CheckPersonaBody(const json& body) {
  CheckMemberText(body, "name", "personas.name", 100);
  CheckMemberText(body, "status", "personas.status", 20);
  CheckMemberText(body, "backstory", "personas.backstory");
  CheckMemberText(body, "primary_location", "personas.primary_location", 100);
  CheckMemberText(body, "timezone", "personas.timezone", 50);
  for (const char* key : {"demographics", "personality", "language_preferences", "activity_schedule", "content_themes",
                          "engagement_style"}) {
    CheckMemberJsonb(body, key, std::string("personas.") + key);
  }
}

}  // namespace

[[noreturn]] void Refused(const std::string& what) {
  std::fprintf(stderr, "fake store: PostgreSQL would refuse this: %s\n", what.c_str());
  std::abort();
}

void CheckText(std::string_view value, std::string_view column, std::size_t max_chars) {
  auto chars = Utf8Chars(value);
  if (!chars) Refused(std::string(column) + ": invalid byte sequence for encoding \"UTF8\"");
  if (value.find('\0') != std::string_view::npos) Refused(std::string(column) + ": text holds a NUL byte");
  if (max_chars > 0 && *chars > max_chars) {
    Refused(std::string(column) + ": value too long for type character varying(" + std::to_string(max_chars) + ")");
  }
}

void CheckOptionalText(const std::optional<std::string>& value, std::string_view column, std::size_t max_chars) {
  if (value) CheckText(*value, column, max_chars);
}

void CheckJsonb(const json& value, std::string_view column) {
  try {
    (void)value.dump();
  } catch (const json::exception& e) {
    Refused(std::string(column) + ": cannot be serialised: " + e.what());
  }
  if (http::HasNul(value)) Refused(std::string(column) + ": unsupported Unicode escape sequence (\\u0000)");
}

void CheckClient(const app::ClientInfo& client) {
  CheckText(client.ip, "ip_address", 45);
  CheckText(client.user_agent, "user_agent");
}

Clock::TimePoint FixedClock::Now() const {
  return std::chrono::system_clock::time_point(std::chrono::seconds(kNowUnixSeconds));
}

std::string Ids::Next() {
  char id[40];
  std::snprintf(id, sizeof id, "f0000000-0000-4000-8000-%012lld", next_++);
  return id;
}

// --- personas -------------------------------------------------------------------------

void FakePersonaStore::Reset() {
  if (!dirty_) return;  // nothing changed since the last reset
  dirty_ = false;
  static const json kSeed = PersonaSeed();
  personas_ = {{kPersonaId, kSeed}};
}

const json* FakePersonaStore::Get(const std::string& id) const {
  auto it = personas_.find(id);
  return it == personas_.end() ? nullptr : &it->second;
}

std::string FakePersonaStore::Insert(const std::string&, const json& body, Clock::TimePoint,
                                     const app::ClientInfo& client) {
  dirty_ = true;
  CheckClient(client);
  CheckPersonaBody(body);
  if (personas_.size() >= 20) throw ConflictError("persona limit reached", {{"code", "persona_limit"}});
  json row = PersonaSeed();
  for (const char* optional : {"backstory", "status"}) row.erase(optional);
  row["status"] = "inactive";
  row["language_preferences"] = {"en", "fil"};
  Merge(row, body);
  row["id"] = ids_.Next();
  personas_[row["id"]] = row;
  return row["id"];
}

std::optional<app::JsonText> FakePersonaStore::Find(const std::string&, const std::string& persona_id) {
  CheckText(persona_id, "personas.id");
  if (auto* p = Get(CanonicalUuid(persona_id))) return app::JsonText{p->dump()};
  return std::nullopt;
}

app::Page FakePersonaStore::List(const std::string&, const app::PageRequest& page) { return PageOf(personas_, page); }

bool FakePersonaStore::Update(const std::string&, const std::string& persona_id, const json& patch, Clock::TimePoint,
                              const app::ClientInfo& client) {
  dirty_ = true;
  CheckClient(client);
  CheckPersonaBody(patch);
  auto it = personas_.find(CanonicalUuid(persona_id));
  if (it == personas_.end()) return false;
  Merge(it->second, patch);
  return true;
}

bool FakePersonaStore::Delete(const std::string&, const std::string& persona_id, Clock::TimePoint,
                              const app::ClientInfo& client) {
  dirty_ = true;
  CheckClient(client);
  return personas_.erase(CanonicalUuid(persona_id)) > 0;
}

std::optional<json> FakePersonaStore::Risk(const std::string&, const std::string& persona_id) {
  if (!Has(CanonicalUuid(persona_id))) return std::nullopt;
  return json{{"persona_id", CanonicalUuid(persona_id)}, {"risk_score", 0.1}, {"factors", json::array()}};
}

// --- platform accounts ----------------------------------------------------------------

void FakeAccountStore::Reset(const crypto::FieldCipher& cipher) {
  if (!dirty_) return;  // nothing changed since the last reset
  dirty_ = false;
  accounts_ = {{kAccountId,
                {{"id", kAccountId},
                 {"persona_id", kPersonaId},
                 {"platform_type", "twitter"},
                 {"username", "maria"},
                 {"display_name", "Maria"},
                 {"bio", nullptr},
                 {"profile_image_url", nullptr},
                 {"account_status", "verified"},
                 {"verification_level", "basic"},
                 {"follower_count", 10},
                 {"following_count", 5},
                 {"platform_settings", {{"max_hashtags", 3}}},
                 {"posting_schedule", json::object()},
                 {"daily_post_limit", 10},
                 {"daily_posts_count", 0},
                 {"cooldown_until", nullptr},
                 {"warning_count", 0},
                 {"is_active", true},
                 {"has_auth_tokens", false}}}};
  secrets_ = {{kAccountId,
               {kAccountId, kPersonaId, "twitter",
                cipher.Encrypt(R"({"password":"pw"})", "platform_accounts", "credentials_encrypted", kAccountId),
                std::nullopt}}};
}

const json* FakeAccountStore::Get(const std::string& id) const {
  auto it = accounts_.find(id);
  return it == accounts_.end() ? nullptr : &it->second;
}

bool FakeAccountStore::UsernameTaken(const std::string& platform, const std::string& username,
                                     const std::string& except_id) const {
  for (const auto& [id, row] : accounts_) {
    if (id != except_id && row["platform_type"] == platform && row["username"] == username) return true;
  }
  return false;
}

bool FakeAccountStore::Insert(const std::string&, const std::string& account_id, const app::NewAccount& a,
                              const std::string& credentials_encrypted,
                              const std::optional<std::string>& auth_tokens_encrypted, app::TimePoint,
                              const app::ClientInfo& client) {
  dirty_ = true;
  CheckClient(client);
  CheckText(a.platform_type, "platform_accounts.platform_type", 50);
  CheckText(a.username, "platform_accounts.username", 100);
  CheckOptionalText(a.display_name, "platform_accounts.display_name", 100);
  CheckOptionalText(a.bio, "platform_accounts.bio");
  CheckOptionalText(a.profile_image_url, "platform_accounts.profile_image_url");
  CheckText(credentials_encrypted, "platform_accounts.credentials_encrypted");
  CheckOptionalText(auth_tokens_encrypted, "platform_accounts.auth_tokens_encrypted");
  CheckJsonb(a.platform_settings, "platform_accounts.platform_settings");
  CheckJsonb(a.posting_schedule, "platform_accounts.posting_schedule");
  if (!IsUuid(account_id)) Refused("platform_accounts.id: not a uuid");
  if (!personas_.Has(CanonicalUuid(a.persona_id))) return false;
  if (UsernameTaken(a.platform_type, a.username, "")) throw ConflictError("the username is taken on this platform");
  auto opt = [](const std::optional<std::string>& v) { return v ? json(*v) : json(nullptr); };
  accounts_[account_id] = {{"id", account_id},
                           {"persona_id", CanonicalUuid(a.persona_id)},
                           {"platform_type", a.platform_type},
                           {"username", a.username},
                           {"display_name", opt(a.display_name)},
                           {"bio", opt(a.bio)},
                           {"profile_image_url", opt(a.profile_image_url)},
                           {"account_status", "pending"},
                           {"verification_level", "basic"},
                           {"follower_count", 0},
                           {"following_count", 0},
                           {"platform_settings", a.platform_settings},
                           {"posting_schedule", a.posting_schedule},
                           {"daily_post_limit", a.daily_post_limit},
                           {"daily_posts_count", 0},
                           {"cooldown_until", nullptr},
                           {"warning_count", 0},
                           {"is_active", true},
                           {"has_auth_tokens", auth_tokens_encrypted.has_value()}};
  secrets_[account_id] = {account_id, CanonicalUuid(a.persona_id), a.platform_type, credentials_encrypted,
                          auth_tokens_encrypted};
  return true;
}

std::optional<json> FakeAccountStore::Find(const std::string&, const std::string& account_id, Clock::TimePoint) {
  if (auto* a = Get(CanonicalUuid(account_id))) return *a;
  return std::nullopt;
}

std::optional<app::Page> FakeAccountStore::List(const std::string&, const std::string& persona_id,
                                                const app::PageRequest& page, Clock::TimePoint) {
  if (!personas_.Has(CanonicalUuid(persona_id))) return std::nullopt;
  std::map<std::string, json> mine;
  for (const auto& [id, row] : accounts_) {
    if (row["persona_id"] == CanonicalUuid(persona_id)) mine[id] = row;
  }
  return PageOf(mine, page);
}

bool FakeAccountStore::Update(const std::string&, const std::string& account_id, const json& patch,
                              const std::optional<std::string>& credentials_encrypted,
                              const std::optional<std::string>& auth_tokens_encrypted, app::TimePoint,
                              const app::ClientInfo& client) {
  dirty_ = true;
  CheckClient(client);
  CheckMemberText(patch, "username", "platform_accounts.username", 100);
  CheckMemberText(patch, "display_name", "platform_accounts.display_name", 100);
  CheckMemberText(patch, "bio", "platform_accounts.bio");
  CheckMemberText(patch, "profile_image_url", "platform_accounts.profile_image_url");
  CheckMemberText(patch, "account_status", "platform_accounts.account_status", 20);
  CheckMemberText(patch, "verification_level", "platform_accounts.verification_level", 20);
  CheckMemberJsonb(patch, "platform_settings", "platform_accounts.platform_settings");
  CheckMemberJsonb(patch, "posting_schedule", "platform_accounts.posting_schedule");
  for (const char* key : {"daily_post_limit", "follower_count", "following_count", "warning_count"}) {
    CheckMemberInteger(patch, key, std::string("platform_accounts.") + key);
  }
  CheckMemberTime(patch, "cooldown_until", "platform_accounts.cooldown_until");
  if (patch.contains("credentials") || patch.contains("auth_tokens")) {
    if (!patch.at(patch.contains("credentials") ? "credentials" : "auth_tokens").is_null()) {
      Refused("platform_accounts: a plaintext secret reached the store's patch");
    }
  }
  CheckOptionalText(credentials_encrypted, "platform_accounts.credentials_encrypted");
  CheckOptionalText(auth_tokens_encrypted, "platform_accounts.auth_tokens_encrypted");
  auto it = accounts_.find(CanonicalUuid(account_id));
  if (it == accounts_.end()) return false;
  if (auto username = patch.find("username");
      username != patch.end() && UsernameTaken(it->second["platform_type"], *username, it->first)) {
    throw ConflictError("the username is taken on this platform");
  }
  json fields = patch;
  fields.erase("auth_tokens");
  Merge(it->second, fields);
  auto& secrets = secrets_[it->first];
  if (credentials_encrypted) secrets.credentials_encrypted = credentials_encrypted;
  if (auth_tokens_encrypted) secrets.auth_tokens_encrypted = auth_tokens_encrypted;
  if (patch.contains("auth_tokens") && patch["auth_tokens"].is_null()) secrets.auth_tokens_encrypted.reset();
  it->second["has_auth_tokens"] = secrets.auth_tokens_encrypted.has_value();
  return true;
}

bool FakeAccountStore::Delete(const std::string&, const std::string& account_id, app::TimePoint,
                              const app::ClientInfo& client) {
  dirty_ = true;
  CheckClient(client);
  secrets_.erase(CanonicalUuid(account_id));
  return accounts_.erase(CanonicalUuid(account_id)) > 0;
}

std::optional<app::AccountSecrets> FakeAccountStore::FindSecrets(const std::string&, const std::string& account_id) {
  auto it = secrets_.find(CanonicalUuid(account_id));
  if (it == secrets_.end()) return std::nullopt;
  return it->second;
}

std::optional<std::string> FakeAccountStore::PasswordHash(const std::string&) { return password_hash_; }

void FakeAccountStore::RecordReveal(const std::string&, const app::AccountSecrets&, bool, app::TimePoint,
                                    const app::ClientInfo& client) {
  CheckClient(client);
}

// --- proxies --------------------------------------------------------------------------

void FakeProxyStore::Reset(const crypto::FieldCipher& cipher) {
  if (!dirty_) return;  // nothing changed since the last reset
  dirty_ = false;
  proxies_ = {{kProxyId,
               {{"id", kProxyId},
                {"proxy_id", "pc-1"},
                {"proxy_ip", "203.0.113.7"},
                {"proxy_port", 8080},
                {"proxy_username", "u"},
                {"country_code", "PH"},
                {"city", "Manila"},
                {"isp_name", nullptr},
                {"assignment_status", "available"},
                {"assigned_persona_id", nullptr},
                {"health_status", "unknown"},
                {"response_time_ms", nullptr},
                {"uptime_percentage", 100.0},
                {"monthly_bandwidth_gb", 0.0},
                {"monthly_requests", 0},
                {"monthly_cost_usd", 1.27}}}};
  passwords_ = {{kProxyId, cipher.Encrypt("p", "proxy_assignments", "proxy_password_encrypted", kProxyId)}};
}

void FakeProxyStore::CheckBody(const json& body) const {
  if (body.contains("proxy_password")) Refused("proxy_assignments: the plaintext password reached the store");
  CheckMemberText(body, "proxy_id", "proxy_assignments.proxy_id", 100);
  CheckMemberText(body, "proxy_ip", "proxy_assignments.proxy_ip", 45);
  CheckMemberText(body, "proxy_username", "proxy_assignments.proxy_username", 100);
  CheckMemberText(body, "country_code", "proxy_assignments.country_code", 2);
  CheckMemberText(body, "city", "proxy_assignments.city", 100);
  CheckMemberText(body, "isp_name", "proxy_assignments.isp_name", 100);
  CheckMemberText(body, "assignment_status", "proxy_assignments.assignment_status", 20);
  CheckMemberInteger(body, "proxy_port", "proxy_assignments.proxy_port");
  CheckMemberInteger(body, "monthly_requests", "proxy_assignments.monthly_requests");
  CheckMemberDecimal(body, "monthly_bandwidth_gb", "proxy_assignments.monthly_bandwidth_gb", 99999999.994);
  CheckMemberDecimal(body, "monthly_cost_usd", "proxy_assignments.monthly_cost_usd", 999999.994);
}

void FakeProxyStore::Insert(const std::string&, const std::string& id, const json& body,
                            const std::string& password_encrypted, Clock::TimePoint, const app::ClientInfo& client) {
  dirty_ = true;
  CheckClient(client);
  CheckBody(body);
  CheckText(password_encrypted, "proxy_assignments.proxy_password_encrypted");
  for (const auto& [other, row] : proxies_) {
    if (row["proxy_id"] == body["proxy_id"]) throw ConflictError("a proxy with this proxy_id exists");
  }
  json row = proxies_.at(kProxyId);
  row["isp_name"] = nullptr;
  row["country_code"] = "PH";
  Merge(row, body);
  row["id"] = id;
  proxies_[id] = row;
  passwords_[id] = password_encrypted;
}

std::optional<json> FakeProxyStore::Find(const std::string&, const std::string& id) {
  auto it = proxies_.find(CanonicalUuid(id));
  if (it == proxies_.end()) return std::nullopt;
  return it->second;
}

app::Page FakeProxyStore::List(const std::string&, const app::PageRequest& page) { return PageOf(proxies_, page); }

bool FakeProxyStore::Update(const std::string&, const std::string& id, const json& patch,
                            const std::optional<std::string>& password_encrypted, Clock::TimePoint,
                            const app::ClientInfo& client) {
  dirty_ = true;
  CheckClient(client);
  CheckBody(patch);
  CheckOptionalText(password_encrypted, "proxy_assignments.proxy_password_encrypted");
  auto it = proxies_.find(CanonicalUuid(id));
  if (it == proxies_.end()) return false;
  if (auto proxy_id = patch.find("proxy_id"); proxy_id != patch.end()) {
    for (const auto& [other, row] : proxies_) {
      if (other != it->first && row["proxy_id"] == *proxy_id) throw ConflictError("a proxy with this proxy_id exists");
    }
  }
  if (patch.contains("assignment_status") && !it->second["assigned_persona_id"].is_null()) {
    throw ConflictError("the proxy is assigned; release it first");
  }
  Merge(it->second, patch);
  if (password_encrypted) passwords_[it->first] = *password_encrypted;
  return true;
}

bool FakeProxyStore::Delete(const std::string&, const std::string& id, Clock::TimePoint,
                            const app::ClientInfo& client) {
  dirty_ = true;
  CheckClient(client);
  auto it = proxies_.find(CanonicalUuid(id));
  if (it == proxies_.end()) return false;
  if (!it->second["assigned_persona_id"].is_null()) throw ConflictError("the proxy is assigned; release it first");
  proxies_.erase(it);
  return true;
}

std::optional<app::StoredProxyEndpoint> FakeProxyStore::Endpoint(const std::string&, const std::string& id) {
  auto it = proxies_.find(CanonicalUuid(id));
  if (it == proxies_.end()) return std::nullopt;
  const auto& row = it->second;
  return app::StoredProxyEndpoint{it->first, row["proxy_ip"], row["proxy_port"], row["proxy_username"],
                                  passwords_.at(it->first)};
}

std::vector<app::StoredProxyEndpoint> FakeProxyStore::DueForCheck(Clock::TimePoint, std::chrono::seconds, int) {
  return {};
}

void FakeProxyStore::RecordCheck(const app::HealthRecord& record, Clock::TimePoint,
                                 const std::optional<app::Activity>& requested) {
  dirty_ = true;
  CheckText(record.error, "proxy_health_checks.error_message");
  if (requested) {
    CheckText(requested->activity_type, "activity_logs.activity_type", 50);
    CheckJsonb(requested->data, "activity_logs.activity_data");
    CheckClient({requested->ip_address, requested->user_agent});
  }
  if (auto it = proxies_.find(record.proxy_uuid); it != proxies_.end()) {
    it->second["health_status"] = std::string(domain::ToString(record.status));
    it->second["response_time_ms"] = record.response_time_ms ? json(*record.response_time_ms) : json(nullptr);
  }
}

std::optional<app::Page> FakeProxyStore::Checks(const std::string&, const std::string& id, const app::PageRequest&) {
  if (!proxies_.count(CanonicalUuid(id))) return std::nullopt;
  return app::Page{};
}

json FakeProxyStore::MonthlyCosts(const std::string&, int months, Clock::TimePoint) {
  json out = json::array();
  for (int i = 0; i < months; ++i)
    out.push_back({{"month", "2026-" + std::to_string(11 - i % 11)}, {"cost_usd", 1.27}});
  return {{"months", out}};
}

app::AssignResult FakeProxyStore::Assign(const std::string&, const std::string& persona_id,
                                         const std::string& proxy_uuid, Clock::TimePoint,
                                         const app::ClientInfo& client) {
  dirty_ = true;
  CheckClient(client);
  const json* persona = personas_.Get(CanonicalUuid(persona_id));
  if (persona == nullptr) return app::AssignResult::kNoPersona;
  auto it = proxies_.find(CanonicalUuid(proxy_uuid));
  if (it == proxies_.end()) return app::AssignResult::kNoProxy;
  if (!(*persona)["proxy_id"].is_null()) return app::AssignResult::kPersonaHasProxy;
  if (!it->second["assigned_persona_id"].is_null()) return app::AssignResult::kProxyTaken;
  if (it->second["assignment_status"] == "maintenance") return app::AssignResult::kProxyInMaintenance;
  it->second["assigned_persona_id"] = CanonicalUuid(persona_id);
  it->second["assignment_status"] = "assigned";
  personas_.Update(
      kUserId, persona_id,
      {{"proxy_id", it->second["proxy_id"]}, {"proxy_ip", it->second["proxy_ip"]}, {"proxy_status", "assigned"}}, {},
      client);
  return app::AssignResult::kAssigned;
}

bool FakeProxyStore::Release(const std::string&, const std::string& persona_id, Clock::TimePoint,
                             const app::ClientInfo& client) {
  dirty_ = true;
  CheckClient(client);
  const json* persona = personas_.Get(CanonicalUuid(persona_id));
  if (persona == nullptr) return false;
  if ((*persona)["proxy_id"].is_null()) throw ConflictError("the persona has no proxy");
  for (auto& [id, row] : proxies_) {
    if (row["assigned_persona_id"] == CanonicalUuid(persona_id)) {
      row["assigned_persona_id"] = nullptr;
      row["assignment_status"] = "available";
    }
  }
  personas_.Update(kUserId, persona_id, {{"proxy_id", nullptr}, {"proxy_ip", nullptr}, {"proxy_status", "unassigned"}},
                   {}, client);
  return true;
}

// --- templates ------------------------------------------------------------------------

namespace {

json TemplateDefaults() {
  return {{"template_text", nullptr},
          {"media_urls", json::array()},
          {"media_metadata", json::object()},
          {"target_personas", json::array()},
          {"personalization_rules", json::object()},
          {"hashtag_strategy", json::object()},
          {"timing_rules", json::object()},
          {"usage_count", 0},
          {"success_rate", 0.0},
          {"is_active", true}};
}

}  // namespace

void FakeTemplateStore::Reset() {
  if (!dirty_) return;  // nothing changed since the last reset
  dirty_ = false;
  json row = TemplateDefaults();
  Merge(row, {{"id", kTemplateId},
              {"template_name", "T"},
              {"content_type", "text"},
              {"template_text", "Hi {{persona.name}} from {{persona.primary_location}}, on {{theme}}"},
              {"target_platforms", {"twitter", "instagram"}},
              {"personalization_rules", {{"suffix", "!"}, {"replace", {{"Hi", "Hello"}}}}},
              {"hashtag_strategy", {{"default", {{"max", 2}, {"fixed", {"#kain"}}}}}}});
  templates_ = {{kTemplateId, row}};
}

void FakeTemplateStore::CheckBody(const json& body) const {
  CheckMemberText(body, "template_name", "content_templates.template_name", 100);
  CheckMemberText(body, "content_type", "content_templates.content_type", 50);
  CheckMemberText(body, "template_text", "content_templates.template_text");
  for (const char* key : {"media_urls", "media_metadata", "target_platforms", "target_personas",
                          "personalization_rules", "hashtag_strategy", "timing_rules"}) {
    CheckMemberJsonb(body, key, std::string("content_templates.") + key);
  }
  if (auto it = body.find("is_active"); it != body.end() && !it->is_boolean()) {
    Refused("content_templates.is_active: not a boolean");
  }
}

std::string FakeTemplateStore::Insert(const std::string&, const json& body, Clock::TimePoint,
                                      const app::ClientInfo& client) {
  dirty_ = true;
  CheckClient(client);
  CheckBody(body);
  json row = TemplateDefaults();
  Merge(row, body);
  row["id"] = ids_.Next();
  templates_[row["id"]] = row;
  return row["id"];
}

std::optional<json> FakeTemplateStore::Find(const std::string&, const std::string& id) {
  auto it = templates_.find(CanonicalUuid(id));
  if (it == templates_.end()) return std::nullopt;
  return it->second;
}

app::Page FakeTemplateStore::List(const std::string&, const app::PageRequest& page) { return PageOf(templates_, page); }

bool FakeTemplateStore::Update(const std::string&, const std::string& id, const json& patch, Clock::TimePoint,
                               const app::ClientInfo& client) {
  dirty_ = true;
  CheckClient(client);
  CheckBody(patch);
  auto it = templates_.find(CanonicalUuid(id));
  if (it == templates_.end()) return false;
  Merge(it->second, patch);
  return true;
}

bool FakeTemplateStore::Delete(const std::string&, const std::string& id, Clock::TimePoint,
                               const app::ClientInfo& client) {
  dirty_ = true;
  CheckClient(client);
  return templates_.erase(CanonicalUuid(id)) > 0;
}

bool FakeTemplateStore::OwnsPersonas(const std::string&, const std::vector<std::string>& persona_ids) {
  for (const auto& id : persona_ids) {
    if (!IsUuid(id)) Refused("content_templates.target_personas: not a uuid: " + id);
    if (!personas_.Has(CanonicalUuid(id))) return false;
  }
  return true;
}

// --- posts ----------------------------------------------------------------------------

namespace {

json PostSeed(const char* id, bool published) {
  return {{"id", id},
          {"persona_id", kPersonaId},
          {"platform_account_id", kAccountId},
          {"platform_type", "twitter"},
          {"content_template_id", published ? json(kTemplateId) : json(nullptr)},
          {"state", published ? "published" : "draft"},
          {"publishing_method", "manual"},
          {"creation_started_at", "2026-11-26T08:00:00.000000Z"},
          {"final_content", published ? "Hello Maria from Manila, on street food!\n\n#kain #Manila" : "Hello"},
          {"final_hashtags", published ? json({"#kain", "#Manila"}) : json::array()},
          {"final_media_urls", json::array()},
          {"content_edits_from_template",
           published ? json({{"operations", {{{"op", "keep"}, {"text", "Hello"}}, {{"op", "insert"}, {"text", "x"}}}},
                             {"change_ratio", 0.1}})
                     : json::object()},
          {"scheduled_for", nullptr},
          {"published_manually_at", published ? json("2026-11-27T07:00:00.000000Z") : json(nullptr)},
          {"platform_post_id", published ? json("1790") : json(nullptr)},
          {"immediate_engagement", json::object()},
          {"daily_engagement", json::object()},
          {"weekly_engagement", json::object()},
          {"authenticity_rating", 1.0},
          {"user_satisfaction", nullptr},
          {"improvement_notes", nullptr},
          {"template_effectiveness", nullptr},
          {"manual_customization_level", "high"}};
}

}  // namespace

void FakePostStore::Reset() {
  if (!dirty_) return;  // nothing changed since the last reset
  dirty_ = false;
  posts_ = {{kPostId, PostSeed(kPostId, false)}, {kPublishedPostId, PostSeed(kPublishedPostId, true)}};
}

void FakePostStore::CheckBody(const json& body) const {
  CheckMemberText(body, "final_content", "manual_posts.final_content");
  CheckMemberText(body, "improvement_notes", "manual_posts.improvement_notes");
  CheckMemberText(body, "manual_customization_level", "manual_posts.manual_customization_level", 20);
  for (const char* key : {"final_hashtags", "final_media_urls", "content_edits_from_template"}) {
    CheckMemberJsonb(body, key, std::string("manual_posts.") + key);
  }
  CheckMemberTime(body, "scheduled_for", "manual_posts.scheduled_for");
  CheckMemberTime(body, "creation_started_at", "manual_posts.creation_started_at");
  CheckMemberDecimal(body, "authenticity_rating", "manual_posts.authenticity_rating", 9.994);
  CheckMemberInteger(body, "user_satisfaction", "manual_posts.user_satisfaction", 1, 5);
  for (const char* key : {"platform_account_id", "content_template_id", "persona_id"}) {
    auto it = body.find(key);
    if (it != body.end() && !it->is_null() && (!it->is_string() || !IsUuid(it->get<std::string>()))) {
      Refused(std::string("manual_posts.") + key + ": not a uuid");
    }
  }
  if (auto it = body.find("content_template_id"); it != body.end() && it->is_string() && !templates_.Has(*it)) {
    Refused("manual_posts.content_template_id: foreign key violation");
  }
}

std::optional<app::PostAccount> FakePostStore::Account(const std::string&, const std::string& account_id) {
  CheckText(account_id, "platform_accounts.id");
  const json* a = accounts_.Get(CanonicalUuid(account_id));
  if (a == nullptr) return std::nullopt;
  const json* persona = personas_.Get((*a)["persona_id"]);
  if (persona == nullptr) return std::nullopt;
  std::optional<int> max_hashtags;
  const json& settings = (*a)["platform_settings"];
  if (settings.contains("max_hashtags")) {
    // As account_context.sql: the member's text, when it is one to four digits.
    const json& v = settings["max_hashtags"];
    std::string text = v.is_string() ? v.get<std::string>() : v.dump();
    if (!text.empty() && text.size() <= 4 && text.find_first_not_of("0123456789") == std::string::npos) {
      max_hashtags = std::stoi(text);
    }
  }
  return app::PostAccount{(*a)["id"], (*a)["persona_id"], (*a)["platform_type"], (*persona)["timezone"], max_hashtags};
}

std::pair<int, int> FakePostStore::LocalTime(Clock::TimePoint at, const std::string& timezone) {
  CheckText(timezone, "personas.timezone");
  // UTC whatever the zone: the rules above only see a weekday and a minute.
  auto days = std::chrono::floor<std::chrono::days>(at);
  std::chrono::weekday weekday{days};
  auto minutes = std::chrono::duration_cast<std::chrono::minutes>(at - days).count();
  return {static_cast<int>(weekday.iso_encoding()), static_cast<int>(minutes)};
}

std::string FakePostStore::Insert(const std::string&, const app::PostAccount& account, const json& body,
                                  Clock::TimePoint now, const app::ClientInfo& client) {
  dirty_ = true;
  CheckClient(client);
  CheckBody(body);
  if (!body.contains("final_content")) Refused("manual_posts.final_content: null value in a NOT NULL column");
  json row = PostSeed(kPostId, false);
  row["creation_started_at"] = FormatTimestamp(now);
  Merge(row, body);
  row["id"] = ids_.Next();
  row["persona_id"] = account.persona_id;
  row["platform_type"] = account.platform_type;
  bool scheduled = row["scheduled_for"].is_string();
  row["state"] = scheduled ? "scheduled" : "draft";
  row["publishing_method"] = scheduled ? "scheduled_manual" : "manual";
  posts_[row["id"]] = row;
  return row["id"];
}

std::optional<json> FakePostStore::Find(const std::string&, const std::string& id) {
  auto it = posts_.find(CanonicalUuid(id));
  if (it == posts_.end()) return std::nullopt;
  return it->second;
}

app::Page FakePostStore::List(const std::string&, const app::PostFilter& filter, const app::PageRequest& page) {
  CheckOptionalText(filter.state, "manual_posts.state");
  std::map<std::string, json> matching;
  for (const auto& [id, row] : posts_) {
    if (filter.persona_id && row["persona_id"] != CanonicalUuid(*filter.persona_id)) continue;
    if (filter.state && row["state"] != *filter.state) continue;
    matching[id] = row;
  }
  return PageOf(matching, page);
}

bool FakePostStore::Update(const std::string&, const std::string& id, const json& patch, Clock::TimePoint,
                           const app::ClientInfo& client) {
  dirty_ = true;
  CheckClient(client);
  CheckBody(patch);
  auto it = posts_.find(CanonicalUuid(id));
  if (it == posts_.end()) return false;
  Merge(it->second, patch);
  if (patch.contains("scheduled_for") && it->second["state"] != "published") {
    bool scheduled = it->second["scheduled_for"].is_string();
    it->second["state"] = scheduled ? "scheduled" : "draft";
    it->second["publishing_method"] = scheduled ? "scheduled_manual" : "manual";
  }
  return true;
}

bool FakePostStore::Delete(const std::string&, const std::string& id, Clock::TimePoint, const app::ClientInfo& client) {
  dirty_ = true;
  CheckClient(client);
  return posts_.erase(CanonicalUuid(id)) > 0;
}

app::PublishOutcome FakePostStore::Publish(const std::string&, const std::string& id,
                                           const std::string& platform_post_id, Clock::TimePoint published_at,
                                           Clock::TimePoint, const app::ClientInfo& client) {
  dirty_ = true;
  CheckClient(client);
  CheckText(platform_post_id, "manual_posts.platform_post_id", 255);
  auto it = posts_.find(CanonicalUuid(id));
  if (it == posts_.end()) return {app::PublishOutcome::Kind::kNotFound};
  if (it->second["state"] == "published") {
    return {.kind = app::PublishOutcome::Kind::kAlreadyPublished,
            .published_at = it->second["published_manually_at"].get<std::string>()};
  }
  it->second["state"] = "published";
  it->second["platform_post_id"] = platform_post_id;
  it->second["published_manually_at"] = FormatTimestamp(published_at);
  return {app::PublishOutcome::Kind::kPublished};
}

app::EngagementOutcome FakePostStore::RecordEngagement(const std::string&, const std::string& id,
                                                       const std::string& window, const json& metrics,
                                                       Clock::TimePoint now, const app::ClientInfo& client) {
  dirty_ = true;
  CheckClient(client);
  CheckText(window, "engagement window");
  CheckJsonb(metrics, "manual_posts." + window + "_engagement");
  auto it = posts_.find(CanonicalUuid(id));
  if (it == posts_.end()) return {app::EngagementOutcome::Kind::kNotFound};
  if (it->second["state"] != "published") return {app::EngagementOutcome::Kind::kNotPublished};
  it->second[window + "_engagement"] = {{"metrics", metrics}, {"captured_at", FormatTimestamp(now)}};
  return {app::EngagementOutcome::Kind::kRecorded};
}

std::vector<json> FakePostStore::Due(const std::string&, Clock::TimePoint) {
  return {{{"kind", "publish"}, {"due_at", Now()}, {"post", posts_.begin()->second}}};
}

std::vector<std::string> FakePostStore::MatchAccounts(const std::string&, const std::string& persona,
                                                      const std::string& account) {
  CheckText(persona, "personas.name");
  CheckText(account, "platform_accounts.username");
  std::vector<std::string> out;
  for (const auto& [id, row] : accounts_.All()) {
    const json* p = personas_.Get(row["persona_id"]);
    if (p == nullptr) continue;
    bool persona_matches = CanonicalUuid(persona) == (*p)["id"] || persona == (*p)["name"];
    bool account_matches = CanonicalUuid(account) == id || account == row["username"];
    if (persona_matches && account_matches && out.size() < 2) out.push_back(id);
  }
  return out;
}

std::string FakePostStore::LocalToUtc(const std::string& local, const std::string& timezone) {
  CheckText(local, "local time");
  CheckText(timezone, "personas.timezone");
  if (local.size() != 16) Refused("LocalToUtc: not YYYY-MM-DD HH:MM: " + local);
  return local.substr(0, 10) + "T" + local.substr(11) + ":00.000000Z";
}

std::vector<json> FakePostStore::Warnings(const std::string&, const app::WarningsQuery& query) {
  CheckText(query.account_id, "platform_accounts.id");
  CheckText(query.text, "manual_posts.final_content");
  CheckOptionalText(query.post_id, "manual_posts.id");
  if (query.scheduled_for && !ParseTimestamp(*query.scheduled_for)) Refused("Warnings: scheduled_for not a time");
  std::vector<json> out;
  for (const auto& [id, row] : posts_) {
    if (row["final_content"] == query.text && (!query.post_id || *query.post_id != id)) {
      out.push_back({{"code", "duplicate_text"}, {"post_id", id}, {"message", "the same text as another post"}});
    }
  }
  return out;
}

std::vector<json> FakePostStore::Export(const std::string&, const app::PostFilter& filter) {
  std::vector<json> out;
  for (const auto& [id, row] : posts_) {
    if (filter.state && row["state"] != *filter.state) continue;
    json post = row;
    post["persona"] = "Maria";
    post["account"] = "maria";
    post["template_id"] = row["content_template_id"];
    out.push_back(post);
  }
  return out;
}

// --- sessions -------------------------------------------------------------------------

namespace {

json SessionJson(const std::string& id, const std::string& persona_id, const std::string& status, const json& platforms,
                 const json& platform_sessions) {
  return {{"id", id},
          {"persona_id", persona_id},
          {"session_status", status},
          {"active_platforms", platforms},
          {"platform_sessions", platform_sessions},
          {"actions_performed", 0},
          {"content_posted", 0},
          {"started_at", Now()},
          {"ended_at", nullptr},
          {"suspicious_activity_detected", false},
          {"risk_events", json::array()},
          {"error_message", nullptr}};
}

}  // namespace

void FakeSessionStore::Reset() {
  if (!dirty_) return;  // nothing changed since the last reset
  dirty_ = false;
  sessions_ = {{kSessionId, {SessionJson(kSessionId, kPersonaId, "active", {"twitter"}, json::object()), 1, true}}};
}

app::SessionOutcome FakeSessionStore::Start(const std::string&, const std::string& persona_id,
                                            const json& active_platforms, const json& platform_sessions,
                                            Clock::TimePoint, const app::ClientInfo& client) {
  dirty_ = true;
  CheckClient(client);
  CheckJsonb(active_platforms, "persona_sessions.active_platforms");
  CheckJsonb(platform_sessions, "persona_sessions.platform_sessions");
  if (!personas_.Has(CanonicalUuid(persona_id))) return {app::SessionOutcome::Kind::kNotFound};
  for (const auto& [id, s] : sessions_) {
    if (s.live && s.session["persona_id"] == CanonicalUuid(persona_id)) {
      return {app::SessionOutcome::Kind::kLiveExists, id, s.version};
    }
  }
  std::string id = ids_.Next();
  sessions_[id] = {SessionJson(id, CanonicalUuid(persona_id), "starting", active_platforms, platform_sessions), 1,
                   true};
  return {app::SessionOutcome::Kind::kDone, id, 1};
}

std::optional<app::StoredSession> FakeSessionStore::Find(const std::string&, const std::string& id) {
  auto it = sessions_.find(CanonicalUuid(id));
  if (it == sessions_.end()) return std::nullopt;
  return it->second;
}

app::Page FakeSessionStore::List(const std::string&, const app::SessionFilter& filter, const app::PageRequest& page) {
  CheckOptionalText(filter.status, "persona_sessions.session_status");
  std::map<std::string, json> rows;
  for (const auto& [id, s] : sessions_) rows[id] = s.session;
  return PageOf(rows, page);
}

app::SessionOutcome FakeSessionStore::Update(const std::string&, const std::string& id, const app::SessionPatch& patch,
                                             Clock::TimePoint, const app::ClientInfo& client) {
  dirty_ = true;
  CheckClient(client);
  CheckOptionalText(patch.status, "persona_sessions.session_status", 20);
  CheckOptionalText(patch.error_message, "persona_sessions.error_message");
  for (const auto* v : {&patch.active_platforms, &patch.platform_sessions, &patch.risk_events}) {
    if (*v) CheckJsonb(**v, "persona_sessions");
  }
  auto it = sessions_.find(CanonicalUuid(id));
  if (it == sessions_.end()) return {app::SessionOutcome::Kind::kNotFound};
  auto& s = it->second;
  if (!s.live) return {app::SessionOutcome::Kind::kNotLive, it->first, s.version};
  if (patch.status) s.session["session_status"] = *patch.status;
  if (patch.active_platforms) s.session["active_platforms"] = *patch.active_platforms;
  if (patch.platform_sessions) s.session["platform_sessions"] = *patch.platform_sessions;
  if (patch.risk_events) s.session["risk_events"] = *patch.risk_events;
  if (patch.suspicious_activity_detected)
    s.session["suspicious_activity_detected"] = *patch.suspicious_activity_detected;
  if (patch.error_message) {
    s.session["session_status"] = "error";
    s.session["error_message"] = *patch.error_message;
    s.live = false;
  }
  ++s.version;
  return {app::SessionOutcome::Kind::kDone, it->first, s.version};
}

app::SessionOutcome FakeSessionStore::End(const std::string&, const std::string& id, Clock::TimePoint,
                                          const app::ClientInfo& client) {
  dirty_ = true;
  CheckClient(client);
  auto it = sessions_.find(CanonicalUuid(id));
  if (it == sessions_.end()) return {app::SessionOutcome::Kind::kNotFound};
  auto& s = it->second;
  if (!s.live) return {app::SessionOutcome::Kind::kNotLive, it->first, s.version};
  s.live = false;
  s.session["session_status"] = "ended";
  s.session["ended_at"] = Now();
  ++s.version;
  return {app::SessionOutcome::Kind::kDone, it->first, s.version};
}

app::SessionSweep FakeSessionStore::Sweep(Clock::TimePoint, Clock::TimePoint, Clock::TimePoint) { return {}; }

std::optional<app::CachedSession> FakeSessionCache::Get(const std::string& session_id) {
  auto it = entries_.find(session_id);
  if (it == entries_.end()) return std::nullopt;
  return it->second.second;
}

void FakeSessionCache::Put(const std::string& session_id, long long version, const app::CachedSession& session) {
  auto& entry = entries_[session_id];
  if (entry.first >= version && entry.first != 0) return;
  entry = {version, session};
}

void FakeSessionCache::Forget(const std::string& session_id, long long version) {
  auto& entry = entries_[session_id];
  entry = {std::max(entry.first, version), std::nullopt};
}

// --- activity, security events, dashboard, export --------------------------------------

app::Page FakeActivityStore::List(const std::string&, const app::ActivityFilter& filter, const app::PageRequest&) {
  CheckOptionalText(filter.activity_type, "activity_logs.activity_type");
  CheckOptionalText(filter.platform_type, "activity_logs.platform_type");
  return app::Page{{"[" + Find(kUserId, kActivityId)->text + "]"}, std::nullopt};
}

std::optional<app::JsonText> FakeActivityStore::Find(const std::string&, const std::string& id) {
  if (CanonicalUuid(id) != kActivityId) return std::nullopt;
  return app::JsonText{json{{"id", kActivityId}, {"activity_type", "like"}, {"created_at", Now()}}.dump()};
}

std::optional<json> FakeActivityStore::RecordManual(const std::string&, const app::ManualAction& action,
                                                    Clock::TimePoint, const app::ClientInfo& client) {
  CheckClient(client);
  CheckText(action.activity_type, "activity_logs.activity_type", 50);
  CheckText(action.platform_type, "activity_logs.platform_type", 50);
  CheckJsonb(action.activity_data, "activity_logs.activity_data");
  if (!IsUuid(action.persona_id)) Refused("activity_logs.persona_id: not a uuid");
  if (!personas_.Has(CanonicalUuid(action.persona_id))) return std::nullopt;
  return json{{"id", ids_.Next()},
              {"persona_id", CanonicalUuid(action.persona_id)},
              {"activity_type", action.activity_type},
              {"platform_type", action.platform_type},
              {"activity_data", action.activity_data},
              {"anomaly_score", 0.0},
              {"risk_level", "low"}};
}

app::Page FakeSecurityEventStore::List(const std::string&, const app::SecurityEventFilter& filter,
                                       const app::PageRequest&) {
  CheckOptionalText(filter.severity, "security_events.severity");
  CheckOptionalText(filter.event_type, "security_events.event_type");
  return app::Page{{json::array({*Find(kUserId, kEventId)}).dump()}, std::nullopt};
}

std::optional<json> FakeSecurityEventStore::Find(const std::string&, const std::string& id) {
  if (CanonicalUuid(id) != kEventId) return std::nullopt;
  return json{{"id", kEventId}, {"event_type", "secret_revealed"}, {"severity", "warning"}, {"resolved", resolved_}};
}

std::optional<bool> FakeSecurityEventStore::Resolve(const std::string&, const std::string& id,
                                                    const json& actions_taken, Clock::TimePoint,
                                                    const app::ClientInfo& client) {
  CheckClient(client);
  CheckJsonb(actions_taken, "security_events.actions_taken");
  if (CanonicalUuid(id) != kEventId) return std::nullopt;
  if (resolved_) return false;
  resolved_ = true;
  return true;
}

std::vector<json> FakeDashboardStore::Personas(const std::string&, Clock::TimePoint) {
  std::vector<json> out;
  app::Page page = personas_.List(kUserId, {.limit = 1000});
  for (const auto& p : json::parse(page.items.text)) {
    out.push_back({{"id", p["id"]},
                   {"name", p["name"]},
                   {"status", p["status"]},
                   {"live_session", nullptr},
                   {"accounts", {{{"posts_today", 1}, {"is_active", true}, {"daily_post_limit", 10}}}}});
  }
  return out;
}

json FakeDashboardStore::Totals(const std::string&, Clock::TimePoint) { return {{"open_security_events", 1}}; }

std::optional<std::string> FakeExportStore::PasswordHash(const std::string&) { return password_hash_; }

void FakeExportStore::RecordSecretsExport(const std::string&, bool, Clock::TimePoint, const app::ClientInfo& client) {
  CheckClient(client);
}

void FakeExportStore::Write(const app::ExportRequest& request, const app::ExportWriter& write) {
  write(R"({"user":{"id":")" + request.user_id + R"("},"exported_at":")" + request.exported_at + "\"}");
}

// --- auth -----------------------------------------------------------------------------

namespace {

const std::string kSessionCredential = "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb";

void CheckSecurityEvent(const app::SecurityEvent& e) {
  CheckText(e.event_type, "security_events.event_type", 50);
  CheckText(e.severity, "security_events.severity", 20);
  CheckText(e.description, "security_events.event_description");
  CheckJsonb(e.data, "security_events.event_data");
  CheckText(e.source_ip, "security_events.source_ip", 45);
  CheckText(e.user_agent, "security_events.user_agent");
}

void CheckActivity(const app::Activity& a) {
  CheckText(a.activity_type, "activity_logs.activity_type", 50);
  CheckJsonb(a.data, "activity_logs.activity_data");
  CheckText(a.ip_address, "activity_logs.ip_address", 45);
  CheckText(a.user_agent, "activity_logs.user_agent");
  CheckOptionalText(a.platform_type, "activity_logs.platform_type", 50);
}

class FakeAuthTx : public app::AuthTx {
 public:
  explicit FakeAuthTx(FakeAuthStore::State& state) : s_(state) {}

  void LockLogin(const std::string& email, const std::string& source_ip) override {
    CheckText(email, "pg_advisory_xact_lock(hashtext(email))");
    CheckText(source_ip, "pg_advisory_xact_lock(hashtext(source_ip))");
  }
  std::optional<app::TimePoint> ThrottledUntilEmail(const std::string& email, app::TimePoint now, int limit,
                                                    std::chrono::seconds window) override {
    CheckText(email, "login_attempts.email");
    if (s_.failures >= limit) return now + window;
    return std::nullopt;
  }
  std::optional<app::TimePoint> ThrottledUntilAddress(const std::string& source_ip, app::TimePoint, int,
                                                      std::chrono::seconds) override {
    CheckText(source_ip, "login_attempts.source_ip");
    return std::nullopt;
  }
  int CountFailures(const std::string& email, app::TimePoint, std::chrono::seconds) override {
    CheckText(email, "login_attempts.email");
    return s_.failures;
  }
  void RecordAttempt(const std::string& email, const std::string& source_ip, bool succeeded, app::TimePoint) override {
    CheckText(email, "login_attempts.email", 255);
    CheckText(source_ip, "login_attempts.source_ip", 45);
    if (!succeeded) ++s_.failures;
  }
  std::optional<app::LoginAccount> FindAccount(const std::string& email) override {
    CheckText(email, "users.email");
    if (email != kEmail) return std::nullopt;
    return app::LoginAccount{kUserId,
                             s_.profile.password_hash,
                             true,
                             s_.profile.two_factor_enabled,
                             s_.profile.two_factor_secret,
                             s_.profile.totp_last_step};
  }
  std::optional<app::Profile> FindProfile(const std::string& user_id) override {
    if (user_id != kUserId) return std::nullopt;
    return s_.profile;
  }
  bool UseTotpStep(const std::string&, long long step) override {
    if (step <= s_.profile.totp_last_step) return false;
    s_.profile.totp_last_step = step;
    return true;
  }
  bool UseRecoveryCode(const std::string&, const std::string& code_hash, app::TimePoint) override {
    CheckText(code_hash, "recovery_codes.code_hash");
    auto it = std::find(s_.recovery_hashes.begin(), s_.recovery_hashes.end(), code_hash);
    if (it == s_.recovery_hashes.end()) return false;
    s_.recovery_hashes.erase(it);
    return true;
  }
  std::string CreateSession(const std::string&, const std::string& token_hash, app::TimePoint, std::chrono::seconds,
                            const std::string& ip, const std::string& user_agent) override {
    CheckText(token_hash, "auth_sessions.token_hash");
    CheckText(ip, "auth_sessions.ip_address", 45);
    CheckText(user_agent, "auth_sessions.user_agent");
    return "cccccccc-cccc-4ccc-8ccc-cccccccccccc";
  }
  void DeleteSession(const std::string&, const std::string& session_id) override {
    CheckText(session_id, "auth_sessions.id");
  }
  void DeleteOtherSessions(const std::string&, const std::string& keep_session_id) override {
    CheckText(keep_session_id, "auth_sessions.id");
  }
  void MarkLogin(const std::string&, app::TimePoint now) override { s_.profile.last_login = FormatTimestamp(now); }
  void SetPasswordHash(const std::string&, const std::string& hash, app::TimePoint) override {
    CheckText(hash, "users.password_hash", 255);
    s_.profile.password_hash = hash;
    s_.profile.password_change_required = false;
  }
  void RehashPassword(const std::string&, const std::string& hash) override {
    CheckText(hash, "users.password_hash", 255);
    s_.profile.password_hash = hash;
  }
  void SetPendingTotp(const std::string&, const std::string& encrypted_secret) override {
    CheckText(encrypted_secret, "users.totp_pending_secret");
    s_.profile.totp_pending_secret = encrypted_secret;
  }
  bool EnableTotp(const std::string&, const std::string& encrypted_secret, long long step, app::TimePoint) override {
    CheckText(encrypted_secret, "users.two_factor_secret", 255);
    if (s_.profile.two_factor_enabled) return false;
    s_.profile.two_factor_enabled = true;
    s_.profile.two_factor_secret = encrypted_secret;
    s_.profile.totp_pending_secret.reset();
    s_.profile.totp_last_step = step;
    return true;
  }
  void DisableTotp(const std::string&, app::TimePoint) override {
    s_.profile.two_factor_enabled = false;
    s_.profile.two_factor_secret.reset();
  }
  void ReplaceRecoveryCodes(const std::string&, const std::vector<std::string>& code_hashes) override {
    for (const auto& h : code_hashes) CheckText(h, "recovery_codes.code_hash");
    s_.recovery_hashes = code_hashes;
  }
  app::ApiTokenInfo CreateToken(const std::string&, const std::string& name, const std::string& token_hash,
                                app::TimePoint now) override {
    CheckText(name, "api_tokens.name", 100);
    CheckText(token_hash, "api_tokens.token_hash");
    char id[40];
    std::snprintf(id, sizeof id, "dddddddd-dddd-4ddd-8ddd-%012d", s_.next_id++);
    app::ApiTokenInfo info{id, name, FormatTimestamp(now), std::nullopt};
    s_.tokens.push_back(info);
    return info;
  }
  std::vector<app::ApiTokenInfo> ListTokens(const std::string&) override { return s_.tokens; }
  bool DeleteToken(const std::string&, const std::string& token_id) override {
    CheckText(token_id, "api_tokens.id");  // delete_token.sql compares id::text, so any text
    auto it =
        std::find_if(s_.tokens.begin(), s_.tokens.end(), [&](const app::ApiTokenInfo& t) { return t.id == token_id; });
    if (it == s_.tokens.end()) return false;
    s_.tokens.erase(it);
    return true;
  }
  void RecordSecurityEvent(const app::SecurityEvent& event, app::TimePoint) override { CheckSecurityEvent(event); }
  void RecordActivity(const app::Activity& activity, app::TimePoint) override { CheckActivity(activity); }

 private:
  FakeAuthStore::State& s_;
};

}  // namespace

void FakeAuthStore::Reset() {
  state_ = State{};
  state_.profile = app::Profile{.id = kUserId,
                                .email = kEmail,
                                .subscription_tier = "basic",
                                .max_personas = 20,
                                .created_at = "2026-11-01T00:00:00.000000Z",
                                .password_hash = initial_hash_};
  state_.tokens = {{kTokenId, "script", "2026-11-01T00:00:00.000000Z", std::nullopt}};
}

void FakeAuthStore::Transaction(const std::function<void(app::AuthTx&)>& work) {
  State working = state_;
  FakeAuthTx tx(working);
  work(tx);
  state_ = std::move(working);  // commit; an exception above rolls back
}

std::optional<app::CallerIdentity> FakeAuthStore::SessionCaller(const std::string& token_hash, app::TimePoint,
                                                                std::chrono::seconds) {
  static const std::string kHash = crypto::HashToken(kSessionToken);
  if (token_hash != kHash) return std::nullopt;
  return app::CallerIdentity{kSessionCredential, kUserId};
}

std::optional<app::CallerIdentity> FakeAuthStore::TokenCaller(const std::string& token_hash, app::TimePoint) {
  static const std::string kHash = crypto::HashToken(kApiToken);
  if (token_hash != kHash) return std::nullopt;
  return app::CallerIdentity{kTokenId, kUserId};
}

std::string FakeUserRepository::Add(const app::NewUser& user) {
  CheckText(user.email, "users.email", 255);
  CheckText(user.password_hash, "users.password_hash", 255);
  throw ConflictError("the email is taken");
}

std::vector<app::UserSummary> FakeUserRepository::List() {
  return {{kUserId, kEmail, "basic", 20, true, false, "2026-11-01T00:00:00.000000Z", std::nullopt}};
}

bool FakeUserRepository::SetPasswordHash(const std::string& email, const std::string& password_hash) {
  CheckText(password_hash, "users.password_hash", 255);
  return email == kEmail;
}

std::optional<std::string> FakeUserRepository::IdOf(const std::string& email) {
  if (email == kEmail) return std::string(kUserId);
  return std::nullopt;
}

std::optional<app::ErasureReport> FakeUserRepository::Erase(const std::string& user_id,
                                                            const std::function<void(const std::string&)>& check) {
  if (user_id != kUserId) return std::nullopt;
  check(password_hash_);
  return app::ErasureReport{{{"personas", 1}}, 1};
}

}  // namespace persona::fuzz
