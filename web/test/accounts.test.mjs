// The account screens' pure helpers (web/src/screens/accounts/account-form.ts, time-input.ts).
import "./fake-window.mjs";
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  accountError,
  credentialsFrom,
  editValues,
  handle,
  jsonObject,
  moveFieldError,
  patchOf,
  secretRows,
  tokensFrom,
  wholeNumber,
} from "../src/screens/accounts/account-form.ts";
import { instantOfLocalInput, localInputValue, rfc3339, secondsLeft } from "../src/lib/time.ts";
import { ApiError } from "../src/api/client.ts";
import { platformLabel } from "../src/lib/platforms.ts";

const account = {
  id: "a1", persona_id: "p1", platform_type: "twitter", username: "maria", display_name: null, bio: null,
  profile_image_url: null, account_status: "pending", verification_level: "basic", follower_count: 0,
  following_count: 0, platform_settings: {}, posting_schedule: {}, daily_post_limit: 10, daily_posts_count: 0,
  last_post_at: null, cooldown_until: "2030-01-02T01:30:00Z", warning_count: 0, created_at: "2026-12-01T00:00:00Z",
  updated_at: "2026-12-01T00:00:00Z", last_login: null, is_active: true, has_credentials: true, has_auth_tokens: false,
};

const fieldOf = (fn) => {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof ApiError);
    return [...e.fieldErrors.keys()];
  }
  assert.fail("did not throw");
};

test("platforms, handles, numbers", () => {
  assert.equal(platformLabel("twitter"), "X (Twitter)");
  assert.equal(platformLabel("tiktok"), "TikTok");
  assert.equal(handle(" @maria "), "maria");
  assert.equal(wholeNumber("n", " 12 "), 12);
  assert.deepEqual(fieldOf(() => wholeNumber("daily_post_limit", "1.5")), ["daily_post_limit"]);
  assert.deepEqual(fieldOf(() => wholeNumber("daily_post_limit", "")), ["daily_post_limit"]);
});

test("JSON objects of the free-form fields", () => {
  assert.deepEqual(jsonObject("platform_settings", ""), {});
  assert.deepEqual(jsonObject("platform_settings", '{"max": 5}'), { max: 5 });
  assert.deepEqual(fieldOf(() => jsonObject("platform_settings", "[1]")), ["platform_settings"]);
  assert.deepEqual(fieldOf(() => jsonObject("posting_schedule", "{oops")), ["posting_schedule"]);
});

test("secrets as typed", () => {
  assert.equal(credentialsFrom({ login: " ", password: "", notes: "" }), undefined);
  assert.deepEqual(credentialsFrom({ login: "m@example.com ", password: " pw ", notes: "" }), { login: "m@example.com", password: " pw " });
  assert.equal(tokensFrom("  "), undefined);
  assert.equal(tokensFrom("abc.def"), "abc.def");
  assert.deepEqual(tokensFrom('{"access_token": "t"}'), { access_token: "t" });
  assert.equal(tokensFrom("{not json"), "{not json");
  assert.deepEqual(secretRows({ password: "pw", extra: 3 }), [
    { label: "Password", value: "pw" },
    { label: "extra", value: "3" },
  ]);
  assert.equal(secretRows("plain"), "plain");
});

test("a server error on credentials goes beside the password field", () => {
  const e = new ApiError(422, "bad", { type: "about:blank", title: "x", status: 422, detail: "bad", errors: [{ field: "credentials", message: "too big" }] });
  const moved = moveFieldError(e, "credentials", "credentials.password");
  assert.equal(moved.fieldErrors.get("credentials.password"), "too big");
  assert.equal(moved.fieldErrors.has("credentials"), false);
  const taken = accountError(new ApiError(409, "the username maria is already used on twitter"));
  assert.equal(taken.fieldErrors.get("username"), "the username maria is already used on twitter");
  const other = new Error("x");
  assert.equal(moveFieldError(other, "credentials", "p"), other);
});

test("the persona's wall clock in a datetime-local picker", () => {
  assert.equal(localInputValue("2030-01-02T01:30:00Z", "Asia/Manila"), "2030-01-02T09:30");
  assert.equal(localInputValue(null, "Asia/Manila"), "");
  assert.equal(rfc3339(instantOfLocalInput("2030-01-02T09:30", "Asia/Manila")), "2030-01-02T01:30:00Z");
  assert.equal(rfc3339(instantOfLocalInput("2026-07-01T12:00", "America/New_York")), "2026-07-01T16:00:00Z");
  assert.equal(instantOfLocalInput("", "Asia/Manila"), null);
  assert.equal(instantOfLocalInput("tomorrow", "Asia/Manila"), null);
  assert.equal(secondsLeft(new Date(30_000), new Date(0)), 30);
  assert.equal(secondsLeft(new Date(30_000), new Date(29_500)), 1);
  assert.equal(secondsLeft(new Date(30_000), new Date(31_000)), 0);
});

test("the PATCH carries only what changed, and new secrets", () => {
  const before = editValues(account, "Asia/Manila");
  assert.equal(before.cooldown_until, "2030-01-02T09:30");
  assert.deepEqual(patchOf(before, before, "Asia/Manila"), {});
  const after = { ...before, daily_post_limit: "4", cooldown_until: "", display_name: " Maria ", auth_tokens: "tok" };
  assert.deepEqual(patchOf(after, before, "Asia/Manila"), {
    daily_post_limit: 4,
    cooldown_until: null,
    display_name: "Maria",
    auth_tokens: "tok",
  });
  const moved = { ...before, cooldown_until: "2030-01-03T08:00" };
  assert.deepEqual(patchOf(moved, before, "Asia/Manila"), { cooldown_until: "2030-01-03T00:00:00Z" });
  const loginOnly = { ...before, "credentials.login": "new@example.com" };
  assert.deepEqual(fieldOf(() => patchOf(loginOnly, before, "Asia/Manila")), ["credentials.password"]);
  const both = { ...loginOnly, "credentials.password": "pw2" };
  assert.deepEqual(patchOf(both, before, "Asia/Manila"), { credentials: { login: "new@example.com", password: "pw2" } });
});
