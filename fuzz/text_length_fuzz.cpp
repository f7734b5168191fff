// The length rule (domain/text_length: NFC, X's weighted count with URLs and emoji) and
// the hashtag count, on any bytes — invalid UTF-8 included, which they must measure, not
// trip over.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "domain/text_length.h"

namespace {

[[noreturn]] void Fail(const char* what) {
  std::fprintf(stderr, "text_length: %s\n", what);
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  int twitter = persona::domain::PostLength(text, "twitter");
  int x = persona::domain::PostLength(text, "x");
  int instagram = persona::domain::PostLength(text, "instagram");
  if (twitter != x) Fail("twitter and x count differently");
  if (twitter < 0 || instagram < 0) Fail("a negative length");
  if ((size == 0) != (instagram == 0) || (size == 0) != (twitter == 0)) Fail("empty iff length 0 does not hold");
  // A hashtag starts at a '#' (1 byte) or a '＃' (3 bytes).
  int marks = 0;
  for (std::size_t i = 0; i < text.size(); ++i) marks += text[i] == '#' || text.substr(i, 3) == "\xef\xbc\x83";
  int hashtags = persona::domain::CountHashtags(text);
  if (hashtags < 0 || hashtags > marks) Fail("more hashtags than '#' signs");
  return 0;
}
