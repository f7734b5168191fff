#include "app/template_service.h"

#include <algorithm>
#include <set>
#include <utility>

#include "core/uuid.h"
#include "domain/platform.h"
#include "domain/template_render.h"

namespace persona::app {
namespace {

using Fields = std::vector<ValidationError::Field>;

bool IsText(const nlohmann::json& v, std::size_t min, std::size_t max) {
  return v.is_string() && v.get_ref<const std::string&>().size() >= min &&
         v.get_ref<const std::string&>().size() <= max;
}

void CheckPlatforms(const nlohmann::json& v, Fields& errors) {
  if (!v.is_array() || v.empty() || v.size() > 4) {
    errors.push_back({"target_platforms", std::string("must list 1 to 4 of ") + domain::kPlatformChoices});
    return;
  }
  std::set<std::string> seen;
  for (std::size_t i = 0; i < v.size(); ++i) {
    auto known = v[i].is_string() ? domain::CanonicalPlatform(v[i].get<std::string>()) : std::nullopt;
    if (!known || !seen.insert(*known).second) {
      errors.push_back({"target_platforms[" + std::to_string(i) + "]",
                        std::string("must be one of ") + domain::kPlatformChoices + ", each once"});
    }
  }
}

void CheckStringList(const nlohmann::json& v, const std::string& field, std::size_t max_items, std::size_t max_length,
                     Fields& errors) {
  if (!v.is_array() || v.size() > max_items) {
    errors.push_back({field, "must be a list of at most " + std::to_string(max_items) + " strings"});
    return;
  }
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (!IsText(v[i], 1, max_length)) {
      errors.push_back({field + "[" + std::to_string(i) + "]",
                        "must be a string of 1 to " + std::to_string(max_length) + " characters"});
    }
  }
}

// Persona ids are kept in canonical lowercase, so a later comparison with a persona's id
// does not depend on how the client spelled it.
// Renames members keyed by a platform alias ("x") to the canonical name; the validator
// has already refused an object naming one platform twice.
void CanonicalPlatformKeys(nlohmann::json* object) {
  if (object == nullptr || !object->is_object()) return;
  nlohmann::json renamed = nlohmann::json::object();
  for (auto& [key, value] : object->items()) {
    auto canonical = domain::CanonicalPlatform(key);
    renamed[canonical ? *canonical : key] = std::move(value);
  }
  *object = std::move(renamed);
}

// Validated input in its stored form: lowercase ids, canonical platform names.
nlohmann::json Canonical(nlohmann::json body) {
  if (auto it = body.find("target_personas"); it != body.end()) {
    for (auto& id : *it) id = CanonicalUuid(id.get<std::string>());
  }
  if (auto it = body.find("target_platforms"); it != body.end()) {
    for (auto& platform : *it) platform = *domain::CanonicalPlatform(platform.get<std::string>());
  }
  if (auto it = body.find("hashtag_strategy"); it != body.end()) CanonicalPlatformKeys(&*it);
  if (auto it = body.find("personalization_rules"); it != body.end() && it->is_object()) {
    if (auto platforms = it->find("platforms"); platforms != it->end()) CanonicalPlatformKeys(&*platforms);
  }
  return body;
}

void Append(Fields& errors, const domain::Problems& problems) {
  for (const auto& [field, message] : problems) errors.push_back({field, message});
}

}  // namespace

Fields ValidateTemplate(const nlohmann::json& body, bool partial) {
  if (!body.is_object()) return {{"", "the request body must be a JSON object"}};
  Fields errors;
  for (const auto& [key, v] : body.items()) {
    if (key == "template_name") {
      if (!IsText(v, 1, 100)) errors.push_back({key, "must be 1 to 100 characters"});
    } else if (key == "content_type") {
      if (v != "text" && v != "image" && v != "video" && v != "carousel") {
        errors.push_back({key, "must be text, image, video or carousel"});
      }
    } else if (key == "template_text") {
      if (!v.is_null() && !IsText(v, 0, 20000)) errors.push_back({key, "must be at most 20000 characters or null"});
    } else if (key == "media_urls") {
      CheckStringList(v, key, 20, 2048, errors);
    } else if (key == "media_metadata" || key == "timing_rules") {
      if (!v.is_object()) errors.push_back({key, "must be an object"});
    } else if (key == "target_platforms") {
      CheckPlatforms(v, errors);
    } else if (key == "target_personas") {
      if (!v.is_array() || v.size() > 200) {
        errors.push_back({key, "must be a list of at most 200 persona ids"});
        continue;
      }
      for (std::size_t i = 0; i < v.size(); ++i) {
        if (!v[i].is_string() || !IsUuid(v[i].get<std::string>())) {
          errors.push_back({key + "[" + std::to_string(i) + "]", "must be a persona id"});
        }
      }
    } else if (key == "personalization_rules") {
      Append(errors, domain::ValidatePersonalizationRules(v));
    } else if (key == "hashtag_strategy") {
      Append(errors, domain::ValidateHashtagStrategy(v));
    } else if (key == "is_active") {
      if (!v.is_boolean()) errors.push_back({key, "must be true or false"});
    } else {
      errors.push_back({key, "is not a field you can set"});
    }
  }
  if (!partial) {
    for (const char* required : {"template_name", "content_type", "target_platforms"}) {
      if (!body.contains(required)) errors.push_back({required, "is required"});
    }
  }
  return errors;
}

void TemplateService::CheckTargetPersonas(const std::string& user_id, const nlohmann::json& body) {
  auto it = body.find("target_personas");
  if (it == body.end() || it->empty()) return;
  std::vector<std::string> ids;
  for (const auto& id : *it) ids.push_back(id.get<std::string>());
  // Another user's persona named in a body is "not found", like one in a path (API.md).
  if (!store_.OwnsPersonas(user_id, ids)) throw NotFoundError("no such persona in target_personas");
}

nlohmann::json TemplateService::Create(const std::string& user_id, const nlohmann::json& body,
                                       const ClientInfo& client) {
  if (auto errors = ValidateTemplate(body, false); !errors.empty()) throw ValidationError(errors);
  CheckTargetPersonas(user_id, body);
  return Get(user_id, store_.Insert(user_id, Canonical(body), clock_.Now(), client));
}

nlohmann::json TemplateService::Get(const std::string& user_id, const std::string& id) {
  auto found = IsUuid(id) ? store_.Find(user_id, id) : std::nullopt;
  if (!found) throw NotFoundError("no such template");
  return std::move(*found);
}

Page TemplateService::List(const std::string& user_id, const PageRequest& page) { return store_.List(user_id, page); }

nlohmann::json TemplateService::Update(const std::string& user_id, const std::string& id, const nlohmann::json& patch,
                                       const ClientInfo& client) {
  if (!IsUuid(id)) throw NotFoundError("no such template");
  if (auto errors = ValidateTemplate(patch, true); !errors.empty()) throw ValidationError(errors);
  CheckTargetPersonas(user_id, patch);
  if (!store_.Update(user_id, id, Canonical(patch), clock_.Now(), client)) throw NotFoundError("no such template");
  return Get(user_id, id);
}

void TemplateService::Delete(const std::string& user_id, const std::string& id, const ClientInfo& client) {
  if (!IsUuid(id) || !store_.Delete(user_id, id, clock_.Now(), client)) throw NotFoundError("no such template");
}

nlohmann::json TemplateService::Render(const std::string& user_id, const std::string& id, const std::string& persona_id,
                                       const std::string& platform, const std::optional<std::string>& theme) {
  auto tmpl = Get(user_id, id);
  auto persona = personas_.GetFields(user_id, persona_id);
  auto canonical = domain::CanonicalPlatform(platform);
  if (!canonical) throw ValidationError("platform_type", std::string("must be one of ") + domain::kPlatformChoices);
  const auto& platforms = tmpl["target_platforms"];
  if (std::find(platforms.begin(), platforms.end(), *canonical) == platforms.end()) {
    throw ValidationError("platform_type", "the template does not target " + *canonical);
  }
  const auto& personas = tmpl["target_personas"];
  if (!personas.empty() && std::find(personas.begin(), personas.end(), persona["id"]) == personas.end()) {
    throw ValidationError("persona_id", "the template's target_personas do not include this persona");
  }
  return RenderFor(persona, *canonical, tmpl, theme, true);
}

nlohmann::json TemplateService::Preview(const std::string& user_id, const nlohmann::json& body) {
  if (!body.is_object()) throw ValidationError("", "the request body must be a JSON object");
  Fields errors;
  nlohmann::json tmpl = nlohmann::json::object();
  for (const auto& [key, value] : body.items()) {
    if (key == "template_text" || key == "personalization_rules" || key == "hashtag_strategy") {
      tmpl[key] = value;
    } else if (key != "persona_id" && key != "platform_type" && key != "theme") {
      errors.push_back({key, "is not a field of a preview"});
    }
  }
  if (!tmpl.contains("template_text")) errors.push_back({"template_text", "is required"});
  for (auto& e : ValidateTemplate(tmpl, true)) errors.push_back(std::move(e));
  auto text_of = [&](const char* key, std::size_t max, bool required) -> std::optional<std::string> {
    auto it = body.find(key);
    if (it == body.end() || it->is_null()) {
      if (required) errors.push_back({key, "is required"});
      return std::nullopt;
    }
    if (!it->is_string() || it->get_ref<const std::string&>().size() > max) {
      errors.push_back({key, "must be a string of at most " + std::to_string(max) + " bytes"});
      return std::nullopt;
    }
    return it->get<std::string>();
  };
  auto persona_id = text_of("persona_id", 100, true);
  auto platform = text_of("platform_type", 50, true);
  auto theme = text_of("theme", 200, false);
  std::optional<std::string> canonical = platform ? domain::CanonicalPlatform(*platform) : std::nullopt;
  if (platform && !canonical) {
    errors.push_back({"platform_type", std::string("must be one of ") + domain::kPlatformChoices});
  }
  if (!errors.empty()) throw ValidationError(errors);
  return RenderFor(personas_.GetFields(user_id, *persona_id), *canonical, tmpl, theme, false);
}

nlohmann::json TemplateService::RenderFor(const nlohmann::json& persona, const std::string& platform,
                                          const nlohmann::json& tmpl, const std::optional<std::string>& theme,
                                          bool over_limit_is_an_error) {
  auto member = [&](const char* key) { return tmpl.contains(key) ? tmpl[key] : nlohmann::json(nullptr); };
  domain::RenderInput input{.persona = persona,
                            .template_text = tmpl.contains("template_text") && tmpl["template_text"].is_string()
                                                 ? tmpl["template_text"].get<std::string>()
                                                 : std::string(),
                            .personalization_rules = member("personalization_rules"),
                            .hashtag_strategy = member("hashtag_strategy"),
                            .platform = platform,
                            .theme = theme};
  auto result = domain::Render(input);
  if (!result.rendered || (over_limit_is_an_error && !result.errors.empty())) {
    Fields errors;
    Append(errors, result.errors);
    throw ValidationError(errors);
  }
  const auto& r = *result.rendered;
  return {{"text", r.text}, {"hashtags", r.hashtags}, {"length", r.length}, {"platform_limit", r.platform_limit}};
}

}  // namespace persona::app
