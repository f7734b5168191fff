#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/auth_service.h"
#include "app/page.h"
#include "app/persona_service.h"
#include "app/template_service.h"
#include "core/clock.h"
#include "core/errors.h"

namespace persona::app {

struct PostAccount {
  std::string account_id;
  std::string persona_id;
  std::string platform_type;
  std::string timezone;
  // platform_settings.max_hashtags; else the platform's default (domain::DefaultHashtagLimit).
  std::optional<int> max_hashtags;
};

// A text on an account, to warn about (PostStore::Warnings).
struct WarningsQuery {
  std::string account_id;
  std::string text;
  std::optional<std::string> scheduled_for;  // RFC 3339
  std::optional<std::string> post_id;        // the post itself, left out of the comparisons
};

struct PostFilter {
  std::optional<std::string> persona_id;
  std::optional<std::string> platform_account_id;
  std::optional<std::string> state;  // draft, scheduled, published
  std::optional<std::string> from;   // RFC 3339, canonical UTC
  std::optional<std::string> to;
};

struct EngagementOutcome {
  enum class Kind { kRecorded, kNotFound, kNotPublished };
  Kind kind = Kind::kNotFound;
};

struct PublishOutcome {
  enum class Kind { kPublished, kNotFound, kAlreadyPublished, kCoolingDown, kDailyLimit };
  Kind kind = Kind::kNotFound;
  std::string frees_at;      // cooldown end, or the persona-local midnight
  int daily_post_limit = 0;  // for kDailyLimit
  std::string published_at;  // for kAlreadyPublished
};

class PostStore {
 public:
  virtual ~PostStore() = default;
  virtual std::optional<PostAccount> Account(const std::string& user_id, const std::string& account_id) = 0;
  // ISO weekday (1 = Monday) and minute of the day of `at` in `timezone`.
  virtual std::pair<int, int> LocalTime(Clock::TimePoint at, const std::string& timezone) = 0;
  virtual std::string Insert(const std::string& user_id, const PostAccount& account, const nlohmann::json& body,
                             Clock::TimePoint now, const ClientInfo& client) = 0;
  virtual std::optional<nlohmann::json> Find(const std::string& user_id, const std::string& id) = 0;
  virtual Page List(const std::string& user_id, const PostFilter& filter, const PageRequest& page) = 0;
  virtual bool Update(const std::string& user_id, const std::string& id, const nlohmann::json& patch,
                      Clock::TimePoint now, const ClientInfo& client) = 0;
  virtual bool Delete(const std::string& user_id, const std::string& id, Clock::TimePoint now,
                      const ClientInfo& client) = 0;
  // One transaction: the post, its account's daily count (exact under concurrency), the
  // persona's total_posts, the template's usage_count, the live session's
  // content_posted. A refusal for a limit is recorded as a security event.
  virtual PublishOutcome Publish(const std::string& user_id, const std::string& id, const std::string& platform_post_id,
                                 Clock::TimePoint published_at, Clock::TimePoint now, const ClientInfo& client) = 0;
  // Stores the snapshot of one window ({metrics, due_at, captured_at, early, late}) and
  // recomputes the post's template_effectiveness and its template's success_rate, in one
  // transaction.
  virtual EngagementOutcome RecordEngagement(const std::string& user_id, const std::string& id,
                                             const std::string& window, const nlohmann::json& metrics,
                                             Clock::TimePoint now, const ClientInfo& client) = 0;
  // What is due at `now`, oldest first: scheduled posts to publish and engagement
  // checkpoints to capture ({kind, window?, due_at, due_at_local, timezone, late?, missed?, post}).
  virtual std::vector<nlohmann::json> Due(const std::string& user_id, Clock::TimePoint now) = 0;
  // The accounts a CSV row's persona (id or name) and account (id or username) match: at
  // most two, since two already means ambiguous.
  virtual std::vector<std::string> MatchAccounts(const std::string& user_id, const std::string& persona,
                                                 const std::string& account) = 0;
  // "YYYY-MM-DD HH:MM" in `timezone` as canonical UTC.
  virtual std::string LocalToUtc(const std::string& local, const std::string& timezone) = 0;
  // {code, post_id, message, min_spacing_minutes} for the text's duplicates and too-close
  // neighbours on its account.
  virtual std::vector<nlohmann::json> Warnings(const std::string& user_id, const WarningsQuery& query) = 0;
  // Posts with persona, account and engagement, oldest first (at most 100 000).
  virtual std::vector<nlohmann::json> Export(const std::string& user_id, const PostFilter& filter) = 0;
};

// Manual posts: drafted from free text or a rendered template, scheduled at a time the
// persona's activity_schedule allows, published by hand and recorded here.
class PostService {
 public:
  PostService(PostStore& store, PersonaService& personas, TemplateService& templates, const Clock& clock)
      : store_(store), personas_(personas), templates_(templates), clock_(clock) {}

  nlohmann::json Create(const std::string& user_id, const nlohmann::json& body, const ClientInfo& client);
  // POST /posts/check: a draft's length as its platform counts it, its hashtags against
  // the account's limit, and the warnings it would get, without saving anything.
  nlohmann::json Check(const std::string& user_id, const nlohmann::json& body);
  nlohmann::json Get(const std::string& user_id, const std::string& id);
  Page List(const std::string& user_id, const PostFilter& filter, const PageRequest& page);
  nlohmann::json Update(const std::string& user_id, const std::string& id, const nlohmann::json& patch,
                        const ClientInfo& client);
  void Delete(const std::string& user_id, const std::string& id, const ClientInfo& client);
  // ConflictError (409) when already published, cooling down or at the daily limit,
  // with code and frees_at.
  nlohmann::json Publish(const std::string& user_id, const std::string& id, const nlohmann::json& body,
                         const ClientInfo& client);
  // PUT /posts/{id}/engagement/{window}: 409 before publication or before the window is due.
  nlohmann::json RecordEngagement(const std::string& user_id, const std::string& id, const std::string& window,
                                  const nlohmann::json& metrics, const ClientInfo& client);
  nlohmann::json Due(const std::string& user_id);
  // POST /posts/import: a CSV of planned posts (docs/engagement.md, "Planning in bulk").
  // Valid rows become posts; {imported: [post…], errors: [{row, message}]}.
  nlohmann::json Import(const std::string& user_id, std::string_view csv, const ClientInfo& client);
  // GET /posts/export: the posts with their engagement as CSV.
  std::string Export(const std::string& user_id, const PostFilter& filter);

  // How far a scheduled time may be from one of the persona's posting times.
  static constexpr int kScheduleToleranceMinutes = 30;

 private:
  void CheckSchedule(const std::string& user_id, const PostAccount& account, const std::string& scheduled_for);
  // The store's warnings for `post` (final_content, scheduled_for, id if saved), and
  // too_many_hashtags past the account's limit.
  std::vector<nlohmann::json> WarningsFor(const std::string& user_id, const PostAccount& account,
                                          const nlohmann::json& post);

  PostStore& store_;
  PersonaService& personas_;
  TemplateService& templates_;
  const Clock& clock_;
};

}  // namespace persona::app
