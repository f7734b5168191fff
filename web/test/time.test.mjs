import assert from "node:assert/strict";
import { test } from "node:test";
import {
  dateKey,
  formatDuration,
  formatInZone,
  instantOf,
  isValidZone,
  offsetMinutes,
  offsetLabel,
  startOfDay,
  wallTime,
} from "../src/lib/time.ts";

const at = (iso) => new Date(iso);

test("wall time and offset of a zone", () => {
  assert.deepEqual(wallTime(at("2024-06-03T00:30:00Z"), "Asia/Manila"), {
    year: 2024, month: 6, day: 3, hour: 8, minute: 30, second: 0, weekday: 1,
  });
  assert.equal(offsetMinutes(at("2024-06-03T00:30:00Z"), "Asia/Manila"), 480);
  assert.equal(offsetMinutes(at("2024-01-15T12:00:00Z"), "Asia/Kolkata"), 330);
  assert.equal(offsetMinutes(at("2024-01-15T12:00:00Z"), "America/New_York"), -300);
  assert.equal(offsetMinutes(at("2024-07-15T12:00:00Z"), "America/New_York"), -240);
  assert.equal(offsetLabel(at("2024-01-15T12:00:00Z"), "Asia/Kolkata"), "UTC+05:30");
  assert.equal(offsetLabel(at("2024-01-15T12:00:00Z"), "America/St_Johns"), "UTC-03:30");
});

test("the instant of a wall time, across daylight-saving changes", () => {
  assert.equal(instantOf("Europe/Berlin", 2024, 6, 3, 8, 30).toISOString(), "2024-06-03T06:30:00.000Z");
  assert.equal(instantOf("Asia/Manila", 2024, 1, 1).toISOString(), "2023-12-31T16:00:00.000Z");
  // 02:30 does not exist on 10 March 2024 in New York: moved forward by the gap.
  assert.equal(instantOf("America/New_York", 2024, 3, 10, 2, 30).toISOString(), "2024-03-10T07:30:00.000Z");
  assert.equal(instantOf("America/New_York", 2024, 3, 10, 3, 30).toISOString(), "2024-03-10T07:30:00.000Z");
  // 01:30 happens twice on 3 November 2024: the earlier one (still EDT).
  assert.equal(instantOf("America/New_York", 2024, 11, 3, 1, 30).toISOString(), "2024-11-03T05:30:00.000Z");
  assert.equal(instantOf("America/New_York", 2024, 11, 3, 2, 30).toISOString(), "2024-11-03T07:30:00.000Z");
  assert.equal(instantOf("UTC", 2024, 2, 29, 23, 59, 59).toISOString(), "2024-02-29T23:59:59.000Z");
});

test("days in a zone", () => {
  assert.equal(dateKey(at("2024-06-02T17:00:00Z"), "Asia/Manila"), "2024-06-03");
  assert.equal(dateKey(at("2024-06-02T17:00:00Z"), "America/Los_Angeles"), "2024-06-02");
  assert.equal(startOfDay(at("2024-06-03T10:00:00Z"), "Asia/Manila").toISOString(), "2024-06-02T16:00:00.000Z");
  // A 23-hour day starts at its midnight all the same.
  assert.equal(startOfDay(at("2024-03-31T12:00:00Z"), "Europe/Berlin").toISOString(), "2024-03-30T23:00:00.000Z");
});

test("formatting without the zone name (TimeInZone adds it)", () => {
  const instant = at("2024-06-03T00:30:00Z");
  assert.equal(formatInZone(instant, "Asia/Manila", "time"), "08:30");
  assert.equal(formatInZone(instant, "Asia/Manila", "date"), "3 Jun 2024");
  assert.equal(formatInZone(instant, "Asia/Manila", "weekday-time"), "Mon 08:30");
  assert.equal(formatInZone(instant, "Asia/Manila", "datetime", at("2024-06-01T00:00:00Z")), "3 Jun 2024, 08:30");
  // Today in that zone: the time alone.
  assert.equal(formatInZone(instant, "Asia/Manila", "datetime", at("2024-06-03T15:00:00Z")), "08:30");
  // …which is judged in that zone, not in UTC.
  assert.equal(formatInZone(instant, "Asia/Manila", "datetime", at("2024-06-03T17:00:00Z")), "3 Jun 2024, 08:30");
});

test("zones and durations", () => {
  assert.equal(isValidZone("Asia/Manila"), true);
  assert.equal(isValidZone("Mars/Olympus"), false);
  assert.equal(formatDuration(0), "0:00");
  assert.equal(formatDuration(65.9), "1:05");
  assert.equal(formatDuration(3725), "1:02:05");
  assert.equal(formatDuration(-5), "0:00");
});

test("instantOf takes years before 100 as they are", () => {
  assert.equal(instantOf("UTC", 99, 6, 3, 8, 30).toISOString(), "0099-06-03T08:30:00.000Z");
  assert.equal(instantOf("UTC", 2024, 6, 3, 8, 30, 15).toISOString(), "2024-06-03T08:30:15.000Z");
});
