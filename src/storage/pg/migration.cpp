#include "storage/pg/migration.h"

#include <cstdio>

#include <openssl/evp.h>

namespace persona::storage {

std::string Migration::Label() const {
  char number[16];
  std::snprintf(number, sizeof number, "%04d", version);
  return std::string(number) + "_" + name;
}

namespace {

std::string Sha256Hex(const std::string& text) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(text.data(), text.size(), digest, &length, EVP_sha256(), nullptr);
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string hex;
  for (unsigned int i = 0; i < length; ++i) {
    hex.push_back(kDigits[digest[i] >> 4]);
    hex.push_back(kDigits[digest[i] & 0xf]);
  }
  return hex;
}

}  // namespace

std::string Migration::Checksum() const { return Sha256Hex(up); }

std::string Migration::LegacyChecksum() const { return Sha256Hex(up + "\n-- down --\n" + down); }

}  // namespace persona::storage
