#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "app/auth_service.h"
#include "app/json_text.h"
#include "app/page.h"
#include "core/clock.h"

namespace persona::app {

class PersonaStore {
 public:
  virtual ~PersonaStore() = default;
  // The new persona's id. ConflictError when the user's max_personas is reached
  // (enforced by the database, so it holds under concurrent creates).
  virtual std::string Insert(const std::string& user_id, const nlohmann::json& body, Clock::TimePoint now,
                             const ClientInfo& client) = 0;
  virtual std::optional<JsonText> Find(const std::string& user_id, const std::string& persona_id) = 0;
  virtual Page List(const std::string& user_id, const PageRequest& page) = 0;
  // False when the persona is not the user's.
  virtual bool Update(const std::string& user_id, const std::string& persona_id, const nlohmann::json& patch,
                      Clock::TimePoint now, const ClientInfo& client) = 0;
  // Releases its proxy, then deletes it with its accounts, sessions and posts. False
  // when the persona is not the user's.
  virtual bool Delete(const std::string& user_id, const std::string& persona_id, Clock::TimePoint now,
                      const ClientInfo& client) = 0;
  // {persona_id, risk_score, factors: [{factor, count, weight, cap, contribution}]}.
  virtual std::optional<nlohmann::json> Risk(const std::string& user_id, const std::string& persona_id) = 0;
};

// Personas: validated against the documented shapes (docs/persona-shapes.md) and kept
// to the owner; another user's persona is "not found".
class PersonaService {
 public:
  PersonaService(PersonaStore& store, const Clock& clock) : store_(store), clock_(clock) {}

  nlohmann::json Create(const std::string& user_id, const nlohmann::json& body, const ClientInfo& client);
  JsonText Get(const std::string& user_id, const std::string& persona_id);
  // The same persona as an object, for the services that read its fields.
  nlohmann::json GetFields(const std::string& user_id, const std::string& persona_id);
  Page List(const std::string& user_id, const PageRequest& page);
  JsonText Update(const std::string& user_id, const std::string& persona_id, const nlohmann::json& patch,
                  const ClientInfo& client);
  void Delete(const std::string& user_id, const std::string& persona_id, const ClientInfo& client);
  // The persona's risk score with every factor that makes it (docs/risk.md).
  nlohmann::json Risk(const std::string& user_id, const std::string& persona_id);

 private:
  PersonaStore& store_;
  const Clock& clock_;
};

}  // namespace persona::app
