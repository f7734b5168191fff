import assert from "node:assert/strict";
import { test } from "node:test";
import { instantOfLocalInput, localInputValue } from "../src/lib/time.ts";

test("a datetime-local value read in a zone, and back", () => {
  assert.equal(instantOfLocalInput("2024-06-03T08:30", "Asia/Manila")?.toISOString(), "2024-06-03T00:30:00.000Z");
  assert.equal(instantOfLocalInput("2024-06-03T08:30:15", "UTC")?.toISOString(), "2024-06-03T08:30:15.000Z");
  assert.equal(instantOfLocalInput("2024-01-15T07:00", "America/New_York")?.toISOString(), "2024-01-15T12:00:00.000Z");
  assert.equal(localInputValue(new Date("2024-06-03T00:30:00Z"), "Asia/Manila"), "2024-06-03T08:30");
  assert.equal(localInputValue(new Date("2024-12-31T23:59:59Z"), "Asia/Kolkata"), "2025-01-01T05:29");
  const back = instantOfLocalInput(localInputValue(new Date("2024-07-15T12:34:00Z"), "Europe/Berlin"), "Europe/Berlin");
  assert.equal(back?.toISOString(), "2024-07-15T12:34:00.000Z");
});

test("what is not a datetime-local value", () => {
  assert.equal(instantOfLocalInput("", "UTC"), null);
  assert.equal(instantOfLocalInput("2024-06-03", "UTC"), null);
  assert.equal(instantOfLocalInput("2024-13-03T08:30", "UTC"), null);
  assert.equal(instantOfLocalInput("2024-06-03T24:30", "UTC"), null);
  assert.equal(instantOfLocalInput("yesterday", "UTC"), null);
  // A year still being typed.
  assert.equal(instantOfLocalInput("0202-06-03T08:30", "UTC"), null);
});
