// How long a post is as each platform counts it, and its hashtags: the same rule as the
// server's (src/domain/text_length.cpp), held together by one set of test vectors
// (tests/data/text_length_vectors.json, the twitter-text package's own results; both test
// suites run them). See docs/engagement.md#length.

import type { Platform } from "./platforms";

// The most characters a post may have (X: weighted, see postLength).
export const platformLimits: Record<Platform, number> = { twitter: 280, instagram: 2200, tiktok: 4000, linkedin: 3000 };

// Hashtags an account may use when its platform_settings.max_hashtags says nothing.
export const defaultHashtagLimits: Record<Platform, number> = { twitter: 2, instagram: 30, tiktok: 5, linkedin: 3 };

// X's weighted count (twitter-text's v3 configuration): a URL counts 23, an emoji 2, a
// code point in these ranges 1 (Latin, Greek, Cyrillic… and some punctuation), others 2.
const kUrlWeight = 23;
const kLightRanges: [number, number][] = [
  [0, 4351],
  [8192, 8205],
  [8208, 8223],
  [8242, 8247],
];

// Other platforms count code points of the NFC text.
export function postLength(text: string, platform: Platform): number {
  const nfc = text.normalize("NFC");
  if (platform !== "twitter") return [...nfc].length;
  const cps = [...nfc].map((c) => c.codePointAt(0) ?? 0);
  const urls = findUrls(nfc);
  let length = 0;
  let offset = 0; // UTF-16 offset of cps[i], to match the URL spans
  let u = 0;
  for (let i = 0; i < cps.length; ) {
    const url = urls[u];
    if (url && offset >= url.start) {
      length += kUrlWeight;
      while (i < cps.length && offset < url.end) offset += charLength(cps[i++] ?? 0);
      u++;
      continue;
    }
    const emoji = emojiLength(cps, i);
    const take = emoji > 0 ? emoji : 1;
    length += emoji > 0 ? 2 : weightOf(cps[i] ?? 0);
    for (let k = 0; k < take; k++) offset += charLength(cps[i + k] ?? 0);
    i += take;
  }
  return length;
}

function charLength(cp: number): number {
  return cp > 0xffff ? 2 : 1;
}

function weightOf(cp: number): number {
  return kLightRanges.some(([from, to]) => cp >= from && cp <= to) ? 1 : 2;
}

const pictographic = /\p{Extended_Pictographic}/u;
const isPictographic = (cp: number) => pictographic.test(String.fromCodePoint(cp));
const isRegional = (cp: number) => cp >= 0x1f1e6 && cp <= 0x1f1ff;
const isSkinTone = (cp: number) => cp >= 0x1f3fb && cp <= 0x1f3ff;
const isTag = (cp: number) => cp >= 0xe0020 && cp <= 0xe007f;
const kVs16 = 0xfe0f;
const kZwj = 0x200d;
const kKeycap = 0x20e3;

// The code points of the emoji starting at cps[i] (0: none): a keycap (1️⃣), a flag (two
// regional indicators), or a pictograph with its presentation selector, skin tone, tags
// and zero-width-joined pictographs (👩‍👩‍👧). © and ® are emoji only with U+FE0F.
function emojiLength(cps: number[], i: number): number {
  const c = cps[i] ?? 0;
  const next = cps[i + 1];
  if ((c >= 0x30 && c <= 0x39) || c === 0x23 || c === 0x2a) {
    if (next === kKeycap) return 2;
    if (next === kVs16 && cps[i + 2] === kKeycap) return 3;
    return 0;
  }
  if (isRegional(c)) return next !== undefined && isRegional(next) ? 2 : 0;
  if (!isPictographic(c)) return 0;
  if (c < 0x100 && next !== kVs16) return 0;
  let n = 1;
  for (;;) {
    const d = cps[i + n];
    if (d === undefined) break;
    if (d === kVs16 || isSkinTone(d) || isTag(d)) n++;
    else if (d === kZwj && cps[i + n + 1] !== undefined && isPictographic(cps[i + n + 1] ?? 0)) n += 2;
    else break;
  }
  return n;
}

// URLs as X finds them: with http(s):// (any host with a dot), or bare domains ending in
// a top-level domain of letters (example.com, t.co/x) — not inside an email address, nor
// after another scheme's "//". A URL ends before a space, and trailing punctuation or an
// unbalanced closing bracket is not part of it.
const urlPattern =
  /(?<![\p{L}\p{N}@.\/_-])(?:https?:\/\/)?(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,}(?::\d{1,5})?(?:[/?#][^\s]*)?/giu;
const schemed = /^https?:\/\//i;

interface Span {
  start: number;
  end: number;
}

function findUrls(text: string): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(urlPattern)) {
    let url = m[0];
    const start = m.index ?? 0;
    // A scheme other than http(s) right before ("ftp://example.com"): not a URL.
    if (!schemed.test(url) && /[a-z]+:\/\/$/i.test(text.slice(Math.max(0, start - 10), start))) continue;
    url = trimUrl(url);
    if (url.length > 0) out.push({ start, end: start + url.length });
  }
  return out;
}

function trimUrl(url: string): string {
  for (;;) {
    const last = url.at(-1) ?? "";
    if (/[.,;:!?'"]/.test(last)) url = url.slice(0, -1);
    else if (last === ")" && count(url, "(") < count(url, ")")) url = url.slice(0, -1);
    else return url;
  }
}

function count(s: string, c: string): number {
  return s.split(c).length - 1;
}

// The hashtags of `text` ("#tag" at the start or after a space or punctuation).
export function countHashtags(text: string): number {
  return (text.match(/(?:^|[^\p{L}\p{N}_&])[#＃][\p{L}\p{M}\p{N}_]*\p{L}[\p{L}\p{M}\p{N}_]*/gu) ?? []).length;
}
