import "./fake-window.mjs";
import assert from "node:assert/strict";
import { test } from "node:test";
import { exportFilename, groupSecret, recoveryCodesText } from "../src/screens/settings/download.ts";
import { fieldError } from "../src/api/client.ts";
import { blameField } from "../src/screens/settings/reauth.ts";
import { ApiError } from "../src/api/client.ts";

// unit.mjs runs with TZ=UTC, so the browser's zone is UTC here.
test("the export's file name is dated in the browser's zone", () => {
  assert.equal(exportFilename(new Date("2026-12-02T23:30:00Z")), "persona-export-2026-12-02.json");
});

test("a TOTP secret reads in groups of four", () => {
  assert.equal(groupSecret("ABCDEFGHIJKLMNOPQR"), "ABCD EFGH IJKL MNOP QR");
  assert.equal(groupSecret(""), "");
});

test("the recovery codes file names its account and holds one code a line", () => {
  const text = recoveryCodesText("me@example.com", ["aaaa-bbbb", "cccc-dddd"], new Date("2026-12-02T10:00:00Z"));
  const lines = text.split("\n");
  assert.match(lines[0], /me@example\.com/);
  assert.match(lines[1], /2026-12-02/);
  assert.ok(lines.includes("aaaa-bbbb") && lines.includes("cccc-dddd"));
});

test("a failed re-authentication moves beside the field it came from", () => {
  const reauth = new ApiError(403, "wrong password", { type: "about:blank", title: "Forbidden", status: 403, detail: "wrong password", code: "reauth_failed" });
  assert.throws(() => blameField(reauth, "password", "This is not your password."), (e) => {
    assert.ok(e instanceof ApiError);
    assert.equal(e.status, 403);
    assert.equal(e.fieldErrors.get("password"), "This is not your password.");
    return true;
  });
  const other = new ApiError(422, "invalid", { type: "about:blank", title: "Unprocessable Content", status: 422, detail: "invalid" });
  assert.throws(() => blameField(other, "password", "x"), (e) => e === other);
  assert.equal(fieldError("code", "wrong").fieldErrors.get("code"), "wrong");
});
