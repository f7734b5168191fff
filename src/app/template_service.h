#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "app/auth_service.h"
#include "app/page.h"
#include "app/persona_service.h"
#include "core/clock.h"
#include "core/errors.h"

namespace persona::app {

class TemplateStore {
 public:
  virtual ~TemplateStore() = default;
  virtual std::string Insert(const std::string& user_id, const nlohmann::json& body, Clock::TimePoint now,
                             const ClientInfo& client) = 0;
  virtual std::optional<nlohmann::json> Find(const std::string& user_id, const std::string& id) = 0;
  virtual Page List(const std::string& user_id, const PageRequest& page) = 0;
  virtual bool Update(const std::string& user_id, const std::string& id, const nlohmann::json& patch,
                      Clock::TimePoint now, const ClientInfo& client) = 0;
  virtual bool Delete(const std::string& user_id, const std::string& id, Clock::TimePoint now,
                      const ClientInfo& client) = 0;
  // True when every id (validated UUIDs) is a persona of the user.
  virtual bool OwnsPersonas(const std::string& user_id, const std::vector<std::string>& persona_ids) = 0;
};

// Content templates and their rendering for a persona on a platform
// (docs/templates-and-proxies.md).
class TemplateService {
 public:
  TemplateService(TemplateStore& store, PersonaService& personas, const Clock& clock)
      : store_(store), personas_(personas), clock_(clock) {}

  nlohmann::json Create(const std::string& user_id, const nlohmann::json& body, const ClientInfo& client);
  nlohmann::json Get(const std::string& user_id, const std::string& id);
  Page List(const std::string& user_id, const PageRequest& page);
  nlohmann::json Update(const std::string& user_id, const std::string& id, const nlohmann::json& patch,
                        const ClientInfo& client);
  void Delete(const std::string& user_id, const std::string& id, const ClientInfo& client);
  // {text, hashtags, length, platform_limit}; ValidationError for an unknown placeholder,
  // a platform the template does not target, or a text over the platform's limit.
  nlohmann::json Render(const std::string& user_id, const std::string& id, const std::string& persona_id,
                        const std::string& platform, const std::optional<std::string>& theme);
  // The same for a template being written (POST /templates/preview: template_text,
  // personalization_rules, hashtag_strategy, persona_id, platform_type, theme): a text over
  // the limit is rendered all the same, for the editor to show by how much.
  nlohmann::json Preview(const std::string& user_id, const nlohmann::json& body);

 private:
  nlohmann::json RenderFor(const nlohmann::json& persona, const std::string& platform, const nlohmann::json& tmpl,
                           const std::optional<std::string>& theme, bool over_limit_is_an_error);

  void CheckTargetPersonas(const std::string& user_id, const nlohmann::json& body);

  TemplateStore& store_;
  PersonaService& personas_;
  const Clock& clock_;
};

// Every problem of a template body (create, or with `partial` a PATCH).
std::vector<ValidationError::Field> ValidateTemplate(const nlohmann::json& body, bool partial);

}  // namespace persona::app
