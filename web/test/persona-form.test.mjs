// The persona editor's mapping (src/screens/personas/persona-form.ts): a Persona to flat
// values keyed by the server's JSON paths, values to a request body, PATCH changes, and
// list-item errors moved beside the list's one text field.
import "./fake-window.mjs";
import assert from "node:assert/strict";
import { test } from "node:test";
import { ApiError } from "../src/api/client.ts";
import {
  blankValues,
  bodyOf,
  changesOf,
  nextTime,
  remapErrors,
  timeField,
  timesOf,
  valuesOf,
  withTimes,
} from "../src/screens/personas/persona-form.ts";

const stored = {
  id: "8f0c7a3e-1111-4222-8333-944455556666",
  name: "Maria",
  status: "active",
  demographics: { age: 27, gender: "female" },
  personality: { interests: ["cooking", "basketball"] },
  backstory: null,
  primary_location: "Manila",
  timezone: "Asia/Manila",
  language_preferences: ["en", "fil"],
  activity_schedule: { posting_times: { monday: ["19:00", "08:30"], thursday: ["07:45"] }, posts_per_day: 2 },
  content_themes: { hashtags: ["#manila", "#food"] },
  engagement_style: { comment_frequency: "low" },
  proxy_id: null,
  proxy_ip: null,
  proxy_location: null,
  proxy_status: "unassigned",
  created_at: "2026-12-01T00:00:00Z",
  updated_at: "2026-12-01T00:00:00Z",
  last_active: null,
  total_posts: 0,
  risk_score: 0.1,
};

test("a stored persona becomes fields named by the server's paths", () => {
  const v = valuesOf(stored);
  assert.equal(v["demographics.age"], "27");
  assert.equal(v["personality.interests"], "cooking\nbasketball");
  assert.equal(v["content_themes.hashtags"], "#manila, #food");
  assert.equal(v[timeField("monday", 0)], "08:30", "a day's times in clock order");
  assert.equal(v["activity_schedule.posting_times.monday[1]"], "19:00");
  assert.deepEqual(timesOf(v, "thursday"), ["07:45"]);
  assert.deepEqual(timesOf(v, "friday"), []);
});

test("the values round-trip to the same body", () => {
  const body = bodyOf(valuesOf(stored));
  assert.deepEqual(body.activity_schedule, { posting_times: { monday: ["08:30", "19:00"], thursday: ["07:45"] }, posts_per_day: 2 });
  assert.deepEqual(body.demographics, { age: 27, gender: "female" });
  assert.equal(body.backstory, null);
  assert.deepEqual(changesOf(body, bodyOf(valuesOf(stored))), {}, "nothing changed, nothing to PATCH");
});

test("a PATCH carries only the members that changed", () => {
  let v = valuesOf(stored);
  v = withTimes(v, "monday", ["08:30"]);
  v = { ...v, status: "inactive" };
  const changes = changesOf(bodyOf(v), bodyOf(valuesOf(stored)));
  assert.deepEqual(Object.keys(changes).sort(), ["activity_schedule", "status"]);
  assert.deepEqual(changes.activity_schedule.posting_times.monday, ["08:30"]);
});

test("a new persona's body sends the required texts even when empty, and no empty members", () => {
  const body = bodyOf(blankValues("UTC"));
  assert.equal(body.name, "");
  assert.equal(body.primary_location, "");
  assert.deepEqual(body.demographics, {});
  assert.deepEqual(body.activity_schedule, { posting_times: {} });
  assert.deepEqual(body.language_preferences, ["en", "fil"]);
  assert.equal(body.status, "inactive");
});

test("numbers are sent as typed, so the server judges them", () => {
  const body = bodyOf({ ...blankValues("UTC"), "demographics.age": "200" });
  assert.equal(body.demographics.age, 200);
  assert.equal(JSON.stringify(bodyOf({ ...blankValues("UTC"), "demographics.age": "x" }).demographics), '{"age":null}');
});

test("removing a time renumbers the day's fields", () => {
  let v = withTimes(blankValues("UTC"), "monday", ["08:00", "12:00", "18:00"]);
  v = withTimes(v, "monday", ["08:00", "18:00"]);
  assert.equal(v[timeField("monday", 1)], "18:00");
  assert.equal(timeField("monday", 2) in v, false);
});

test("the time offered next is an hour after the last", () => {
  assert.equal(nextTime([]), "09:00");
  assert.equal(nextTime(["08:30"]), "09:30");
  assert.equal(nextTime(["23:15"]), "23:15");
});

test("an error of a list item goes beside the list's field, naming the item", () => {
  const values = { ...blankValues("UTC"), language_preferences: "en, english" };
  const error = new ApiError(422, "invalid", {
    type: "about:blank",
    title: "Unprocessable Content",
    status: 422,
    detail: "invalid",
    errors: [
      { field: "language_preferences[1]", message: "must be a language code" },
      { field: "activity_schedule.posting_times.monday[0]", message: "must be a 24-hour time" },
    ],
  });
  const mapped = remapErrors(error, values);
  assert.equal(mapped.fieldErrors.get("language_preferences"), '"english" must be a language code');
  assert.equal(mapped.fieldErrors.get("activity_schedule.posting_times.monday[0]"), "must be a 24-hour time", "times keep their own fields");
});
