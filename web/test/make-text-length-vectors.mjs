#!/usr/bin/env node
// Writes tests/data/text_length_vectors.json: for every text of the corpus, its length on
// each platform by our rule, and X's own count by the twitter-text package (v3 config).
// Run after changing the corpus: node web/test/make-text-length-vectors.mjs
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { corpus, overCounted } from "./text-length-corpus.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const twitterText = require("twitter-text");

const vectors = corpus.map((text) => {
  const x = twitterText.parseTweet(text).weightedLength;
  const codePoints = [...text.normalize("NFC")].length;
  const ours = overCounted[text];
  if (ours !== undefined && ours <= x) throw new Error(`"${text}" is listed as over-counted, yet ${ours} <= X's ${x}`);
  return { text, twitter: ours ?? x, twitter_text: x, code_points: codePoints };
});
const out = path.join(here, "..", "..", "tests", "data", "text_length_vectors.json");
fs.writeFileSync(
  out,
  JSON.stringify(
    {
      about:
        "Lengths of posts: twitter is our count for X, twitter_text X's own weighted count by the twitter-text npm package 3.1.0 (v3) — the same except where our rule counts more (docs/engagement.md#length); code_points the NFC code points the other platforms count. Made by web/test/make-text-length-vectors.mjs.",
      vectors,
    },
    null,
    1,
  ) + "\n",
);
console.log(`wrote ${vectors.length} vectors to ${out}`);
