import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import {
  contrastRatio,
  countOf,
  groupBy,
  postSnapshot,
  ratePoints,
  snapshotOf,
  weightedRate,
} from "../src/lib/engagement.ts";

test("the weighted rate of docs/engagement.md", () => {
  // 100 × (10 + 2·3 + 3·2 + 2·1) / 400 = 100 × 24 / 400 = 6
  assert.equal(weightedRate({ likes: 10, comments: 3, shares: 2, saves: 1, views: 400 }), 6);
  // clicks, reach and followers do not count
  assert.equal(weightedRate({ likes: 1, clicks: 50, reach: 900, followers_gained: 4, views: 3 }), 33.33);
  assert.equal(weightedRate({ likes: 2, views: 3 }), 66.67);
  assert.equal(weightedRate({ likes: 1, views: 0 }), null);
  assert.equal(weightedRate({ likes: 1 }), null);
  // capped like the server's template_effectiveness
  assert.equal(weightedRate({ likes: 50, views: 1 }), 999.99);
  assert.equal(weightedRate({ views: 10 }), 0);
});

test("a stored snapshot is read defensively", () => {
  assert.equal(snapshotOf({}), null);
  assert.equal(snapshotOf(null), null);
  assert.deepEqual(
    snapshotOf({ metrics: { likes: 3, views: "9", bogus: 1 }, due_at: "2026-12-02T10:00:00Z", captured_at: "2026-12-02T10:05:00Z", early: false, late: true }),
    { metrics: { likes: 3 }, due_at: "2026-12-02T10:00:00Z", captured_at: "2026-12-02T10:05:00Z", early: false, late: true },
  );
  const post = { daily_engagement: { metrics: { views: 5 } } };
  assert.equal(postSnapshot(post, "immediate"), null);
  assert.deepEqual(postSnapshot(post, "daily")?.metrics, { views: 5 });
});

test("counts typed into the form", () => {
  assert.equal(countOf(""), undefined);
  assert.equal(countOf(" 12 "), 12);
  assert.ok(Number.isNaN(countOf("-1")));
  assert.ok(Number.isNaN(countOf("1.5")));
});

test("rate points, oldest first, posts without rates left out", () => {
  const points = ratePoints([
    { id: "b", published_manually_at: "2026-12-02T12:00:00Z", immediate_engagement: { metrics: { likes: 5, views: 100 } }, daily_engagement: {} },
    { id: "a", published_manually_at: "2026-12-01T12:00:00Z", weekly_engagement: { metrics: { comments: 1, views: 50 } } },
    { id: "c", published_manually_at: "2026-12-03T12:00:00Z" },
    { id: "d", published_manually_at: null, immediate_engagement: { metrics: { likes: 1, views: 1 } } },
  ]);
  assert.deepEqual(
    points.map((p) => [p.postId, p.x, p.rates]),
    [
      ["a", Date.parse("2026-12-01T12:00:00Z") / 1000, { immediate: null, daily: null, weekly: 4 }],
      ["b", Date.parse("2026-12-02T12:00:00Z") / 1000, { immediate: 5, daily: null, weekly: null }],
    ],
  );
});

test("grouping leaves out posts without the key", () => {
  const groups = groupBy([{ t: "x" }, { t: null }, { t: "y" }, { t: "x" }], (i) => i.t);
  assert.deepEqual([...groups.keys()], ["x", "y"]);
  assert.equal(groups.get("x")?.length, 2);
});

test("WCAG contrast ratio", () => {
  assert.equal(Math.round(contrastRatio("#000", "#fff") * 100) / 100, 21);
  assert.equal(contrastRatio("#777777", "#777777"), 1);
  assert.equal(contrastRatio("red", "#fff"), null);
});

// The chart's line colours (engagement.css) against the chart's background (styles.css
// --surface), light and dark: at least 3:1 each, as WCAG asks of graphical objects.
test("chart colours pass 3:1 against the chart background, light and dark", () => {
  const web = process.env.PERSONA_WEB_DIR_FOR_TESTS; // set by unit.mjs
  const styles = fs.readFileSync(path.join(web, "src", "styles.css"), "utf8");
  const chart = fs.readFileSync(path.join(web, "src", "screens", "engagement", "engagement.css"), "utf8");
  const darkAt = (css) => css.indexOf("prefers-color-scheme: dark");
  const varsIn = (css, name) => [...css.matchAll(new RegExp(`--${name}:\\s*(#[0-9a-fA-F]{3,6})`, "g"))].map((m) => [m.index, m[1]]);
  const pick = (css, name, dark) => {
    const found = varsIn(css, name).find(([at]) => (dark ? at > darkAt(css) : at < darkAt(css)));
    assert.ok(found, `--${name} (${dark ? "dark" : "light"})`);
    return found[1];
  };
  for (const dark of [false, true]) {
    const bg = pick(styles, "surface", dark);
    for (const series of ["chart-immediate", "chart-daily", "chart-weekly", "chart-axis"]) {
      const colour = pick(chart, series, dark);
      const ratio = contrastRatio(colour, bg);
      assert.ok(ratio >= 3, `${series} ${colour} on ${bg}: ${ratio?.toFixed(2)}:1`);
    }
  }
});

test("checkpoint states follow the table of docs/engagement.md", async () => {
  const { checkpointState, checkpointDueAt } = await import("../src/lib/engagement.ts");
  const published = "2026-12-02T10:00:00Z";
  const at = (iso) => new Date(iso);
  assert.equal(checkpointDueAt(published, "immediate")?.toISOString(), "2026-12-02T11:00:00.000Z");
  assert.equal(checkpointDueAt(published, "weekly")?.toISOString(), "2026-12-09T10:00:00.000Z");
  assert.equal(checkpointState(null, "immediate", null, at("2026-12-02T10:30:00Z")), "unpublished");
  assert.equal(checkpointState(published, "immediate", null, at("2026-12-02T10:59:00Z")), "upcoming");
  assert.equal(checkpointState(published, "immediate", null, at("2026-12-02T11:30:00Z")), "due");
  assert.equal(checkpointState(published, "immediate", null, at("2026-12-02T11:31:00Z")), "late");
  assert.equal(checkpointState(published, "immediate", null, at("2026-12-02T12:01:00Z")), "missed");
  assert.equal(checkpointState(published, "daily", null, at("2026-12-03T22:00:01Z")), "late");
  const snap = { metrics: {}, due_at: null, captured_at: null, early: true, late: false };
  assert.equal(checkpointState(published, "daily", snap, at("2026-12-20T00:00:00Z")), "captured");
});
