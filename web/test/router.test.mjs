import "./fake-window.mjs";
import assert from "node:assert/strict";
import { test } from "node:test";
import { matchPath, safeNext } from "../src/lib/router.ts";
import { buildUrl } from "../src/api/client.ts";

test("route patterns", () => {
  assert.deepEqual(matchPath("/", "/"), {});
  assert.deepEqual(matchPath("/personas", "/personas"), {});
  assert.deepEqual(matchPath("/personas", "/personas/"), {});
  assert.deepEqual(matchPath("/personas/:id", "/personas/42"), { id: "42" });
  assert.deepEqual(matchPath("/personas/:id", "/personas/a%20b"), { id: "a b" });
  assert.equal(matchPath("/personas/:id", "/personas"), null);
  assert.equal(matchPath("/personas/:id", "/personas/42/accounts"), null);
  assert.equal(matchPath("/personas/:id", "/personas/%E0%A4%A"), null, "malformed escapes match nothing");
  assert.equal(matchPath("/", "/personas"), null);
});

test("a login's next is a path of this site or nothing", () => {
  assert.equal(safeNext("/personas/42?tab=accounts"), "/personas/42?tab=accounts");
  assert.equal(safeNext(null), "/");
  assert.equal(safeNext(""), "/");
  assert.equal(safeNext("https://evil.example/"), "/");
  assert.equal(safeNext("//evil.example/"), "/");
  assert.equal(safeNext("/\\evil.example/"), "/");
  assert.equal(safeNext("/login?next=%2F"), "/");
});

test("API URLs from OpenAPI patterns", () => {
  assert.equal(buildUrl("/api/v1/personas/{id}", { id: "a/b" }), "/api/v1/personas/a%2Fb");
  assert.equal(buildUrl("/api/v1/activity", {}, { limit: 50, cursor: "x y", persona_id: undefined, type: "" }),
    "/api/v1/activity?limit=50&cursor=x+y");
  assert.throws(() => buildUrl("/api/v1/personas/{id}", {}), /missing path parameter id/);
});
