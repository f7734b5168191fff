// Engagement numbers as docs/engagement.md defines them: the weighted engagement rate
// of a snapshot, the snapshots stored on a post (its *_engagement objects), when a
// checkpoint is due, late or missed, and the series the engagement charts draw.
// Pure: no DOM, no fetch.
import { parseInstant, secondsAfter } from "./time";

export type EngagementWindow = "immediate" | "daily" | "weekly";
export const engagementWindows: EngagementWindow[] = ["immediate", "daily", "weekly"];

export const metricNames = ["likes", "comments", "shares", "views", "saves", "clicks", "followers_gained", "reach"] as const;
export type MetricName = (typeof metricNames)[number];
export type Metrics = Partial<Record<MetricName, number>>;

// The checkpoints' table of docs/engagement.md: due this long after publication, late
// when captured after due + grace, missed when not captured by due + missedAfter.
const checkpoints: Record<EngagementWindow, { due: number; grace: number; missedAfter: number }> = {
  immediate: { due: 3600, grace: 1800, missedAfter: 3600 },
  daily: { due: 86400, grace: 43200, missedAfter: 86400 },
  weekly: { due: 7 * 86400, grace: 3 * 86400, missedAfter: 7 * 86400 },
};

export const windowLabels: Record<EngagementWindow, { name: string; after: string }> = {
  immediate: { name: "Immediate", after: "1 hour" },
  daily: { name: "Daily", after: "24 hours" },
  weekly: { name: "Weekly", after: "7 days" },
};

// When a window's checkpoint falls due for a post published at `publishedAt`.
export function checkpointDueAt(publishedAt: string | null | undefined, window: EngagementWindow): Date | null {
  const at = parseInstant(publishedAt);
  return at ? secondsAfter(at, checkpoints[window].due) : null;
}

export type CheckpointState = "unpublished" | "captured" | "upcoming" | "due" | "late" | "missed";

// Where a checkpoint stands at `now`: captured (whenever), or not yet due, due, late
// (past due + grace) or missed (past due + the window again).
export function checkpointState(
  publishedAt: string | null | undefined,
  window: EngagementWindow,
  snapshot: Snapshot | null,
  now: Date,
): CheckpointState {
  if (snapshot) return "captured";
  const due = checkpointDueAt(publishedAt, window);
  if (!due) return "unpublished";
  const t = now.getTime();
  if (t < due.getTime()) return "upcoming";
  if (t > secondsAfter(due, checkpoints[window].missedAfter).getTime()) return "missed";
  if (t > secondsAfter(due, checkpoints[window].grace).getTime()) return "late";
  return "due";
}

// One recorded checkpoint: {metrics, due_at, captured_at, early, late}.
export interface Snapshot {
  metrics: Metrics;
  due_at: string | null;
  captured_at: string | null;
  early: boolean;
  late: boolean;
}

// 100 × (likes + 2·comments + 3·shares + 2·saves) / views, in percent, rounded to 2
// decimals and capped at 999.99 like the server's template_effectiveness; null without
// views (a rate of nothing seen means nothing).
export function weightedRate(m: Metrics): number | null {
  const views = m.views ?? 0;
  if (!(views > 0)) return null;
  const weighted = (m.likes ?? 0) + 2 * (m.comments ?? 0) + 3 * (m.shares ?? 0) + 2 * (m.saves ?? 0);
  const rate = Math.round((10000 * weighted) / views) / 100;
  return Math.min(rate, 999.99);
}

// "3.25 %" or "—" (no views).
export function formatRate(rate: number | null): string {
  return rate === null ? "—" : `${rate.toFixed(2)} %`;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

// The snapshot stored in a post's engagement column ({} before one is recorded).
export function snapshotOf(stored: unknown): Snapshot | null {
  if (!isRecord(stored) || !isRecord(stored.metrics)) return null;
  const metrics: Metrics = {};
  for (const name of metricNames) {
    const v = stored.metrics[name];
    if (typeof v === "number" && Number.isFinite(v)) metrics[name] = v;
  }
  const text = (v: unknown) => (typeof v === "string" ? v : null);
  return {
    metrics,
    due_at: text(stored.due_at),
    captured_at: text(stored.captured_at),
    early: stored.early === true,
    late: stored.late === true,
  };
}

// The stored snapshot of one window of a post.
export function postSnapshot(
  post: { immediate_engagement?: unknown; daily_engagement?: unknown; weekly_engagement?: unknown },
  window: EngagementWindow,
): Snapshot | null {
  const stored = window === "immediate" ? post.immediate_engagement : window === "daily" ? post.daily_engagement : post.weekly_engagement;
  return snapshotOf(stored);
}

// The form's text of a count → the API's integer; undefined for an empty field, NaN for
// anything that is not a whole number ≥ 0.
export function countOf(text: string): number | undefined {
  const t = text.trim();
  if (t === "") return undefined;
  return /^\d+$/.test(t) ? Number(t) : Number.NaN;
}

// One post's point on a chart: x = its publication (seconds since the epoch), one rate
// per window (null where the window has no snapshot with views).
export interface RatePoint {
  postId: string;
  publishedAt: string;
  x: number;
  rates: Record<EngagementWindow, number | null>;
}

export interface PublishedPost {
  id: string;
  published_manually_at?: string | null;
  immediate_engagement?: unknown;
  daily_engagement?: unknown;
  weekly_engagement?: unknown;
}

// The points of some published posts, oldest first; posts without any rate are left out.
export function ratePoints(posts: PublishedPost[]): RatePoint[] {
  const points: RatePoint[] = [];
  for (const post of posts) {
    const at = post.published_manually_at;
    const ms = at ? Date.parse(at) : Number.NaN;
    if (!at || Number.isNaN(ms)) continue;
    const rates = {} as Record<EngagementWindow, number | null>;
    for (const w of engagementWindows) {
      const s = postSnapshot(post, w);
      rates[w] = s ? weightedRate(s.metrics) : null;
    }
    if (engagementWindows.every((w) => rates[w] === null)) continue;
    points.push({ postId: post.id, publishedAt: at, x: ms / 1000, rates });
  }
  return points.sort((a, b) => a.x - b.x || a.postId.localeCompare(b.postId));
}

// Posts grouped by a key (persona, template), each group in first-seen order; a null
// key (a post without a template) is left out.
export function groupBy<T>(items: T[], key: (item: T) => string | null | undefined): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (!k) continue;
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

// ---- contrast (WCAG 2): chart lines need 3:1 against the chart's background.

function channel(c: number): number {
  const s = c / 255;
  return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

// Relative luminance of "#rrggbb" (or "#rgb"); null for anything else.
export function luminance(hex: string): number | null {
  let h = hex.trim().replace(/^#/, "");
  if (/^[0-9a-f]{3}$/i.test(h)) h = h.replace(/./g, (c) => c + c);
  if (!/^[0-9a-f]{6}$/i.test(h)) return null;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16));
  return 0.2126 * channel(r ?? 0) + 0.7152 * channel(g ?? 0) + 0.0722 * channel(b ?? 0);
}

export function contrastRatio(a: string, b: string): number | null {
  const la = luminance(a);
  const lb = luminance(b);
  if (la === null || lb === null) return null;
  const [hi, lo] = la > lb ? [la, lb] : [lb, la];
  return (hi + 0.05) / (lo + 0.05);
}
