// What the post screens (the post, the due queue) share that is not markup: names of
// accounts and posts, and form values turned into the API's bodies.
import { fieldError, type Schemas } from "../../api/client";
import { countOf, metricNames, postSnapshot, type EngagementWindow, type MetricName, type Metrics } from "../../lib/engagement";
import { platformLabel } from "../../lib/platforms";

type Post = Schemas["Post"];
type Account = Schemas["Account"];

// "@lea_kape on X (Twitter)".
export function accountName(account: Account | undefined): string {
  return account ? `@${account.username} on ${platformLabel(account.platform_type)}` : "an account";
}

// The start of the post's text, for lists and accessible names.
export function excerpt(post: Post, length = 60): string {
  const text = post.final_content.replace(/\s+/g, " ").trim();
  if (!text) return "(no text)";
  return text.length > length ? text.slice(0, length - 1).trimEnd() + "…" : text;
}

export const metricLabels: Record<MetricName, string> = {
  likes: "Likes",
  comments: "Comments",
  shares: "Shares",
  views: "Views",
  saves: "Saves",
  clicks: "Clicks",
  followers_gained: "Followers gained",
  reach: "Reach",
};

export type CountValues = Record<MetricName, string>;

// The form's values: the snapshot recorded for the window, else empty.
export function countValues(post: Post, window: EngagementWindow): CountValues {
  const metrics = postSnapshot(post, window)?.metrics ?? {};
  const values = {} as CountValues;
  for (const name of metricNames) values[name] = metrics[name] === undefined ? "" : String(metrics[name]);
  return values;
}

// The PUT body: the counts given (empty fields left out); a count that is not a whole
// number ≥ 0 is refused beside its field.
export function metricsOf(values: CountValues): Metrics {
  const metrics: Metrics = {};
  for (const name of metricNames) {
    const n = countOf(values[name]);
    if (n === undefined) continue;
    if (Number.isNaN(n)) throw fieldError(name, "A whole number, 0 or more.");
    metrics[name] = n;
  }
  if (Object.keys(metrics).length === 0) throw fieldError("views", "Give at least one count (views make the rate).");
  return metrics;
}
