import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { test } from "node:test";
import data from "../../tests/data/text_length_vectors.json";
import { countHashtags, postLength } from "../src/lib/text-length.ts";
import { corpus, overCounted } from "./text-length-corpus.mjs";

const { vectors } = data;
// twitter-text is loaded from web/node_modules as it is (bundling breaks its punycode).
const twitterText = createRequire(process.env.PERSONA_WEB_DIR_FOR_TESTS + "/")("twitter-text");

test("every vector: X's count by our rule, code points elsewhere", () => {
  for (const v of vectors) {
    assert.equal(postLength(v.text, "twitter"), v.twitter, JSON.stringify(v.text));
    for (const platform of ["instagram", "tiktok", "linkedin"]) assert.equal(postLength(v.text, platform), v.code_points);
  }
});

test("the vectors are the corpus with twitter-text's counts today", () => {
  assert.deepEqual(
    vectors.map((v) => v.text),
    corpus,
    "run node web/test/make-text-length-vectors.mjs after changing the corpus",
  );
  for (const v of vectors) {
    assert.equal(v.twitter_text, twitterText.parseTweet(v.text).weightedLength, JSON.stringify(v.text));
    assert.equal(v.twitter, overCounted[v.text] ?? v.twitter_text);
  }
});

test("270 characters and a long URL count 294 on X", () => {
  assert.equal(postLength("a".repeat(270) + " https://example.com/" + "q".repeat(60), "twitter"), 294);
});

test("hashtags are counted at the start and after spaces, not inside words or URLs' fragments", () => {
  assert.equal(countHashtags("#one two #three"), 2);
  assert.equal(countHashtags("no#tag here, and #123 is no tag"), 0);
  assert.equal(countHashtags("(#mañana) #日本"), 2);
});
