#pragma once

#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "crypto/field_cipher.h"

namespace persona::app {

class KeyUsageStore {
 public:
  virtual ~KeyUsageStore() = default;
  // How many stored encrypted values name each kid, over every encrypted column of the
  // server; "" counts values that are not encrypted JSON at all.
  virtual std::map<std::string, long long> ValuesPerKid() = 0;
};

// GET /keys: `persona keys status` for the UI, read only. The master keys (never their
// bytes), which one encrypts new values, and how many stored values each protects —
// including kids the server no longer has, whose values cannot be read until their key
// comes back. Counts are server-wide: every user of one server is the same operator.
class KeyStatusService {
 public:
  KeyStatusService(const crypto::FieldCipher& cipher, KeyUsageStore& store) : cipher_(cipher), store_(store) {}

  nlohmann::json Status();

 private:
  const crypto::FieldCipher& cipher_;
  KeyUsageStore& store_;
};

}  // namespace persona::app
