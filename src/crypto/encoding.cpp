#include "crypto/encoding.h"

#include <array>
#include <cstdint>

namespace persona::crypto {
namespace {

constexpr std::string_view kBase64Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr std::string_view kBase64UrlAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
constexpr std::string_view kBase32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
constexpr std::string_view kHexDigits = "0123456789abcdef";
constexpr int kInvalid = -1;

// Reverse lookup table built at compile time; kInvalid marks bytes outside the alphabet.
constexpr std::array<int, 256> ReverseTable(std::string_view alphabet, bool case_insensitive) {
  std::array<int, 256> table{};
  for (int& entry : table) entry = kInvalid;
  for (std::size_t i = 0; i < alphabet.size(); ++i) {
    auto c = static_cast<unsigned char>(alphabet[i]);
    table[c] = static_cast<int>(i);
    if (case_insensitive && c >= 'A' && c <= 'Z') table[c - 'A' + 'a'] = static_cast<int>(i);
  }
  return table;
}

constexpr auto kBase64Reverse = ReverseTable(kBase64Alphabet, false);
constexpr auto kBase32Reverse = ReverseTable(kBase32Alphabet, true);
constexpr auto kHexReverse = ReverseTable("0123456789ABCDEF", true);

std::string Base64EncodeWith(std::string_view bytes, std::string_view alphabet, bool pad) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 3 <= bytes.size(); i += 3) {
    std::uint32_t n = static_cast<unsigned char>(bytes[i]) << 16 | static_cast<unsigned char>(bytes[i + 1]) << 8 |
                      static_cast<unsigned char>(bytes[i + 2]);
    out.push_back(alphabet[n >> 18 & 63]);
    out.push_back(alphabet[n >> 12 & 63]);
    out.push_back(alphabet[n >> 6 & 63]);
    out.push_back(alphabet[n & 63]);
  }
  std::size_t rest = bytes.size() - i;
  if (rest == 0) return out;
  std::uint32_t n = static_cast<unsigned char>(bytes[i]) << 16;
  if (rest == 2) n |= static_cast<unsigned char>(bytes[i + 1]) << 8;
  out.push_back(alphabet[n >> 18 & 63]);
  out.push_back(alphabet[n >> 12 & 63]);
  if (rest == 2) out.push_back(alphabet[n >> 6 & 63]);
  if (pad) out.append(rest == 1 ? "==" : "=");
  return out;
}

}  // namespace

std::string Base64Encode(std::string_view bytes) { return Base64EncodeWith(bytes, kBase64Alphabet, true); }

std::string Base64UrlEncode(std::string_view bytes) { return Base64EncodeWith(bytes, kBase64UrlAlphabet, false); }

std::optional<std::string> Base64Decode(std::string_view text) {
  if (text.size() % 4 != 0) return std::nullopt;
  std::size_t padding = 0;
  if (!text.empty() && text.back() == '=') padding = text.size() >= 2 && text[text.size() - 2] == '=' ? 2 : 1;
  std::string_view body = text.substr(0, text.size() - padding);
  std::string out;
  out.reserve(text.size() / 4 * 3);
  std::uint32_t buffer = 0;
  int bits = 0;
  for (char c : body) {
    int value = kBase64Reverse[static_cast<unsigned char>(c)];
    if (value == kInvalid) return std::nullopt;  // also catches '=' before the end
    buffer = (buffer << 6 | static_cast<std::uint32_t>(value)) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>(buffer >> bits & 0xff));
    }
  }
  // Leftover bits must be zero padding, otherwise two texts would decode to one value.
  if ((buffer & ((1u << bits) - 1)) != 0) return std::nullopt;
  return out;
}

std::string HexEncode(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() * 2);
  for (char c : bytes) {
    auto b = static_cast<unsigned char>(c);
    out.push_back(kHexDigits[b >> 4]);
    out.push_back(kHexDigits[b & 0xf]);
  }
  return out;
}

std::optional<std::string> HexDecode(std::string_view text) {
  if (text.size() % 2 != 0) return std::nullopt;
  std::string out;
  out.reserve(text.size() / 2);
  for (std::size_t i = 0; i < text.size(); i += 2) {
    int high = kHexReverse[static_cast<unsigned char>(text[i])];
    int low = kHexReverse[static_cast<unsigned char>(text[i + 1])];
    if (high == kInvalid || low == kInvalid) return std::nullopt;
    out.push_back(static_cast<char>(high << 4 | low));
  }
  return out;
}

std::string Base32Encode(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() * 8 + 4) / 5);
  std::uint32_t buffer = 0;
  int bits = 0;
  for (char c : bytes) {
    buffer = (buffer << 8 | static_cast<unsigned char>(c)) & 0xfff;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out.push_back(kBase32Alphabet[buffer >> bits & 31]);
    }
  }
  if (bits > 0) out.push_back(kBase32Alphabet[buffer << (5 - bits) & 31]);
  return out;
}

std::optional<std::string> Base32Decode(std::string_view text) {
  std::size_t end = text.find('=');
  if (end != std::string_view::npos) {
    // Padding, when present, must run to the end and complete a block of 8 characters.
    if (text.find_first_not_of('=', end) != std::string_view::npos || text.size() % 8 != 0) return std::nullopt;
    text = text.substr(0, end);
  }
  // 1, 3 or 6 characters in a final block cannot come from whole bytes.
  std::size_t tail = text.size() % 8;
  if (tail == 1 || tail == 3 || tail == 6) return std::nullopt;
  std::string out;
  out.reserve(text.size() * 5 / 8);
  std::uint32_t buffer = 0;
  int bits = 0;
  for (char c : text) {
    int value = kBase32Reverse[static_cast<unsigned char>(c)];
    if (value == kInvalid) return std::nullopt;
    buffer = (buffer << 5 | static_cast<std::uint32_t>(value)) & 0x1fff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>(buffer >> bits & 0xff));
    }
  }
  if ((buffer & ((1u << bits) - 1)) != 0) return std::nullopt;
  return out;
}

}  // namespace persona::crypto
