#include "app/proxy_service.h"

#include <atomic>
#include <regex>
#include <thread>
#include <utility>

#include "core/random.h"
#include "core/uuid.h"
#include "domain/proxy_line.h"

namespace persona::app {
namespace {

using Fields = std::vector<ValidationError::Field>;

bool IsText(const nlohmann::json& v, std::size_t min, std::size_t max) {
  if (!v.is_string()) return false;
  const auto& s = v.get_ref<const std::string&>();
  if (s.size() < min || s.size() > max) return false;
  for (unsigned char c : s) {
    if (c < 0x20 || c == 0x7f) return false;
  }
  return true;
}

bool IsNumberIn(const nlohmann::json& v, double min, double max) {
  return v.is_number() && v.get<double>() >= min && v.get<double>() <= max;
}

bool IsIntegerIn(const nlohmann::json& v, long long min, long long max) {
  // JSON parsers read non-negative integers as unsigned.
  if (v.is_number_unsigned()) {
    auto u = v.get<unsigned long long>();
    return u <= static_cast<unsigned long long>(max) && (min <= 0 || u >= static_cast<unsigned long long>(min));
  }
  return v.is_number_integer() && v.get<long long>() >= min && v.get<long long>() <= max;
}

// The stored proxy_password_encrypted of a proxy is bound to its id.
std::string EncryptPassword(const crypto::FieldCipher& cipher, const std::string& password, const std::string& id) {
  return cipher.Encrypt(password, "proxy_assignments", "proxy_password_encrypted", id);
}

}  // namespace

Fields ValidateProxy(const nlohmann::json& body, bool partial) {
  if (!body.is_object()) return {{"", "the request body must be a JSON object"}};
  Fields errors;
  for (const auto& [key, v] : body.items()) {
    if (key == "proxy_id") {
      if (!IsText(v, 1, 100)) errors.push_back({key, "must be 1 to 100 characters"});
    } else if (key == "proxy_ip") {
      if (!v.is_string() || !domain::IsIpAddress(v.get<std::string>())) {
        errors.push_back({key, "must be an IPv4 or IPv6 address"});
      }
    } else if (key == "proxy_port") {
      if (!IsIntegerIn(v, 1, 65535)) errors.push_back({key, "must be an integer from 1 to 65535"});
    } else if (key == "proxy_username") {
      if (!IsText(v, 1, 100)) errors.push_back({key, "must be 1 to 100 characters"});
    } else if (key == "proxy_password") {
      if (!IsText(v, 1, 255)) errors.push_back({key, "must be 1 to 255 characters"});
    } else if (key == "country_code") {
      static const std::regex kCountry("[A-Z]{2}");
      if (!v.is_string() || !std::regex_match(v.get<std::string>(), kCountry)) {
        errors.push_back({key, "must be a two-letter country code such as \"PH\""});
      }
    } else if (key == "city") {
      if (!IsText(v, 1, 100)) errors.push_back({key, "must be 1 to 100 characters"});
    } else if (key == "isp_name") {
      if (!v.is_null() && !IsText(v, 1, 100)) errors.push_back({key, "must be 1 to 100 characters or null"});
    } else if (key == "assignment_status") {
      if (v != "available" && v != "maintenance") {
        errors.push_back({key, "must be available or maintenance (assignment goes through PUT /personas/{id}/proxy)"});
      }
    } else if (key == "monthly_bandwidth_gb") {
      if (!IsNumberIn(v, 0, 99999999.99)) errors.push_back({key, "must be a number from 0 to 99999999.99"});
    } else if (key == "monthly_requests") {
      if (!IsIntegerIn(v, 0, 2147483647)) errors.push_back({key, "must be an integer from 0 to 2147483647"});
    } else if (key == "monthly_cost_usd") {
      if (!IsNumberIn(v, 0, 999999.99)) errors.push_back({key, "must be a number from 0 to 999999.99"});
    } else {
      errors.push_back({key, "is not a field you can set"});
    }
  }
  if (!partial) {
    for (const char* required : {"proxy_id", "proxy_ip", "proxy_port", "proxy_username", "proxy_password", "city"}) {
      if (!body.contains(required)) errors.push_back({required, "is required"});
    }
  }
  return errors;
}

namespace {

// The body as stored: the password removed (it goes encrypted, separately) and the IP
// in canonical form, so one address is never two different proxy_ip values.
nlohmann::json Storable(nlohmann::json body) {
  body.erase("proxy_password");
  if (auto it = body.find("proxy_ip"); it != body.end()) *it = domain::NormalizeIp(it->get<std::string>());
  return body;
}

}  // namespace

nlohmann::json ProxyService::Create(const std::string& user_id, const nlohmann::json& body, const ClientInfo& client) {
  if (auto errors = ValidateProxy(body, false); !errors.empty()) throw ValidationError(errors);
  const std::string id = NewUuid();
  auto password = EncryptPassword(cipher_, body["proxy_password"].get<std::string>(), id);
  store_.Insert(user_id, id, Storable(body), password, clock_.Now(), client);
  return Get(user_id, id);
}

nlohmann::json ProxyService::Get(const std::string& user_id, const std::string& id) {
  auto proxy = IsUuid(id) ? store_.Find(user_id, id) : std::nullopt;
  if (!proxy) throw NotFoundError("no such proxy");
  return std::move(*proxy);
}

Page ProxyService::List(const std::string& user_id, const PageRequest& page) { return store_.List(user_id, page); }

nlohmann::json ProxyService::Update(const std::string& user_id, const std::string& id, const nlohmann::json& patch,
                                    const ClientInfo& client) {
  if (!IsUuid(id)) throw NotFoundError("no such proxy");
  if (auto errors = ValidateProxy(patch, true); !errors.empty()) throw ValidationError(errors);
  std::optional<std::string> password;
  if (patch.contains("proxy_password")) {
    password = EncryptPassword(cipher_, patch["proxy_password"].get<std::string>(), id);
  }
  if (!store_.Update(user_id, id, Storable(patch), password, clock_.Now(), client)) {
    throw NotFoundError("no such proxy");
  }
  return Get(user_id, id);
}

void ProxyService::Delete(const std::string& user_id, const std::string& id, const ClientInfo& client) {
  if (!IsUuid(id) || !store_.Delete(user_id, id, clock_.Now(), client)) throw NotFoundError("no such proxy");
}

nlohmann::json ProxyService::Import(const std::string& user_id, const std::string& text, const std::string& city,
                                    const std::optional<std::string>& country_code, const ClientInfo& client) {
  nlohmann::json common = {{"city", city}};
  if (country_code) common["country_code"] = *country_code;
  if (auto errors = ValidateProxy(common, true); !errors.empty()) throw ValidationError(errors);

  nlohmann::json imported = nlohmann::json::array();
  nlohmann::json errors = nlohmann::json::array();
  for (const auto& line : domain::ParseProxyList(text)) {
    if (!line.proxy) {
      errors.push_back({{"line", line.line}, {"message", line.error}});
      continue;
    }
    const auto& p = *line.proxy;
    // The provider's identifier is not in these lists; the address names the proxy.
    bool v6 = p.host.find(':') != std::string::npos;
    nlohmann::json body = common;
    body["proxy_id"] = (v6 ? "[" + p.host + "]" : p.host) + ":" + std::to_string(p.port);
    body["proxy_ip"] = p.host;
    body["proxy_port"] = p.port;
    body["proxy_username"] = p.username;
    body["proxy_password"] = p.password;
    try {
      imported.push_back(Create(user_id, body, client));
    } catch (const ConflictError& e) {
      errors.push_back({{"line", line.line}, {"message", e.what()}});
    } catch (const ValidationError& e) {
      std::string message;
      for (const auto& f : e.fields()) message += (message.empty() ? "" : "; ") + f.field + " " + f.message;
      errors.push_back({{"line", line.line}, {"message", message}});
    }
  }
  return {{"imported", imported}, {"errors", errors}};
}

HealthRecord ProxyService::CheckEndpoint(const StoredProxyEndpoint& stored, const std::optional<Activity>& requested) {
  ProxyEndpoint endpoint{stored.id, stored.host, stored.port, stored.username, ""};
  auto password =
      cipher_.Decrypt(stored.password_encrypted, "proxy_assignments", "proxy_password_encrypted", stored.id);
  HealthRecord record{.proxy_uuid = stored.id};
  if (!password) {
    record.error = "the stored proxy password cannot be decrypted";
  } else {
    endpoint.password = std::move(*password);
    auto outcome = prober_(endpoint);
    record.status = domain::Classify(outcome.reachable, outcome.response_time_ms, settings_.thresholds);
    if (outcome.reachable) record.response_time_ms = outcome.response_time_ms;
    record.error = outcome.error;
  }
  store_.RecordCheck(record, clock_.Now(), requested);
  return record;
}

nlohmann::json ProxyService::Check(const std::string& user_id, const std::string& id, const ClientInfo& client) {
  auto endpoint = IsUuid(id) ? store_.Endpoint(user_id, id) : std::nullopt;
  if (!endpoint) throw NotFoundError("no such proxy");
  CheckEndpoint(*endpoint, Activity{.user_id = user_id,
                                    .activity_type = "proxy_check",
                                    .data = {{"proxy", id}},
                                    .ip_address = client.ip,
                                    .user_agent = client.user_agent});
  return Get(user_id, id);
}

Page ProxyService::Checks(const std::string& user_id, const std::string& id, const PageRequest& page) {
  auto checks = IsUuid(id) ? store_.Checks(user_id, id, page) : std::nullopt;
  if (!checks) throw NotFoundError("no such proxy");
  return std::move(*checks);
}

nlohmann::json ProxyService::MonthlyCosts(const std::string& user_id, int months) {
  if (months < 1 || months > 24) throw ValidationError("months", "must be a number from 1 to 24");
  return store_.MonthlyCosts(user_id, months, clock_.Now());
}

std::vector<CheckReport> ProxyService::CheckDue(std::chrono::seconds interval, int concurrency) {
  // A generous batch: a single user's inventory is small, and the next round takes the rest.
  auto due = store_.DueForCheck(clock_.Now(), interval, 1000);
  std::vector<CheckReport> reports(due.size());
  std::atomic<std::size_t> next{0};
  std::vector<std::thread> workers;
  for (int i = 0; i < std::max(1, concurrency) && static_cast<std::size_t>(i) < due.size(); ++i) {
    workers.emplace_back([&] {
      for (std::size_t n = next++; n < due.size(); n = next++) {
        reports[n] = {.proxy = due[n], .health = CheckEndpoint(due[n], std::nullopt)};
        reports[n].proxy.password_encrypted.clear();  // reports are printed; keep ciphertext out of them
      }
    });
  }
  for (auto& w : workers) w.join();
  return reports;
}

JsonText ProxyService::Assign(const std::string& user_id, const std::string& persona_id, const std::string& proxy_uuid,
                              const ClientInfo& client) {
  if (!IsUuid(persona_id)) throw NotFoundError("no such persona");
  if (!IsUuid(proxy_uuid)) throw NotFoundError("no such proxy");
  switch (store_.Assign(user_id, persona_id, proxy_uuid, clock_.Now(), client)) {
    case AssignResult::kAssigned:
      break;
    case AssignResult::kNoPersona:
      throw NotFoundError("no such persona");
    case AssignResult::kNoProxy:
      throw NotFoundError("no such proxy");
    case AssignResult::kPersonaHasProxy:
      throw ConflictError("the persona already has a proxy; release it first");
    case AssignResult::kProxyTaken:
      throw ConflictError("the proxy is assigned to another persona");
    case AssignResult::kProxyInMaintenance:
      throw ConflictError("the proxy is in maintenance");
  }
  return personas_.Get(user_id, persona_id);
}

JsonText ProxyService::Release(const std::string& user_id, const std::string& persona_id, const ClientInfo& client) {
  if (!IsUuid(persona_id) || !store_.Release(user_id, persona_id, clock_.Now(), client)) {
    throw NotFoundError("no such persona");
  }
  return personas_.Get(user_id, persona_id);
}

}  // namespace persona::app
