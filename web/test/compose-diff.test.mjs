import assert from "node:assert/strict";
import { test } from "node:test";
import { diffCounts, wordDiff } from "../src/screens/compose/word-diff.ts";

const joined = (parts, ops) => parts.filter((p) => ops.includes(p.op)).map((p) => p.text).join("");

test("no change is one kept part", () => {
  assert.deepEqual(wordDiff("Good morning Pune", "Good morning Pune"), [{ op: "keep", text: "Good morning Pune" }]);
});

test("a replaced word is a deletion and an insertion between kept text", () => {
  const parts = wordDiff("Good morning from Pune today", "Good evening from Pune today");
  assert.deepEqual(parts, [
    { op: "keep", text: "Good " },
    { op: "delete", text: "morning" },
    { op: "insert", text: "evening" },
    { op: "keep", text: " from Pune today" },
  ]);
  assert.deepEqual(diffCounts(parts), { deleted: 1, inserted: 1 });
});

test("both texts come back from the parts", () => {
  const before = "Chai at 5, then a walk by the river. #chai";
  const after = "Chai at 6 with friends, then a long walk by the river.";
  const parts = wordDiff(before, after);
  assert.equal(joined(parts, ["keep", "delete"]), before);
  assert.equal(joined(parts, ["keep", "insert"]), after);
});

test("from nothing and to nothing", () => {
  assert.deepEqual(wordDiff("", "new text"), [{ op: "insert", text: "new text" }]);
  assert.deepEqual(wordDiff("old text", ""), [{ op: "delete", text: "old text" }]);
  assert.deepEqual(wordDiff("", ""), []);
});
