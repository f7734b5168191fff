#include "core/random.h"

#include <stdexcept>
#include <string_view>
#include <vector>

#include <openssl/rand.h>

namespace persona {
namespace {

std::vector<unsigned char> RandomBytes(std::size_t n) {
  std::vector<unsigned char> bytes(n);
  if (n > 0 && RAND_bytes(bytes.data(), static_cast<int>(n)) != 1) {
    throw std::runtime_error("the system random generator failed");
  }
  return bytes;
}

}  // namespace

std::string RandomHex(std::size_t n) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(n * 2);
  for (unsigned char b : RandomBytes(n)) {
    out.push_back(kDigits[b >> 4]);
    out.push_back(kDigits[b & 0xf]);
  }
  return out;
}

std::string NewUuid() {
  auto b = RandomBytes(16);
  b[6] = static_cast<unsigned char>((b[6] & 0x0f) | 0x40);  // version 4
  b[8] = static_cast<unsigned char>((b[8] & 0x3f) | 0x80);  // RFC 4122 variant
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < b.size(); ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out.push_back('-');
    out.push_back(kDigits[b[i] >> 4]);
    out.push_back(kDigits[b[i] & 0xf]);
  }
  return out;
}

std::string RandomPassword(std::size_t length) {
  // 32 symbols: a byte maps to one without modulo bias (256 % 32 == 0).
  static constexpr std::string_view kAlphabet = "abcdefghjkmnpqrstuvwxyz23456789A";
  static_assert(kAlphabet.size() == 32);
  std::string out;
  for (unsigned char b : RandomBytes(length)) out.push_back(kAlphabet[b % kAlphabet.size()]);
  return out;
}

}  // namespace persona
