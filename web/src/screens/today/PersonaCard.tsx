// One persona on Today: its local time, proxy, live session, accounts against their
// daily limits, the next post, what is due, and its risk with the reasons. Every time
// is read in the persona's own zone; everything links to the screen that deals with it.
import type { Schemas } from "../../api/client";
import type { DashboardAccount, DashboardPersona, DashboardProxy, DashboardSession } from "../../api/dashboard";
import { ClockInZone, Link, TimeInZone, useNow } from "../../components";
import { formatDuration, parseInstant } from "../../lib/time";
import { describeFactor, formatScore, riskBand } from "./risk-words";

export type DueItem = Schemas["DueList"]["items"][number];

export function PersonaCard(props: { persona: DashboardPersona; due: DueItem[] }) {
  const p = props.persona;
  const headingId = `today-persona-${p.id}`;
  const accountName = (id: string) => {
    const a = p.accounts.find((x) => x.id === id);
    return a ? `${a.platform_type} @${a.username}` : "an account";
  };
  const checkpoints = props.due.filter((d) => d.kind === "engagement");
  const postsDue = props.due.filter((d) => d.kind === "publish").length;
  return (
    <article class="today-card" aria-labelledby={headingId}>
      <header class="today-card-head">
        <h2 id={headingId}>
          <Link href={`/personas/${p.id}`}>{p.name}</Link>
        </h2>
        <span class={`today-badge today-status-${p.status}`}>{p.status}</span>
      </header>
      <dl class="today-rows">
        <div>
          <dt>Local time</dt>
          <dd class="today-clock">
            <ClockInZone zone={p.timezone} />
          </dd>
        </div>
        <div>
          <dt>Proxy</dt>
          <dd>
            <ProxyLine proxy={p.proxy} />
          </dd>
        </div>
        <div>
          <dt>Session</dt>
          <dd>
            <SessionLine session={p.live_session} personaName={p.name} />
          </dd>
        </div>
        <div>
          <dt>Next post</dt>
          <dd>
            {p.next_due_post ? (
              <>
                <TimeInZone at={p.next_due_post.scheduled_for} zone={p.timezone} />
                {p.next_due_post.overdue ? <span class="today-badge today-bad">overdue</span> : null}{" "}
                <span class="today-muted">
                  on{" "}
                  <Link href={`/accounts/${p.next_due_post.platform_account_id}`}>
                    {accountName(p.next_due_post.platform_account_id)}
                  </Link>
                </span>
                {postsDue > 1 ? <span class="today-muted"> · {postsDue} posts due now</span> : null}
              </>
            ) : (
              <span class="today-muted">Nothing scheduled</span>
            )}
          </dd>
        </div>
        <div>
          <dt>Last active</dt>
          <dd>
            <TimeInZone at={p.last_active} zone={p.timezone} fallback="never" />{" "}
            <Link href={`/activity?persona_id=${encodeURIComponent(p.id)}`} aria-label={`Activity of ${p.name}`}>
              Activity
            </Link>
          </dd>
        </div>
      </dl>

      <section class="today-part" aria-label={`Accounts of ${p.name}`}>
        <h3>
          Accounts{" "}
          <Link class="today-more" href={`/personas/${p.id}/accounts`} aria-label={`All accounts of ${p.name}`}>
            All accounts
          </Link>
        </h3>
        {p.accounts.length === 0 ? (
          <p class="today-muted">
            No accounts yet. <Link href={`/personas/${p.id}/accounts`}>Add one</Link>
          </p>
        ) : (
          <ul class="today-accounts">
            {p.accounts.map((a) => (
              <AccountLine key={a.id} account={a} zone={p.timezone} />
            ))}
          </ul>
        )}
      </section>

      {checkpoints.length > 0 ? (
        <section class="today-part" aria-label={`Engagement checkpoints of ${p.name}`}>
          <h3>Engagement checkpoints due</h3>
          <ul class="today-due">
            {checkpoints.map((d) => (
              <CheckpointLine key={`${d.post.id}-${d.window ?? ""}`} item={d} zone={p.timezone} account={accountName(d.post.platform_account_id)} />
            ))}
          </ul>
        </section>
      ) : null}

      <RiskPart persona={p} />
    </article>
  );
}

const healthWords: Record<DashboardProxy["health_status"], string> = {
  healthy: "healthy",
  degraded: "degraded",
  failed: "failed",
  unknown: "not checked yet",
};

function ProxyLine(props: { proxy: DashboardProxy | null }) {
  const x = props.proxy;
  if (!x) {
    return (
      <span class="today-muted">
        None assigned · <Link href="/proxies">assign one</Link>
      </span>
    );
  }
  const tone = x.health_status === "healthy" ? "today-ok" : x.health_status === "unknown" ? "today-neutral" : "today-bad";
  return (
    <>
      <Link href="/proxies">{x.proxy_id}</Link> <span class="today-muted">{x.city}</span>{" "}
      <span class={`today-badge ${tone}`}>{healthWords[x.health_status]}</span>
      {x.response_time_ms !== null ? <span class="today-muted"> {x.response_time_ms} ms</span> : null}
    </>
  );
}

function SessionLine(props: { session: DashboardSession | null; personaName: string }) {
  const s = props.session;
  if (!s) return <span class="today-muted">None live</span>;
  return (
    <>
      <Link href="/sessions" aria-label={`Live session of ${props.personaName}: ${s.session_status}`}>
        {s.session_status}
      </Link>{" "}
      for <SessionTimer startedAt={s.started_at} />
      <span class="today-muted today-sub">
        {s.actions_performed} {s.actions_performed === 1 ? "action" : "actions"} · {s.content_posted}{" "}
        {s.content_posted === 1 ? "post" : "posts"}
      </span>
    </>
  );
}

// Ticks every second on its own, so the rest of the card does not re-render.
function SessionTimer(props: { startedAt: string }) {
  const now = useNow(1000);
  const started = parseInstant(props.startedAt);
  if (!started) return null;
  return (
    <span class="today-timer" role="timer" aria-label="Session running for">
      {formatDuration((now.getTime() - started.getTime()) / 1000)}
    </span>
  );
}

function AccountLine(props: { account: DashboardAccount; zone: string }) {
  const a = props.account;
  const used = Math.min(1, a.daily_post_limit > 0 ? a.posts_today / a.daily_post_limit : 1);
  const full = a.posts_today >= a.daily_post_limit;
  const troubled = a.account_status === "suspended" || a.account_status === "banned";
  return (
    <li>
      <div class="today-account-head">
        <Link href={`/accounts/${a.id}`}>
          {a.platform_type} @{a.username}
        </Link>
        {troubled ? <span class="today-badge today-bad">{a.account_status}</span> : null}
        {!a.is_active ? <span class="today-badge today-neutral">paused</span> : null}
        <span class="today-count">
          {a.posts_today} / {a.daily_post_limit}
          <span class="today-muted"> today</span>
        </span>
      </div>
      <span class={`today-bar${full ? " today-bar-full" : ""}`} aria-hidden="true">
        <span style={{ width: `${Math.round(used * 100)}%` }} />
      </span>
      {a.cooldown_until ? (
        <p class="today-cooldown">
          Cooling down until <TimeInZone at={a.cooldown_until} zone={props.zone} />
        </p>
      ) : null}
    </li>
  );
}

const windowWords: Record<NonNullable<DueItem["window"]>, string> = {
  immediate: "1-hour",
  daily: "1-day",
  weekly: "1-week",
};

function CheckpointLine(props: { item: DueItem; zone: string; account: string }) {
  const d = props.item;
  const state = d.missed ? "missed" : d.late ? "late" : "due";
  return (
    <li>
      <span class={`today-badge ${state === "due" ? "today-neutral" : "today-bad"}`}>{state}</span>{" "}
      {d.window ? windowWords[d.window] : ""} figures of the post on{" "}
      <Link href={`/accounts/${d.post.platform_account_id}`}>{props.account}</Link>
      <span class="today-muted">
        {" "}
        · due <TimeInZone at={d.due_at} zone={props.zone} />
      </span>
    </li>
  );
}

function RiskPart(props: { persona: DashboardPersona }) {
  const p = props.persona;
  const { score, factors } = p.risk;
  return (
    <section class="today-part" aria-label={`Risk of ${p.name}`}>
      <h3 class="today-risk-head">
        Risk <span class="today-score">{formatScore(score)}</span>
        <span class={`today-bar today-risk-${riskBand(score)}`} aria-hidden="true">
          <span style={{ width: `${Math.round(Math.min(1, score) * 100)}%` }} />
        </span>
      </h3>
      {factors.length === 0 ? (
        <p class="today-muted">Nothing adds to its risk.</p>
      ) : (
        <ul class="today-factors">
          {factors.map((f) => {
            const words = describeFactor(f, p.id);
            return (
              <li key={f.factor}>
                <span class="today-plus">+{formatScore(f.contribution)}</span> {words.text}{" "}
                <Link href={words.href} aria-label={`${words.linkText}: ${words.text}`}>
                  {words.linkText}
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
