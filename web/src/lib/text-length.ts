// How long a post is as each platform counts it, and its hashtags: the same rule as the
// server's (src/domain/text_length.cpp), held together by one set of test vectors
// (tests/data/text_length_vectors.json, made from the twitter-text package's results).
// See docs/engagement.md#length.

export type Platform = "twitter" | "instagram" | "tiktok" | "linkedin";

// The most characters a post may have (X: weighted, see postLength).
export const platformLimits: Record<Platform, number> = { twitter: 280, instagram: 2200, tiktok: 4000, linkedin: 3000 };

// Hashtags an account may use when its platform_settings.max_hashtags says nothing.
export const defaultHashtagLimits: Record<Platform, number> = { twitter: 2, instagram: 30, tiktok: 5, linkedin: 3 };

// The length of `text` on `platform`. STUB: code points until the weighted rule lands.
export function postLength(text: string, _platform: Platform): number {
  return [...text.normalize("NFC")].length;
}

// The hashtags of `text` ("#tag" after a space or at the start).
export function countHashtags(text: string): number {
  return (text.match(/(?:^|[^\p{L}\p{N}_&])[#＃][\p{L}\p{M}\p{N}_]*\p{L}[\p{L}\p{M}\p{N}_]*/gu) ?? []).length;
}
