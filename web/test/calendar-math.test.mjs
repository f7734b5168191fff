// The calendar's pure date arithmetic (web/src/screens/calendar/calendar-math.ts).
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  addDays,
  addMonths,
  byDay,
  civilKey,
  civilOf,
  dateTimeFields,
  dayOver,
  dropAt,
  formatCivil,
  instantOfFields,
  monthGrid,
  nextPostingTime,
  parseCivil,
  periodLabel,
  sameTimeOn,
  shiftAnchor,
  slotOf,
  slotPassed,
  slotStart,
  startOfWeek,
  viewDays,
  viewRange,
  weekdayOf,
} from "../src/screens/calendar/calendar-math.ts";

const d = (text) => parseCivil(text);
const iso = (date) => date.toISOString();

test("calendar dates parse, print and refuse what is no date", () => {
  assert.deepEqual(d("2026-12-08"), { year: 2026, month: 12, day: 8 });
  assert.equal(civilKey({ year: 2026, month: 3, day: 5 }), "2026-03-05");
  assert.equal(d("2026-02-30"), null);
  assert.equal(d("2026-13-01"), null);
  assert.equal(d("0202-01-01"), null);
  assert.equal(d("yesterday"), null);
  assert.equal(d(null), null);
});

test("days and months add up across month and year ends", () => {
  assert.equal(civilKey(addDays(d("2026-12-31"), 1)), "2027-01-01");
  assert.equal(civilKey(addDays(d("2027-03-01"), -1)), "2027-02-28");
  assert.equal(civilKey(addMonths(d("2027-01-31"), 1)), "2027-02-28");
  assert.equal(civilKey(addMonths(d("2028-01-31"), 1)), "2028-02-29");
  assert.equal(civilKey(addMonths(d("2026-12-15"), 3)), "2027-03-15");
  assert.equal(civilKey(addMonths(d("2027-01-15"), -1)), "2026-12-15");
  assert.equal(weekdayOf(d("2026-12-08")), 2); // a Tuesday
  assert.equal(civilKey(startOfWeek(d("2026-12-08"))), "2026-12-07");
  assert.equal(civilKey(startOfWeek(d("2026-12-13"))), "2026-12-07"); // Sunday ends the week
  assert.equal(civilKey(startOfWeek(d("2026-12-07"))), "2026-12-07");
});

test("the month grid is six Monday-first weeks around the month", () => {
  const grid = monthGrid(d("2026-12-20"));
  assert.equal(grid.length, 6);
  assert.ok(grid.every((week) => week.length === 7));
  assert.equal(civilKey(grid[0][0]), "2026-11-30");
  assert.equal(civilKey(grid[5][6]), "2027-01-10");
  // A month starting on a Monday starts the grid with its 1st.
  assert.equal(civilKey(monthGrid(d("2027-03-10"))[0][0]), "2027-03-01");
  assert.equal(viewDays("list", d("2027-02-10")).length, 28);
  assert.equal(viewDays("week", d("2026-12-10")).map(civilKey)[6], "2026-12-13");
});

test("ranges are the view's days from midnight to midnight in the zone", () => {
  const week = viewRange("week", d("2026-12-08"), "Asia/Kolkata");
  assert.equal(iso(week.from), "2026-12-06T18:30:00.000Z");
  assert.equal(iso(week.to), "2026-12-13T18:30:00.000Z");
  // The day of the US change has 23 hours.
  const day = viewRange("day", d("2027-03-14"), "America/New_York");
  assert.equal(iso(day.from), "2027-03-14T05:00:00.000Z");
  assert.equal(iso(day.to), "2027-03-15T04:00:00.000Z");
  const month = viewRange("month", d("2027-03-10"), "UTC");
  assert.equal(iso(month.from), "2027-03-01T00:00:00.000Z");
  assert.equal(iso(month.to), "2027-04-12T00:00:00.000Z");
});

test("the previous and next periods", () => {
  assert.equal(civilKey(shiftAnchor("day", d("2026-12-31"), 1)), "2027-01-01");
  assert.equal(civilKey(shiftAnchor("week", d("2026-12-08"), -1)), "2026-12-01");
  assert.equal(civilKey(shiftAnchor("month", d("2026-12-31"), 3)), "2027-03-31");
  assert.equal(civilKey(shiftAnchor("list", d("2027-03-31"), -1)), "2027-02-28");
});

test("labels of days and periods", () => {
  assert.equal(formatCivil(d("2026-12-08"), "short"), "Tue 8 Dec");
  assert.equal(formatCivil(d("2026-12-08"), "long"), "Tuesday 8 December 2026");
  assert.equal(periodLabel("month", d("2026-12-08")), "December 2026");
  assert.equal(periodLabel("week", d("2026-12-08")), "7 – 13 Dec 2026");
  assert.equal(periodLabel("week", d("2026-12-02")), "30 Nov – 6 Dec 2026");
  assert.equal(periodLabel("week", d("2026-12-30")), "28 Dec 2026 – 3 Jan 2027");
});

test("slots are half hours of the zone's wall clock", () => {
  const at = new Date("2026-12-08T04:10:00Z"); // 09:40 in Kolkata
  assert.equal(slotOf(at, "Asia/Kolkata"), 570);
  assert.equal(iso(slotStart(d("2026-12-08"), 570, "Asia/Kolkata")), "2026-12-08T04:00:00.000Z");
  // 02:30 does not exist on 14 March 2027 in New York: it moves forward an hour.
  assert.equal(iso(slotStart(d("2027-03-14"), 150, "America/New_York")), "2027-03-14T07:30:00.000Z");
  assert.equal(civilKey(civilOf(at, "America/Los_Angeles")), "2026-12-07");
});

test("a post moved to another day keeps its wall-clock time, across DST too", () => {
  const ny = "America/New_York";
  const before = new Date("2027-03-13T14:00:00Z"); // 09:00 EST
  assert.equal(iso(sameTimeOn(before, ny, d("2027-03-15"))), "2027-03-15T13:00:00.000Z"); // 09:00 EDT
  assert.equal(iso(sameTimeOn(new Date("2027-11-06T13:00:00Z"), ny, d("2027-11-08"))), "2027-11-08T14:00:00.000Z");
  const kolkata = new Date("2026-12-08T04:00:00Z"); // 09:30
  assert.equal(iso(sameTimeOn(kolkata, "Asia/Kolkata", d("2026-12-09"))), "2026-12-09T04:00:00.000Z");
});

test("drops: kept time, slot time, and the refusals", () => {
  const zone = "Asia/Kolkata";
  const now = new Date("2026-12-05T06:00:00Z"); // 11:30 on Sat 5 Dec in Kolkata
  const post = { published: false, current: new Date("2026-12-08T04:00:00Z") };
  const month = dropAt(post, { day: d("2026-12-09") }, zone, now);
  assert.equal(month.ok, true);
  assert.equal(iso(month.at), "2026-12-09T04:00:00.000Z");
  assert.equal(month.same, false);
  assert.equal(dropAt(post, { day: d("2026-12-08") }, zone, now).same, true);
  const week = dropAt(post, { day: d("2026-12-10"), minute: 19 * 60 }, zone, now);
  assert.equal(iso(week.at), "2026-12-10T13:30:00.000Z");

  const past = dropAt(post, { day: d("2026-12-04") }, zone, now);
  assert.equal(past.ok, false);
  assert.equal(past.reason, "Fri 4 Dec is in the past: a post can only move to a time still ahead.");
  // Today, but 09:30 is already gone.
  const today = dropAt(post, { day: d("2026-12-05") }, zone, now);
  assert.equal(today.ok, false);
  assert.match(today.reason, /^09:30 on Sat 5 Dec has passed \(Asia\/Kolkata\)/);
  assert.equal(dropAt(post, { day: d("2026-12-05"), minute: 660 }, zone, now).ok, false);
  assert.equal(dropAt(post, { day: d("2026-12-05"), minute: 720 }, zone, now).ok, true);

  const published = dropAt({ published: true, current: post.current }, { day: d("2026-12-09") }, zone, now);
  assert.equal(published.ok, false);
  assert.match(published.reason, /published/);
});

test("the move dialog's date and time fields", () => {
  const zone = "America/New_York";
  assert.deepEqual(dateTimeFields(new Date("2027-03-13T14:00:00Z"), zone), { date: "2027-03-13", time: "09:00" });
  assert.equal(iso(instantOfFields("2027-03-15", "09:00", zone)), "2027-03-15T13:00:00.000Z");
  assert.equal(instantOfFields("2027-03-15", "", zone), null);
  assert.equal(instantOfFields("", "09:00", zone), null);
  assert.equal(instantOfFields("2027-03-15", "25:00", zone), null);
});

test("items group by the day they fall on in the zone, in time order", () => {
  const items = [
    { id: "b", at: "2026-12-08T10:00:00Z" },
    { id: "a", at: "2026-12-08T04:00:00Z" },
    { id: "c", at: "2026-12-08T20:00:00Z" }, // 01:30 on the 9th in Kolkata
    { id: "draft", at: null },
  ];
  const days = byDay(items, (i) => (i.at ? new Date(i.at) : null), "Asia/Kolkata");
  assert.deepEqual([...days.keys()], ["2026-12-08", "2026-12-09"]);
  assert.deepEqual(days.get("2026-12-08").map((i) => i.id), ["a", "b"]);
  assert.deepEqual(byDay(items, (i) => (i.at ? new Date(i.at) : null), "UTC").get("2026-12-08").map((i) => i.id), ["a", "b", "c"]);
});

test("the next posting time of a weekly schedule", () => {
  const zone = "Asia/Kolkata";
  const times = { saturday: ["19:00", "09:30"], monday: ["08:00"] };
  // Sat 5 Dec 2026, 11:30 in Kolkata: 19:00 today is next.
  assert.equal(nextPostingTime(times, zone, new Date("2026-12-05T06:00:00Z")).toISOString(), "2026-12-05T13:30:00.000Z");
  // After 19:00: Monday 08:00.
  assert.equal(nextPostingTime(times, zone, new Date("2026-12-05T14:00:00Z")).toISOString(), "2026-12-07T02:30:00.000Z");
  assert.equal(nextPostingTime({}, zone, new Date()), null);
  assert.equal(nextPostingTime(undefined, zone, new Date()), null);
});

test("days and slots that have passed", () => {
  const zone = "Asia/Kolkata";
  const now = new Date("2026-12-05T06:00:00Z"); // 11:30 on Sat 5 Dec
  assert.equal(dayOver(d("2026-12-04"), zone, now), true);
  assert.equal(dayOver(d("2026-12-05"), zone, now), false);
  assert.equal(slotPassed(d("2026-12-05"), 690, zone, now), true);
  assert.equal(slotPassed(d("2026-12-05"), 720, zone, now), false);
});
