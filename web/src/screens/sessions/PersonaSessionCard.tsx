// One persona's card: its live session with a running timer, or a Start button. The
// server allows one live session per persona; its 409 is shown as it says it.
import { useState } from "preact/hooks";
import { api, describeError, type Schemas } from "../../api/client";
import { ClockInZone, Link, TimeInZone, useNow } from "../../components";
import { elapsedSeconds, formatDuration } from "../../lib/time";

type Session = Schemas["Session"];
type Persona = Schemas["Persona"];

export interface PersonaSessionCardProps {
  persona: Persona;
  session: Session | undefined;
  // The provider's name of a /proxies record, by its id.
  proxyName: (id: string) => string;
  // A session started (or found live): the live list is loaded again.
  onChanged: () => void;
  onEnded: () => void;
}

export function PersonaSessionCard({ persona, session, proxyName, onChanged, onEnded }: PersonaSessionCardProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const titleId = `session-card-${persona.id}`;

  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.post("/api/v1/personas/{id}/sessions", { path: { id: persona.id }, body: {} });
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
      // Also after a 409: the live session it names then shows here.
      onChanged();
    }
  };

  const end = async (id: string) => {
    setBusy(true);
    setError(null);
    try {
      await api.post("/api/v1/sessions/{id}/end", { path: { id } });
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
      onEnded();
    }
  };

  return (
    <article class={"sessions-card" + (session ? " sessions-card-live" : "")} aria-labelledby={titleId}>
      <header class="sessions-card-head">
        <h3 id={titleId}>
          <Link href={`/personas/${persona.id}`}>{persona.name}</Link>
        </h3>
        <span class="sessions-local">
          local time <ClockInZone zone={persona.timezone} style="time" />
        </span>
      </header>

      {session ? <LiveSession session={session} zone={persona.timezone} proxyName={proxyName} /> : <p class="sessions-none">No live session.</p>}

      {error ? (
        <p class="sessions-error" role="alert">
          {error}
        </p>
      ) : null}

      <div class="sessions-card-actions">
        {session?.id ? (
          <button type="button" aria-label={`End session of ${persona.name}`} disabled={busy} onClick={() => end(session.id!)}>
            {busy ? "Ending…" : "End session"}
          </button>
        ) : (
          <button type="button" class="primary" aria-label={`Start session as ${persona.name}`} disabled={busy} onClick={start}>
            {busy ? "Starting…" : "Start session"}
          </button>
        )}
        {!session && !persona.proxy_id ? <span class="sessions-hint">No proxy assigned.</span> : null}
      </div>
    </article>
  );
}

const statusText: Record<string, string> = {
  starting: "Starting: active from the first action you record",
  active: "Active",
  // The idle period is the server's setting (PERSONA_SESSION_IDLE_MINUTES, 10 by default).
  idle: "Idle: no action recorded lately; the next one makes it active again",
};

function LiveSession(props: { session: Session; zone: string; proxyName: (id: string) => string }) {
  const { session, zone } = props;
  const status = session.session_status;
  return (
    <div class="sessions-live">
      <p class="sessions-running">
        <span class={`session-status session-status-${status}`}>{status}</span>
        <span class="sessions-timer-label">Running for</span>
        <Timer since={session.started_at} />
      </p>
      <p class="sessions-status-text">{statusText[status] ?? status}</p>
      <dl class="sessions-facts sessions-facts-times">
        <div>
          <dt>Started</dt>
          <dd>
            <TimeInZone at={session.started_at} zone={zone} />
          </dd>
        </div>
        <div>
          <dt>Last action</dt>
          <dd>
            <TimeInZone at={session.last_activity_at} zone={zone} />
          </dd>
        </div>
        <div>
          <dt>Proxy</dt>
          <dd>{session.proxy_id ? props.proxyName(session.proxy_id) : "none"}</dd>
        </div>
        {session.active_platforms && session.active_platforms.length > 0 ? (
          <div>
            <dt>Platforms</dt>
            <dd>{session.active_platforms.join(", ")}</dd>
          </div>
        ) : null}
      </dl>
      <dl class="sessions-facts sessions-facts-counts">
        <div>
          <dt>Actions</dt>
          <dd>{session.actions_performed}</dd>
        </div>
        <div>
          <dt>Posts</dt>
          <dd>{session.content_posted}</dd>
        </div>
        <div>
          <dt>Errors</dt>
          <dd>{session.errors_encountered}</dd>
        </div>
      </dl>
      {session.suspicious_activity_detected ? <p class="sessions-error">Suspicious activity was noted in this session.</p> : null}
    </div>
  );
}

// The running time since `since`, ticking every second.
function Timer({ since }: { since: string | undefined }) {
  const now = useNow(1000);
  return (
    <span class="sessions-timer" role="timer">
      {formatDuration(elapsedSeconds(since, now))}
    </span>
  );
}
