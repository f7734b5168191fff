#include "app/post_service.h"

#include <chrono>
#include <map>
#include <regex>
#include <utility>

#include "core/time_format.h"
#include "core/uuid.h"
#include "domain/csv.h"
#include "domain/engagement.h"
#include "domain/posting_window.h"
#include "domain/template_render.h"
#include "domain/text_diff.h"
#include "domain/text_length.h"

namespace persona::app {
namespace {

using Fields = std::vector<ValidationError::Field>;

bool IsText(const nlohmann::json& v, std::size_t min, std::size_t max) {
  return v.is_string() && v.get_ref<const std::string&>().size() >= min &&
         v.get_ref<const std::string&>().size() <= max;
}

bool IsTextList(const nlohmann::json& v, std::size_t items, std::size_t max_length) {
  if (!v.is_array() || v.size() > items) return false;
  for (const auto& item : v) {
    if (!IsText(item, 1, max_length)) return false;
  }
  return true;
}

constexpr const char* kMethodMessage =
    "must agree with scheduled_for: manual without a scheduled_for, scheduled_manual with one";

// Checks the members a post body may carry and returns the body with times in canonical
// UTC and ids in lowercase. `creating` allows the members that only make sense at
// creation. publishing_method follows from scheduled_for, so it is only checked (here
// against a scheduled_for in the same body) and then dropped.
nlohmann::json ValidatePost(const nlohmann::json& body, bool creating, Clock::TimePoint now) {
  if (!body.is_object()) throw ValidationError("", "the request body must be a JSON object");
  Fields errors;
  nlohmann::json out = body;
  for (const auto& [key, v] : body.items()) {
    if (creating && (key == "platform_account_id" || key == "content_template_id" || key == "persona_id")) {
      if (!v.is_string() || !IsUuid(v.get<std::string>())) {
        errors.push_back({key, "must be an id"});
      } else {
        out[key] = CanonicalUuid(v.get<std::string>());
      }
    } else if (creating && key == "creation_started_at") {
      auto at = v.is_string() ? ParseTimestamp(v.get<std::string>()) : std::nullopt;
      if (!at) {
        errors.push_back({key, "must be an RFC 3339 time such as \"2026-11-28T08:30:00+08:00\""});
      } else if (*at > now) {
        errors.push_back({key, "must not be in the future: it is when writing began"});
      } else {
        out[key] = FormatTimestamp(*at);
      }
    } else if (key == "publishing_method") {
      if (v != "manual" && v != "scheduled_manual") errors.push_back({key, "must be manual or scheduled_manual"});
    } else if (creating && key == "theme") {
      if (!IsText(v, 1, 200)) errors.push_back({key, "must be 1 to 200 characters"});
    } else if (key == "final_content") {
      if (!IsText(v, 1, 20000)) errors.push_back({key, "must be 1 to 20000 characters"});
    } else if (key == "final_hashtags") {
      if (!IsTextList(v, 30, 100)) errors.push_back({key, "must be a list of at most 30 hashtags"});
    } else if (key == "final_media_urls") {
      if (!IsTextList(v, 20, 2048)) errors.push_back({key, "must be a list of at most 20 URLs"});
    } else if (key == "scheduled_for") {
      if (v.is_null()) continue;
      auto at = v.is_string() ? ParseTimestamp(v.get<std::string>()) : std::nullopt;
      if (!at) {
        errors.push_back({key, "must be an RFC 3339 time such as \"2026-11-28T08:30:00+08:00\", or null"});
      } else {
        out[key] = FormatTimestamp(*at);
      }
    } else if (key == "authenticity_rating") {
      if (!v.is_number() || v.get<double>() < 0 || v.get<double>() > 9.99) {
        errors.push_back({key, "must be a number from 0 to 9.99"});
      }
    } else if (key == "user_satisfaction") {
      if (!v.is_null() && (!v.is_number_integer() || v.get<long long>() < 1 || v.get<long long>() > 5)) {
        errors.push_back({key, "must be an integer from 1 to 5, or null"});
      }
    } else if (key == "improvement_notes") {
      if (!v.is_null() && !IsText(v, 0, 5000)) errors.push_back({key, "must be at most 5000 characters, or null"});
    } else {
      errors.push_back({key, "is not a field you can set"});
    }
  }
  if (auto method = body.find("publishing_method");
      method != body.end() && (creating || body.contains("scheduled_for"))) {
    bool scheduled = body.contains("scheduled_for") && !body["scheduled_for"].is_null();
    if ((*method == "scheduled_manual") != scheduled && (*method == "manual" || *method == "scheduled_manual")) {
      errors.push_back({"publishing_method", kMethodMessage});
    }
  }
  out.erase("publishing_method");
  if (creating && !body.contains("platform_account_id")) errors.push_back({"platform_account_id", "is required"});
  if (creating && !body.contains("final_content") && !body.contains("content_template_id")) {
    errors.push_back({"final_content", "is required without a content_template_id"});
  }
  if (!errors.empty()) throw ValidationError(errors);
  return out;
}

void CheckLength(const std::string& text, const std::string& platform) {
  auto limit = domain::PlatformTextLimit(platform);
  int length = domain::PostLength(text, platform);
  if (limit && length > *limit) {
    throw ValidationError("final_content", "is " + std::to_string(length) + " characters as " + platform +
                                               " counts them; it allows " + std::to_string(*limit));
  }
}

}  // namespace

void PostService::CheckSchedule(const std::string& user_id, const PostAccount& account,
                                const std::string& scheduled_for) {
  auto at = *ParseTimestamp(scheduled_for);
  if (at <= clock_.Now()) throw ValidationError("scheduled_for", "must be in the future");
  auto persona = personas_.GetFields(user_id, account.persona_id);
  auto [weekday, minute] = store_.LocalTime(at, account.timezone);
  auto problem = domain::CheckScheduledTime(persona["activity_schedule"], persona["name"].get<std::string>(),
                                            domain::LocalTime{weekday, minute}, kScheduleToleranceMinutes);
  if (problem) throw ValidationError("scheduled_for", *problem);
}

std::vector<nlohmann::json> PostService::WarningsFor(const std::string& user_id, const PostAccount& account,
                                                     const nlohmann::json& post) {
  auto text_of = [&](const char* key) -> std::optional<std::string> {
    auto it = post.find(key);
    return it != post.end() && it->is_string() ? std::optional(it->get<std::string>()) : std::nullopt;
  };
  auto text = text_of("final_content").value_or("");
  auto warnings = store_.Warnings(user_id, {account.account_id, text, text_of("scheduled_for"), text_of("id")});
  const int limit = account.max_hashtags.value_or(domain::DefaultHashtagLimit(account.platform_type));
  if (int count = domain::CountHashtags(text); count > limit) {
    warnings.push_back(
        {{"code", "too_many_hashtags"},
         {"message", std::to_string(count) + " hashtags; this account's limit is " + std::to_string(limit)},
         {"hashtag_limit", limit}});
  }
  return warnings;
}

nlohmann::json PostService::Check(const std::string& user_id, const nlohmann::json& body) {
  if (!body.is_object()) throw ValidationError("", "the request body must be a JSON object");
  std::vector<ValidationError::Field> errors;
  nlohmann::json post = nlohmann::json::object();
  std::optional<std::string> account_id;
  for (const auto& [key, v] : body.items()) {
    if (key == "platform_account_id" || key == "post_id") {
      if (key == "post_id" && v.is_null()) continue;
      if (!v.is_string() || !IsUuid(v.get<std::string>())) {
        errors.push_back({key, "must be a UUID"});
      } else if (key == "post_id") {
        post["id"] = CanonicalUuid(v.get<std::string>());
      } else {
        account_id = CanonicalUuid(v.get<std::string>());
      }
    } else if (key == "final_content") {
      if (!v.is_string() || v.get_ref<const std::string&>().size() > 65536) {
        errors.push_back({key, "must be a string of at most 64 KiB"});
      } else {
        post[key] = v;
      }
    } else if (key == "scheduled_for") {
      if (v.is_null()) continue;
      auto at = v.is_string() ? ParseTimestamp(v.get<std::string>()) : std::nullopt;
      if (!at) {
        errors.push_back({key, "must be an RFC 3339 time such as \"2026-11-27T08:00:00Z\", or null"});
      } else {
        post[key] = FormatTimestamp(*at);
      }
    } else {
      errors.push_back({key, "is not a field of a check"});
    }
  }
  if (!body.contains("platform_account_id")) errors.push_back({"platform_account_id", "is required"});
  if (!body.contains("final_content")) errors.push_back({"final_content", "is required"});
  if (!errors.empty()) throw ValidationError(errors);
  auto account = store_.Account(user_id, *account_id);
  if (!account) throw NotFoundError("no such account");
  const auto& text = post["final_content"].get_ref<const std::string&>();
  return {{"length", domain::PostLength(text, account->platform_type)},
          {"platform_limit", domain::PlatformTextLimit(account->platform_type).value_or(0)},
          {"hashtag_count", domain::CountHashtags(text)},
          {"hashtag_limit", account->max_hashtags.value_or(domain::DefaultHashtagLimit(account->platform_type))},
          {"warnings", WarningsFor(user_id, *account, post)}};
}

nlohmann::json PostService::Create(const std::string& user_id, const nlohmann::json& body, const ClientInfo& client) {
  auto post = ValidatePost(body, true, clock_.Now());
  auto account = store_.Account(user_id, post["platform_account_id"].get<std::string>());
  if (!account) throw NotFoundError("no such platform account");
  if (auto it = post.find("persona_id"); it != post.end()) {
    if (*it != account->persona_id) {
      personas_.Get(user_id, it->get<std::string>());  // another user's persona: 404
      throw ValidationError("persona_id", "must be the persona of platform_account_id");
    }
    post.erase(it);  // the account's persona is the post's
  }

  if (auto it = post.find("content_template_id"); it != post.end()) {
    std::optional<std::string> theme;
    if (post.contains("theme")) theme = post["theme"].get<std::string>();
    auto rendered =
        templates_.Render(user_id, it->get<std::string>(), account->persona_id, account->platform_type, theme);
    if (!post.contains("final_content")) post["final_content"] = rendered["text"];
    if (!post.contains("final_hashtags")) post["final_hashtags"] = rendered["hashtags"];
    // What the operator changed by hand, against what the template gave.
    auto edits =
        domain::DiffFromTemplate(rendered["text"].get<std::string>(), post["final_content"].get<std::string>());
    post["manual_customization_level"] = domain::CustomizationLevel(edits["change_ratio"].get<double>());
    post["content_edits_from_template"] = std::move(edits);
  }
  post.erase("theme");
  CheckLength(post["final_content"].get<std::string>(), account->platform_type);
  if (post.contains("scheduled_for") && !post["scheduled_for"].is_null()) {
    CheckSchedule(user_id, *account, post["scheduled_for"].get<std::string>());
  }
  auto created = Get(user_id, store_.Insert(user_id, *account, post, clock_.Now(), client));
  created["warnings"] = WarningsFor(user_id, *account, created);
  return created;
}

namespace {

constexpr std::size_t kMaxImportRows = 1000;
const std::vector<std::string> kImportColumns = {"persona", "account", "text", "template", "theme", "local_time"};

// The CSV column a post member came from, for error messages.
std::string ColumnOf(const std::string& member) {
  if (member == "final_content") return "text";
  if (member == "content_template_id") return "template";
  if (member == "scheduled_for") return "local_time";
  return member;
}

// "YYYY-MM-DD HH:MM" (or with a T) that is a real date and time.
std::optional<std::string> LocalTimeOf(const std::string& text) {
  static const std::regex kLocal(R"(([0-9]{4})-([0-9]{2})-([0-9]{2})[ T]([0-9]{2}):([0-9]{2}))");
  std::smatch m;
  if (!std::regex_match(text, m, kLocal)) return std::nullopt;
  std::chrono::year_month_day day{std::chrono::year(std::stoi(m[1])), std::chrono::month(std::stoul(m[2])),
                                  std::chrono::day(std::stoul(m[3]))};
  if (!day.ok() || std::stoi(m[4]) > 23 || std::stoi(m[5]) > 59) return std::nullopt;
  return m[1].str() + "-" + m[2].str() + "-" + m[3].str() + " " + m[4].str() + ":" + m[5].str();
}

std::string CellOf(const nlohmann::json& v) {
  if (v.is_null()) return "";
  if (v.is_string()) return v.get<std::string>();
  return v.dump();
}

}  // namespace

nlohmann::json PostService::Import(const std::string& user_id, std::string_view csv, const ClientInfo& client) {
  std::vector<std::vector<std::string>> rows;
  try {
    rows = domain::ParseCsv(csv);
  } catch (const std::invalid_argument& e) {
    throw ValidationError("", e.what());
  }
  if (rows.empty()) throw ValidationError("", "the CSV is empty: its first line must name the columns");
  std::map<std::string, std::size_t> column;
  Fields header_errors;
  for (std::size_t i = 0; i < rows[0].size(); ++i) {
    const auto& name = rows[0][i];
    if (std::find(kImportColumns.begin(), kImportColumns.end(), name) == kImportColumns.end()) {
      header_errors.push_back({name, "is not a column: use persona, account, text, template, theme, local_time"});
    } else if (!column.emplace(name, i).second) {
      header_errors.push_back({name, "is named twice"});
    }
  }
  for (const char* required : {"persona", "account"}) {
    if (!column.count(required)) header_errors.push_back({required, "is a required column"});
  }
  if (!column.count("text") && !column.count("template")) {
    header_errors.push_back({"text", "a text or a template column is required"});
  }
  if (!header_errors.empty()) throw ValidationError(header_errors);
  if (rows.size() - 1 > kMaxImportRows) throw ValidationError("", "at most 1000 rows at a time");

  nlohmann::json imported = nlohmann::json::array();
  nlohmann::json errors = nlohmann::json::array();
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const auto& row = rows[r];
    if (std::all_of(row.begin(), row.end(), [](const std::string& c) { return c.empty(); })) continue;
    auto fail = [&](const std::string& message) { errors.push_back({{"row", r}, {"message", message}}); };
    if (row.size() != rows[0].size()) {
      fail("has " + std::to_string(row.size()) + " cells; the header has " + std::to_string(rows[0].size()));
      continue;
    }
    auto cell = [&](const char* name) { return column.count(name) ? row[column.at(name)] : std::string(); };
    const auto persona = cell("persona"), account = cell("account");
    if (persona.empty() || account.empty()) {
      fail("persona and account are required");
      continue;
    }
    auto matches = store_.MatchAccounts(user_id, persona, account);
    if (matches.size() != 1) {
      fail(matches.empty() ? "no account '" + account + "' on a persona '" + persona + "'"
                           : "'" + account + "' on '" + persona + "' names more than one account: use ids");
      continue;
    }
    nlohmann::json body = {{"platform_account_id", matches[0]}};
    if (!cell("text").empty()) body["final_content"] = cell("text");
    if (!cell("template").empty()) body["content_template_id"] = cell("template");
    if (!cell("theme").empty()) body["theme"] = cell("theme");
    if (!cell("local_time").empty()) {
      auto local = LocalTimeOf(cell("local_time"));
      if (!local) {
        fail("local_time: must be YYYY-MM-DD HH:MM in the persona's time zone");
        continue;
      }
      body["scheduled_for"] = store_.LocalToUtc(*local, store_.Account(user_id, matches[0])->timezone);
    }
    try {
      imported.push_back(Create(user_id, body, client));
    } catch (const ValidationError& e) {
      std::string message;
      for (const auto& f : e.fields()) message += (message.empty() ? "" : "; ") + ColumnOf(f.field) + ": " + f.message;
      fail(message);
    } catch (const NotFoundError& e) {
      fail(std::string("template: ") + e.what());
    }
  }
  return {{"imported", std::move(imported)}, {"errors", std::move(errors)}};
}

std::string PostService::Export(const std::string& user_id, const PostFilter& filter) {
  static const std::vector<std::string> kWindows = {"immediate", "daily", "weekly"};
  static const std::vector<std::string> kMetrics = {"likes", "comments", "shares", "views"};
  std::vector<std::string> header = {"id",         "persona",       "persona_id",   "platform_type",    "account",
                                     "state",      "scheduled_for", "published_at", "platform_post_id", "text",
                                     "template_id"};
  for (const auto& w : kWindows) {
    for (const auto& m : kMetrics) header.push_back(w + "_" + m);
    header.push_back(w + "_captured_at");
  }
  for (const char* c :
       {"template_effectiveness", "authenticity_rating", "user_satisfaction", "manual_customization_level"}) {
    header.push_back(c);
  }
  std::string out = domain::CsvLine(header);
  for (const auto& post : store_.Export(user_id, filter)) {
    std::vector<std::string> cells;
    for (const char* c : {"id", "persona", "persona_id", "platform_type", "account", "state", "scheduled_for",
                          "published_manually_at", "platform_post_id", "final_content", "template_id"}) {
      cells.push_back(CellOf(post[c]));
    }
    for (const auto& w : kWindows) {
      const auto& snapshot = post[w + "_engagement"];
      const bool captured = snapshot.is_object() && snapshot.contains("metrics");
      for (const auto& m : kMetrics)
        cells.push_back(captured ? CellOf(snapshot["metrics"].value(m, nlohmann::json())) : "");
      cells.push_back(captured ? CellOf(snapshot.value("captured_at", nlohmann::json())) : "");
    }
    for (const char* c :
         {"template_effectiveness", "authenticity_rating", "user_satisfaction", "manual_customization_level"}) {
      cells.push_back(CellOf(post[c]));
    }
    out += domain::CsvLine(cells);
  }
  return out;
}

nlohmann::json PostService::Get(const std::string& user_id, const std::string& id) {
  auto post = IsUuid(id) ? store_.Find(user_id, id) : std::nullopt;
  if (!post) throw NotFoundError("no such post");
  return std::move(*post);
}

Page PostService::List(const std::string& user_id, const PostFilter& filter, const PageRequest& page) {
  return store_.List(user_id, filter, page);
}

nlohmann::json PostService::Update(const std::string& user_id, const std::string& id, const nlohmann::json& patch,
                                   const ClientInfo& client) {
  auto checked = ValidatePost(patch, false, clock_.Now());
  auto current = Get(user_id, id);
  // Without a scheduled_for in the patch, a publishing_method must match the post's.
  if (auto method = patch.find("publishing_method");
      method != patch.end() && !patch.contains("scheduled_for") && current["publishing_method"] != *method) {
    throw ValidationError("publishing_method", kMethodMessage);
  }
  bool published = current["state"] == "published";
  for (const char* content : {"final_content", "final_hashtags", "final_media_urls", "scheduled_for"}) {
    if (published && checked.contains(content)) {
      throw ConflictError(std::string("the post is published; its ") + content + " can no longer change");
    }
  }
  auto account = store_.Account(user_id, current["platform_account_id"].get<std::string>());
  if (!account) throw NotFoundError("no such post");
  if (checked.contains("final_content")) {
    CheckLength(checked["final_content"].get<std::string>(), account->platform_type);
    if (current["content_edits_from_template"].contains("operations")) {
      // Keep the diff against the template's text current: rebuild it from the kept and
      // deleted words, which are the rendered text.
      std::string rendered;
      for (const auto& op : current["content_edits_from_template"]["operations"]) {
        if (op["op"] == "insert") continue;
        rendered += (rendered.empty() ? "" : " ") + op["text"].get<std::string>();
      }
      auto edits = domain::DiffFromTemplate(rendered, checked["final_content"].get<std::string>());
      checked["manual_customization_level"] = domain::CustomizationLevel(edits["change_ratio"].get<double>());
      checked["content_edits_from_template"] = std::move(edits);
    }
  }
  if (checked.contains("scheduled_for") && !checked["scheduled_for"].is_null()) {
    CheckSchedule(user_id, *account, checked["scheduled_for"].get<std::string>());
  }
  if (!store_.Update(user_id, id, checked, clock_.Now(), client)) throw NotFoundError("no such post");
  return Get(user_id, id);
}

void PostService::Delete(const std::string& user_id, const std::string& id, const ClientInfo& client) {
  if (!IsUuid(id) || !store_.Delete(user_id, id, clock_.Now(), client)) throw NotFoundError("no such post");
}

nlohmann::json PostService::Publish(const std::string& user_id, const std::string& id, const nlohmann::json& body,
                                    const ClientInfo& client) {
  if (!IsUuid(id)) throw NotFoundError("no such post");
  if (!body.is_object()) throw ValidationError("", "the request body must be a JSON object");
  Fields errors;
  auto post_id = body.find("platform_post_id");
  if (post_id == body.end() || !IsText(*post_id, 1, 255)) {
    errors.push_back({"platform_post_id", "is required: the platform's id of the post, 1 to 255 characters"});
  }
  const auto now = clock_.Now();
  auto published_at = now;
  if (auto it = body.find("published_at"); it != body.end() && !it->is_null()) {
    auto at = it->is_string() ? ParseTimestamp(it->get<std::string>()) : std::nullopt;
    // A little clock skew is fine; a publication in the future or days back is a mistake.
    if (!at || *at > now + std::chrono::minutes(5) || *at < now - std::chrono::hours(24)) {
      errors.push_back({"published_at", "must be an RFC 3339 time within the last 24 hours"});
    } else {
      published_at = *at;
    }
  }
  if (!errors.empty()) throw ValidationError(errors);

  auto outcome = store_.Publish(user_id, id, post_id->get<std::string>(), published_at, now, client);
  using Kind = PublishOutcome::Kind;
  switch (outcome.kind) {
    case Kind::kPublished:
      break;
    case Kind::kNotFound:
      throw NotFoundError("no such post");
    case Kind::kAlreadyPublished:
      throw ConflictError("the post was already published at " + outcome.published_at, {{"code", "already_published"}});
    case Kind::kCoolingDown:
      throw ConflictError("the account is cooling down until " + outcome.frees_at,
                          {{"code", "cooldown"}, {"limit", "cooldown_until"}, {"frees_at", outcome.frees_at}});
    case Kind::kDailyLimit:
      throw ConflictError(
          "the account's daily_post_limit of " + std::to_string(outcome.daily_post_limit) +
              " is reached for the persona's day; it frees at " + outcome.frees_at,
          {{"code", "daily_limit_reached"}, {"limit", "daily_post_limit"}, {"frees_at", outcome.frees_at}});
  }
  return Get(user_id, id);
}

nlohmann::json PostService::RecordEngagement(const std::string& user_id, const std::string& id,
                                             const std::string& window, const nlohmann::json& metrics,
                                             const ClientInfo& client) {
  if (!IsUuid(id)) throw NotFoundError("no such post");
  if (!domain::FindEngagementWindow(window))
    throw NotFoundError("no such engagement window (immediate, daily, weekly)");
  if (auto problems = domain::ValidateEngagementMetrics(metrics); !problems.empty()) {
    Fields errors;
    for (auto& [field, message] : problems) errors.push_back({field, message});
    throw ValidationError(errors);
  }
  using Kind = EngagementOutcome::Kind;
  auto outcome = store_.RecordEngagement(user_id, id, window, metrics, clock_.Now(), client);
  switch (outcome.kind) {
    case Kind::kRecorded:
      break;
    case Kind::kNotFound:
      throw NotFoundError("no such post");
    case Kind::kNotPublished:
      throw ConflictError("the post is not published yet; engagement is measured after publication",
                          {{"code", "not_published"}});
  }
  return Get(user_id, id);
}

nlohmann::json PostService::Due(const std::string& user_id) { return {{"items", store_.Due(user_id, clock_.Now())}}; }

}  // namespace persona::app
