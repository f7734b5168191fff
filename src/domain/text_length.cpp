#include "domain/text_length.h"

#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

namespace persona::domain {
namespace {

using CodePoints = std::vector<char32_t>;

constexpr int kUrlWeight = 23;
constexpr int kEmojiWeight = 2;

// NFC, then code points; invalid UTF-8 becomes U+FFFD, one per bad byte.
CodePoints Decode(std::string_view text) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  std::size_t length = 0;
  std::unique_ptr<uint8_t, decltype(&std::free)> nfc(u8_normalize(UNINORM_NFC, bytes, text.size(), nullptr, &length),
                                                     &std::free);
  const uint8_t* s = nfc ? nfc.get() : bytes;  // unnormalisable (invalid) input: as it is
  if (!nfc) length = text.size();
  CodePoints out;
  for (std::size_t i = 0; i < length;) {
    ucs4_t c = 0;
    int n = u8_mbtouc(&c, s + i, length - i);
    out.push_back(c);
    i += n > 0 ? static_cast<std::size_t>(n) : 1;
  }
  return out;
}

bool IsLetter(char32_t c) { return uc_is_general_category(c, UC_CATEGORY_L); }
bool IsLetterOrNumber(char32_t c) { return IsLetter(c) || uc_is_general_category(c, UC_CATEGORY_N); }
bool IsMark(char32_t c) { return uc_is_general_category(c, UC_CATEGORY_M); }

// JavaScript's \s, as the UI's pattern uses it.
bool IsSpace(char32_t c) {
  return (c >= 0x09 && c <= 0x0d) || c == 0x20 || c == 0xa0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
         c == 0x2028 || c == 0x2029 || c == 0x202f || c == 0x205f || c == 0x3000 || c == 0xfeff;
}

char32_t At(const CodePoints& s, std::size_t i) { return i < s.size() ? s[i] : 0; }

bool StartsWithScheme(const CodePoints& s, std::size_t i, std::size_t& after) {
  for (std::string_view scheme : {"https://", "http://"}) {
    bool match = i + scheme.size() <= s.size();
    for (std::size_t k = 0; match && k < scheme.size(); ++k) {
      char32_t c = s[i + k];
      match = (c < 0x80 ? static_cast<char>(c | (c >= 'A' && c <= 'Z' ? 0x20 : 0)) : 0) == scheme[k];
    }
    if (match) {
      after = i + scheme.size();
      return true;
    }
  }
  return false;
}

// A domain label from `i`: letters and digits, hyphens inside; its end, or `i` for none.
std::size_t LabelEnd(const CodePoints& s, std::size_t i) {
  if (!IsLetterOrNumber(At(s, i))) return i;
  std::size_t end = i + 1;  // last letter or digit seen + 1
  for (std::size_t k = i + 1; k < s.size() && (IsLetterOrNumber(s[k]) || s[k] == '-'); ++k) {
    if (s[k] != '-') end = k + 1;
  }
  return end;
}

// The end of "(label.)+ letters{2,}" from `i` (greedy, as the UI's regular expression),
// or `i` when there is none.
std::size_t DomainEnd(const CodePoints& s, std::size_t i) {
  std::vector<std::size_t> dots;  // positions just after each "label."
  for (std::size_t k = i;;) {
    std::size_t end = LabelEnd(s, k);
    if (end == k || At(s, end) != '.') break;
    dots.push_back(end + 1);
    k = end + 1;
  }
  // The top-level domain follows the last label that leaves one of two letters or more.
  for (auto it = dots.rbegin(); it != dots.rend(); ++it) {
    std::size_t k = *it;
    while (k < s.size() && IsLetter(s[k])) ++k;
    if (k - *it >= 2) return k;
  }
  return i;
}

// A URL from `i` (see web/src/lib/text-length.ts, findUrls): its end, or `i`.
std::size_t UrlEnd(const CodePoints& s, std::size_t i) {
  if (i > 0) {
    char32_t p = s[i - 1];
    if (IsLetterOrNumber(p) || p == '@' || p == '.' || p == '/' || p == '_' || p == '-') return i;
  }
  std::size_t host = i;
  StartsWithScheme(s, i, host);
  std::size_t end = DomainEnd(s, host);
  if (end == host) return i;
  if (At(s, end) == ':') {
    std::size_t k = end + 1;
    while (k < s.size() && k - end <= 5 && s[k] >= '0' && s[k] <= '9') ++k;
    if (k > end + 1) end = k;
  }
  char32_t c = At(s, end);
  if (c == '/' || c == '?' || c == '#') {
    while (end < s.size() && !IsSpace(s[end])) ++end;
  }
  return end;
}

// Trailing punctuation and an unbalanced ")" are not part of a URL.
std::size_t TrimUrl(const CodePoints& s, std::size_t start, std::size_t end) {
  for (;;) {
    if (end == start) return end;
    char32_t last = s[end - 1];
    if (last == '.' || last == ',' || last == ';' || last == ':' || last == '!' || last == '?' || last == '\'' ||
        last == '"') {
      --end;
      continue;
    }
    if (last == ')') {
      int open = 0, close = 0;
      for (std::size_t k = start; k < end; ++k) open += s[k] == '(', close += s[k] == ')';
      if (open < close) {
        --end;
        continue;
      }
    }
    return end;
  }
}

bool IsRegional(char32_t c) { return c >= 0x1f1e6 && c <= 0x1f1ff; }
bool IsPictographic(char32_t c) { return uc_is_property_extended_pictographic(c); }

// Code points of the emoji at `i` (0: none); see emojiLength in text-length.ts.
std::size_t EmojiLength(const CodePoints& s, std::size_t i) {
  constexpr char32_t kVs16 = 0xfe0f, kZwj = 0x200d, kKeycap = 0x20e3;
  char32_t c = s[i];
  char32_t next = At(s, i + 1);
  if ((c >= '0' && c <= '9') || c == '#' || c == '*') {
    if (next == kKeycap) return 2;
    if (next == kVs16 && At(s, i + 2) == kKeycap) return 3;
    return 0;
  }
  if (IsRegional(c)) return i + 1 < s.size() && IsRegional(next) ? 2 : 0;
  if (!IsPictographic(c)) return 0;
  if (c < 0x100 && next != kVs16) return 0;
  std::size_t n = 1;
  while (i + n < s.size()) {
    char32_t d = s[i + n];
    if (d == kVs16 || (d >= 0x1f3fb && d <= 0x1f3ff) || (d >= 0xe0020 && d <= 0xe007f)) {
      ++n;
    } else if (d == kZwj && i + n + 1 < s.size() && IsPictographic(s[i + n + 1])) {
      n += 2;
    } else {
      break;
    }
  }
  return n;
}

int WeightOf(char32_t c) {
  bool light = c <= 4351 || (c >= 8192 && c <= 8205) || (c >= 8208 && c <= 8223) || (c >= 8242 && c <= 8247);
  return light ? 1 : 2;
}

int WeightedLength(const CodePoints& s) {
  int length = 0;
  std::size_t next_url_search = 0;
  for (std::size_t i = 0; i < s.size();) {
    if (i >= next_url_search) {
      std::size_t end = UrlEnd(s, i);
      if (end > i) {
        next_url_search = end;  // the search resumes after the whole match, trimmed or not
        std::size_t trimmed = TrimUrl(s, i, end);
        if (trimmed > i) {
          length += kUrlWeight;
          i = trimmed;
          continue;
        }
      }
    }
    std::size_t emoji = EmojiLength(s, i);
    length += emoji > 0 ? kEmojiWeight : WeightOf(s[i]);
    i += emoji > 0 ? emoji : 1;
  }
  return length;
}

}  // namespace

int PostLength(std::string_view text, std::string_view platform) {
  auto s = Decode(text);
  if (platform == "twitter" || platform == "x") return WeightedLength(s);
  return static_cast<int>(s.size());
}

int CountHashtags(std::string_view text) {
  auto s = Decode(text);
  int count = 0;
  auto is_body = [](char32_t c) { return IsLetterOrNumber(c) || IsMark(c) || c == '_'; };
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '#' && s[i] != 0xff03) continue;
    if (i > 0 && (IsLetterOrNumber(s[i - 1]) || s[i - 1] == '_' || s[i - 1] == '&')) continue;
    std::size_t k = i + 1;
    bool letter = false;
    for (; k < s.size() && is_body(s[k]); ++k) letter = letter || IsLetter(s[k]);
    if (letter) ++count;
    i = k > i + 1 ? k - 1 : i;
  }
  return count;
}

int DefaultHashtagLimit(std::string_view platform) {
  if (platform == "instagram") return 30;
  if (platform == "tiktok") return 5;
  if (platform == "linkedin") return 3;
  return 2;  // twitter
}

}  // namespace persona::domain
