#pragma once

#include <string_view>

namespace persona::domain {

// The length of a post's text as `platform` counts it (docs/engagement.md#length), the
// same rule as the UI's web/src/lib/text-length.ts; both run tests/data/
// text_length_vectors.json. twitter: X's weighted count (twitter-text's v3 configuration):
// a URL counts 23, an emoji sequence 2, a code point of Latin, Greek, Cyrillic and some
// punctuation 1, any other 2. The other platforms: code points. Both after NFC
// normalisation; a byte that is not valid UTF-8 counts as one (replacement) character.
int PostLength(std::string_view text, std::string_view platform);

// The hashtags of `text`: "#tag" (or "＃tag") at the start or after anything but a letter,
// digit, "_" or "&", with at least one letter.
int CountHashtags(std::string_view text);

// The hashtags an account may use when its platform_settings.max_hashtags says nothing:
// twitter 2, instagram 30, tiktok 5, linkedin 3 (docs/engagement.md#hashtags).
int DefaultHashtagLimit(std::string_view platform);

}  // namespace persona::domain
