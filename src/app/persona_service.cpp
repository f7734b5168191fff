#include "app/persona_service.h"

#include <utility>

#include "app/persona_validation.h"
#include "core/errors.h"
#include "core/uuid.h"

namespace persona::app {
namespace {

void Validate(const nlohmann::json& body, bool partial) {
  auto errors = ValidatePersona(body, partial);
  if (!errors.empty()) throw ValidationError(errors);
}

}  // namespace

nlohmann::json PersonaService::Create(const std::string& user_id, const nlohmann::json& body,
                                      const ClientInfo& client) {
  Validate(body, false);
  return GetFields(user_id, store_.Insert(user_id, body, clock_.Now(), client));
}

JsonText PersonaService::Get(const std::string& user_id, const std::string& persona_id) {
  auto persona = IsUuid(persona_id) ? store_.Find(user_id, persona_id) : std::nullopt;
  if (!persona) throw NotFoundError("no such persona");
  return std::move(*persona);
}

nlohmann::json PersonaService::GetFields(const std::string& user_id, const std::string& persona_id) {
  return nlohmann::json::parse(Get(user_id, persona_id).text);
}

nlohmann::json PersonaService::Risk(const std::string& user_id, const std::string& persona_id) {
  auto risk = IsUuid(persona_id) ? store_.Risk(user_id, persona_id) : std::nullopt;
  if (!risk) throw NotFoundError("no such persona");
  return std::move(*risk);
}

Page PersonaService::List(const std::string& user_id, const PageRequest& page) { return store_.List(user_id, page); }

JsonText PersonaService::Update(const std::string& user_id, const std::string& persona_id, const nlohmann::json& patch,
                                const ClientInfo& client) {
  if (!IsUuid(persona_id)) throw NotFoundError("no such persona");
  Validate(patch, true);
  if (!store_.Update(user_id, persona_id, patch, clock_.Now(), client)) throw NotFoundError("no such persona");
  return Get(user_id, persona_id);
}

void PersonaService::Delete(const std::string& user_id, const std::string& persona_id, const ClientInfo& client) {
  if (!IsUuid(persona_id) || !store_.Delete(user_id, persona_id, clock_.Now(), client)) {
    throw NotFoundError("no such persona");
  }
}

}  // namespace persona::app
