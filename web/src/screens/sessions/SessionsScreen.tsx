// Sessions: for each persona, its live work session (a running timer, the counters, the
// idle state) or a button to start one; below, the sessions that ended, with their
// durations. Times are in the persona's zone, named.
import { useEffect, useState } from "preact/hooks";
import { api, type Schemas } from "../../api/client";
import { listAllProxies } from "../../api/proxies";
import { useResource } from "../../api/resource";
import { Link, ListState, Screen } from "../../components";
import type { ScreenProps } from "../../routes";
import { PersonaSessionCard } from "./PersonaSessionCard";
import { RecentSessions } from "./RecentSessions";
import "./sessions.css";
import { sortedByName } from "../../api/personas";

type Session = Schemas["Session"];

// The server's sweep marks sessions idle (and ends them) every 30 s; so does this screen
// look again.
const kRefreshMs = 30_000;

export function SessionsScreen(_props: ScreenProps) {
  // At most 100 personas per user (the enterprise tier): one page holds them all, and
  // one live session each.
  const personas = useResource((signal) => api.get("/api/v1/personas", { query: { limit: 200 }, signal }), []);
  const live = useResource((signal) => api.get("/api/v1/sessions", { query: { status: "live", limit: 200 }, signal }), []);
  // To name the proxy a session runs on (sessions carry the proxy record's id).
  const proxies = useResource((signal) => listAllProxies(signal), []);
  // Bumped when a session ends, so the list of ended ones starts over.
  const [endedCount, setEndedCount] = useState(0);

  // The live sessions again, and the proxies they may name.
  const reloadLive = () => {
    live.reload();
    proxies.reload();
  };
  useEffect(() => {
    const id = window.setInterval(() => {
      live.reload();
      proxies.reload();
    }, kRefreshMs);
    return () => window.clearInterval(id);
  }, [live.reload, proxies.reload]);

  const list = sortedByName(personas.data?.items);
  const liveOf = (personaId: string): Session | undefined => live.data?.items.find((s) => s.persona_id === personaId);

  return (
    <Screen title="Sessions">
      <p class="sessions-intro">
        A session records the time you spend working as a persona. Without an action it turns idle (after 10 minutes,
        unless the server is set otherwise) and later ends by itself (2 hours after the last action by default).
      </p>
      <ListState
        loading={personas.loading || live.loading}
        error={personas.error ?? live.error}
        onRetry={() => {
          personas.reload();
          live.reload();
        }}
        empty={list.length === 0 || !live.data}
        emptyText={
          <p>
            No personas yet. <Link href="/personas/new">Create one</Link> to start a session.
          </p>
        }
      >
        <div class="sessions-cards">
          {list.map((persona) => (
            <PersonaSessionCard
              key={persona.id}
              persona={persona}
              session={liveOf(persona.id)}
              proxyName={(id) => proxies.data?.find((p) => p.id === id)?.proxy_id ?? "assigned"}
              onChanged={reloadLive}
              onEnded={() => {
                reloadLive();
                setEndedCount((n) => n + 1);
              }}
            />
          ))}
        </div>
      </ListState>

      <h2 id="sessions-recent-title">Ended sessions</h2>
      <div class="sessions-recent">
        <RecentSessions personas={personas.data?.items ?? []} resetKey={endedCount} />
      </div>
    </Screen>
  );
}
