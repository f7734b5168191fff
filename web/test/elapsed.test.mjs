import assert from "node:assert/strict";
import { test } from "node:test";
import { elapsedSeconds, formatDuration } from "../src/lib/time.ts";

test("elapsed seconds for live timers", () => {
  const now = new Date("2026-12-02T10:01:05.900Z");
  assert.equal(elapsedSeconds("2026-12-02T10:00:00Z", now), 65);
  assert.equal(formatDuration(elapsedSeconds("2026-12-02T09:00:00Z", now)), "1:01:05");
  assert.equal(elapsedSeconds(new Date("2026-12-02T10:01:00Z"), now), 5);
  // A server clock slightly ahead, or nothing to count from: zero, never negative.
  assert.equal(elapsedSeconds("2026-12-02T10:02:00Z", now), 0);
  assert.equal(elapsedSeconds(null, now), 0);
  assert.equal(elapsedSeconds("garbage", now), 0);
});
