// The counts across every persona, each leading to the screen that deals with it.
import type { ComponentChildren } from "preact";
import type { DashboardTotals } from "../../api/dashboard";
import { Link } from "../../components";
import type { DueItem } from "./PersonaCard";

function sum(counts: Record<string, number>, keys?: string[]): number {
  return Object.entries(counts).reduce((n, [k, v]) => (keys === undefined || keys.includes(k) ? n + v : n), 0);
}

function Tile(props: { href?: string; value: ComponentChildren; label: string; note?: ComponentChildren; attention?: boolean }) {
  const body = (
    <>
      {/* The spaces keep the words apart in the link's accessible name. */}
      <span class="today-tile-value">{props.value}</span> <span class="today-tile-label">{props.label}</span>{" "}
      {props.note ? <span class="today-tile-note">{props.note}</span> : null}
    </>
  );
  const cls = `today-tile${props.attention ? " today-tile-attention" : ""}`;
  return <li class={cls}>{props.href ? <Link href={props.href}>{body}</Link> : <div>{body}</div>}</li>;
}

export function Totals(props: { totals: DashboardTotals; due: DueItem[] }) {
  const t = props.totals;
  const checkpoints = props.due.filter((d) => d.kind === "engagement");
  const late = checkpoints.filter((d) => d.late || d.missed).length;
  const unhealthy = sum(t.proxies_by_health, ["failed", "degraded"]);
  const proxies = sum(t.proxies_by_health);
  const events = sum(t.unresolved_security_events);
  const critical = (t.unresolved_security_events.critical ?? 0) + (t.unresolved_security_events.error ?? 0);
  return (
    <section class="today-totals" aria-labelledby="today-totals-title">
      <h2 id="today-totals-title" class="today-sr">
        At a glance
      </h2>
      <ul>
        <Tile href="/personas" value={t.personas} label={t.personas === 1 ? "persona" : "personas"} note={`${t.active_personas} active`} />
        <Tile href="/personas" value={t.accounts} label={t.accounts === 1 ? "account" : "accounts"} />
        <Tile
          href="/activity"
          value={`${t.posts_today} / ${t.daily_post_capacity}`}
          label="posts today"
          note="of the daily limits"
        />
        <Tile value={t.posts_due} label="posts due now" note={`${t.posts_scheduled} scheduled later`} attention={t.posts_due > 0} />
        <Tile
          value={checkpoints.length}
          label={checkpoints.length === 1 ? "checkpoint due" : "checkpoints due"}
          note={`${late} late`}
          attention={late > 0}
        />
        <Tile href="/sessions" value={t.live_sessions} label={t.live_sessions === 1 ? "live session" : "live sessions"} />
        <Tile
          href="/proxies"
          value={unhealthy}
          label={unhealthy === 1 ? "proxy unhealthy" : "proxies unhealthy"}
          note={`of ${proxies} · ${t.proxies_unassigned} unassigned`}
          attention={unhealthy > 0}
        />
        <Tile
          href="/security"
          value={events}
          label={events === 1 ? "security event" : "security events"}
          note="unresolved"
          attention={critical > 0}
        />
      </ul>
    </section>
  );
}
