import "./fake-window.mjs";
import assert from "node:assert/strict";
import { test } from "node:test";
import { ApiError } from "../src/api/client.ts";
import { limitRefusal } from "../src/api/posts.ts";
import { countValues, excerpt, metricsOf } from "../src/screens/posts/post-parts.ts";

const empty = { likes: "", comments: "", shares: "", views: "", saves: "", clicks: "", followers_gained: "", reach: "" };

test("counts typed into the form become the PUT body", () => {
  assert.deepEqual(metricsOf({ ...empty, likes: "12", views: " 400 ", followers_gained: "0" }), { likes: 12, views: 400, followers_gained: 0 });
  assert.throws(() => metricsOf({ ...empty, likes: "twelve" }), (e) => e instanceof ApiError && e.fieldErrors.get("likes") === "A whole number, 0 or more.");
  assert.throws(() => metricsOf(empty), (e) => e instanceof ApiError && e.fieldErrors.has("views"));
});

test("the form starts from the recorded snapshot", () => {
  const post = { immediate_engagement: { metrics: { likes: 3, views: 90 } }, daily_engagement: {} };
  assert.deepEqual(countValues(post, "immediate"), { ...empty, likes: "3", views: "90" });
  assert.deepEqual(countValues(post, "daily"), empty);
});

test("excerpts", () => {
  assert.equal(excerpt({ final_content: "  one\n\ntwo  " }), "one two");
  assert.equal(excerpt({ final_content: "" }), "(no text)");
  assert.equal(excerpt({ final_content: "abcdefghij" }, 6), "abcde…");
});

test("limit refusals carry the time they free", () => {
  const problem = (code, extra = {}) => ({ type: "about:blank", title: "Conflict", status: 409, detail: "no", code, ...extra });
  assert.deepEqual(limitRefusal(new ApiError(409, "no", problem("cooldown", { frees_at: "2026-12-03T08:00:00Z" }))), {
    code: "cooldown",
    detail: "no",
    freesAt: "2026-12-03T08:00:00Z",
  });
  assert.equal(limitRefusal(new ApiError(409, "no", problem("already_published"))), null);
  assert.equal(limitRefusal(new Error("x")), null);
});
