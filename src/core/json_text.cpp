#include "core/json_text.h"

#include <cstdint>

namespace persona {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD in UTF-8

struct Utf8Sequence {
  std::size_t length;  // bytes it takes up
  bool valid;
};

// The UTF-8 sequence starting at text[i] (a byte of 0x80 or more). An invalid one is its
// maximal subpart, as Unicode's substitution practice (and nlohmann) replace it by one
// U+FFFD: the lead byte and the continuation bytes that still fit it. Overlong forms,
// surrogates and code points past U+10FFFF are invalid.
Utf8Sequence ReadUtf8Sequence(std::string_view text, std::size_t i) {
  auto lead = static_cast<std::uint8_t>(text[i]);
  std::size_t needed = 0;
  std::uint8_t second_low = 0x80, second_high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    needed = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    needed = 3;
    if (lead == 0xE0) second_low = 0xA0;   // overlong
    if (lead == 0xED) second_high = 0x9F;  // surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    needed = 4;
    if (lead == 0xF0) second_low = 0x90;   // overlong
    if (lead == 0xF4) second_high = 0x8F;  // past U+10FFFF
  } else {
    return {1, false};
  }
  for (std::size_t k = 1; k < needed; ++k) {
    if (i + k >= text.size()) return {k, false};
    auto byte = static_cast<std::uint8_t>(text[i + k]);
    std::uint8_t low = k == 1 ? second_low : 0x80, high = k == 1 ? second_high : 0xBF;
    if (byte < low || byte > high) return {k, false};
  }
  return {needed, true};
}

}  // namespace

void AppendJsonString(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('"');
  std::size_t plain_from = 0;  // start of the run of bytes copied as they are
  auto flush = [&](std::size_t to) { out.append(text.data() + plain_from, to - plain_from); };
  std::size_t i = 0;
  while (i < text.size()) {
    auto c = static_cast<std::uint8_t>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
      ++i;
      continue;
    }
    if (c >= 0x80) {
      Utf8Sequence sequence = ReadUtf8Sequence(text, i);
      if (!sequence.valid) {
        flush(i);
        out.append(kReplacement);
        plain_from = i + sequence.length;
      }
      i += sequence.length;
      continue;
    }
    flush(i);
    switch (c) {
      case '"':
        out.append("\\\"");
        break;
      case '\\':
        out.append("\\\\");
        break;
      case '\b':
        out.append("\\b");
        break;
      case '\f':
        out.append("\\f");
        break;
      case '\n':
        out.append("\\n");
        break;
      case '\r':
        out.append("\\r");
        break;
      case '\t':
        out.append("\\t");
        break;
      default:
        out.append("\\u00");
        out.push_back(kHex[c >> 4]);
        out.push_back(kHex[c & 0xF]);
    }
    plain_from = ++i;
  }
  flush(i);
  out.push_back('"');
}

}  // namespace persona
