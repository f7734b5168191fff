#include "crypto/field_cipher.h"

#include <cstdint>
#include <stdexcept>

#include <openssl/crypto.h>
#include <openssl/rand.h>
#include <nlohmann/json.hpp>

#include "crypto/aes_gcm.h"
#include "crypto/encoding.h"

namespace persona::crypto {
namespace {

constexpr std::string_view kAlgorithm = "AES-256-GCM";
// Versions the associated data layout; a new layout gets a new label.
constexpr std::string_view kAadLabel = "persona-field:v1";

void AppendLengthPrefixed(std::string& out, std::string_view part) {
  auto n = static_cast<std::uint32_t>(part.size());
  for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<char>(n >> shift & 0xff));
  out.append(part);
}

// Every part is length-prefixed, so no two (kid, table, column, row id) tuples give the
// same bytes: ("a|b", "c") and ("a", "b|c") stay distinct whatever the values contain.
std::string AssociatedData(std::string_view kid, std::string_view table, std::string_view column,
                           std::string_view row_id) {
  std::string aad;
  aad.reserve(kAadLabel.size() + 16 + kid.size() + table.size() + column.size() + row_id.size());
  aad.append(kAadLabel);
  AppendLengthPrefixed(aad, kid);
  AppendLengthPrefixed(aad, table);
  AppendLengthPrefixed(aad, column);
  AppendLengthPrefixed(aad, row_id);
  return aad;
}

std::string RandomIv() {
  std::string iv(kAesGcmIvBytes, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(iv.data()), static_cast<int>(iv.size())) != 1) {
    throw std::runtime_error("the system random generator failed");
  }
  return iv;
}

// A copy of a master key that is wiped when it goes out of scope, however that happens.
struct KeyCopy {
  MasterKey key;
  ~KeyCopy() { OPENSSL_cleanse(key.key.data(), key.key.size()); }
};

struct StoredField {
  std::string iv;
  std::string data;
  std::string tag;
  std::string kid;
};

const std::string* StringMember(const nlohmann::json& object, const char* name) {
  auto it = object.find(name);
  if (it == object.end() || !it->is_string()) return nullptr;
  return it->get_ptr<const std::string*>();
}

std::optional<StoredField> ParseStored(const std::string& stored) {
  nlohmann::json json = nlohmann::json::parse(stored, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object() || json.size() != 5) return std::nullopt;
  const std::string* algorithm = StringMember(json, "algorithm");
  const std::string* iv = StringMember(json, "iv");
  const std::string* data = StringMember(json, "data");
  const std::string* tag = StringMember(json, "tag");
  const std::string* kid = StringMember(json, "kid");
  if (!algorithm || !iv || !data || !tag || !kid || *algorithm != kAlgorithm) return std::nullopt;
  StoredField field;
  field.kid = *kid;
  auto decoded_iv = Base64Decode(*iv);
  auto decoded_data = Base64Decode(*data);
  auto decoded_tag = Base64Decode(*tag);
  if (!decoded_iv || !decoded_data || !decoded_tag) return std::nullopt;
  // Fixed sizes: a truncated tag would make forgeries cheaper, and we never write one.
  if (decoded_iv->size() != kAesGcmIvBytes || decoded_tag->size() != kAesGcmTagBytes) return std::nullopt;
  field.iv = std::move(*decoded_iv);
  field.data = std::move(*decoded_data);
  field.tag = std::move(*decoded_tag);
  return field;
}

}  // namespace

std::string FieldCipher::Encrypt(std::string_view plaintext, std::string_view table, std::string_view column,
                                 std::string_view row_id) const {
  const KeyCopy current{keys_.CurrentKey()};
  const MasterKey& key = current.key;
  std::string iv = RandomIv();
  AesGcmResult sealed = AesGcmEncrypt(key.key, iv, plaintext, AssociatedData(key.kid, table, column, row_id));
  // ordered_json keeps the seed's member order, which makes stored values easy to read.
  nlohmann::ordered_json json;
  json["algorithm"] = kAlgorithm;
  json["iv"] = Base64Encode(iv);
  json["data"] = Base64Encode(sealed.ciphertext);
  json["tag"] = Base64Encode(sealed.tag);
  json["kid"] = key.kid;
  return json.dump();
}

std::optional<std::string> FieldCipher::Decrypt(const std::string& stored, std::string_view table,
                                                std::string_view column, std::string_view row_id) const {
  std::optional<StoredField> field = ParseStored(stored);
  if (!field) return std::nullopt;
  std::optional<MasterKey> found = keys_.FindKey(field->kid);
  if (!found) return std::nullopt;
  const KeyCopy key{std::move(*found)};
  return AesGcmDecrypt(key.key.key, field->iv, field->data, AssociatedData(field->kid, table, column, row_id),
                       field->tag);
}

std::optional<std::string> FieldCipher::KidOf(const std::string& stored) {
  nlohmann::json json = nlohmann::json::parse(stored, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object()) return std::nullopt;
  const std::string* kid = StringMember(json, "kid");
  if (!kid) return std::nullopt;
  return *kid;
}

}  // namespace persona::crypto
