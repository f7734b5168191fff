// Today (home): the totals, then one card per persona (PersonaCard). The data is read
// again every minute while the page is visible; clocks and timers tick locally.
import { useEffect } from "preact/hooks";
import { api, describeError } from "../../api/client";
import { loadDashboard } from "../../api/dashboard";
import { useResource } from "../../api/resource";
import { Link, ListState, Screen, TimeInZone } from "../../components";
import { PersonaCard, type DueItem } from "./PersonaCard";
import { Totals } from "./Totals";
import "./today.css";

const REFRESH_MS = 60_000;

export function TodayScreen() {
  const today = useResource(async (signal) => {
    const [dashboard, due] = await Promise.all([loadDashboard(signal), api.get("/api/v1/posts/due", { signal })]);
    return { dashboard, due: due.items };
  }, []);
  useRefreshWhileVisible(today.reload, REFRESH_MS);

  const data = today.data;
  const personas = data?.dashboard.personas ?? [];
  const duePerPersona = groupByPersona(data?.due ?? []);

  return (
    <Screen
      title="Today"
      actions={
        data ? (
          <p class="today-updated">
            Updated <TimeInZone at={data.dashboard.generated_at} style="time" />{" "}
            {/* Not disabled while loading: a focused button that turns disabled loses the focus. */}
            <button type="button" onClick={() => !today.loading && today.reload()}>
              Refresh
            </button>
          </p>
        ) : null
      }
    >
      <div class="today">
        {/* A failed refresh keeps the last answer on screen and says so. */}
        {data && today.error ? (
          <div class="list-state list-error" role="alert">
            <p>Could not refresh: {describeError(today.error)}</p>
            <button type="button" onClick={today.reload}>
              Retry
            </button>
          </div>
        ) : null}
        <ListState
          loading={today.loading}
          error={data ? null : today.error}
          empty={!data}
          emptyText=""
          onRetry={today.reload}
        >
          {personas.length === 0 ? (
            <FirstStep />
          ) : (
            <>
              {data ? <Totals totals={data.dashboard.totals} due={data.due} /> : null}
              <ul class="today-cards" aria-label="Personas">
                {personas.map((p) => (
                  <li key={p.id}>
                    <PersonaCard persona={p} due={duePerPersona.get(p.id) ?? []} />
                  </li>
                ))}
              </ul>
            </>
          )}
        </ListState>
      </div>
    </Screen>
  );
}

function FirstStep() {
  return (
    <div class="today-empty">
      <h2>Welcome to Persona</h2>
      <p>
        Today is your home screen: each persona at a glance, with its local time, its proxy, its posts against the daily
        limits, what is due and how risky things look.
      </p>
      <p>You have no personas yet. Start by creating the first one; its accounts and proxy come next.</p>
      <Link class="today-cta" href="/personas/new">
        Create your first persona
      </Link>
    </div>
  );
}

function groupByPersona(items: DueItem[]): Map<string, DueItem[]> {
  const map = new Map<string, DueItem[]>();
  for (const item of items) {
    const list = map.get(item.post.persona_id);
    if (list) list.push(item);
    else map.set(item.post.persona_id, [item]);
  }
  return map;
}

// Calls `reload` every `ms` while the page is visible, and at once on coming back to a
// page hidden for longer than that: a background tab asks the server nothing.
function useRefreshWhileVisible(reload: () => void, ms: number): void {
  useEffect(() => {
    let last = Date.now();
    let timer: number | undefined;
    const tick = () => {
      last = Date.now();
      reload();
    };
    const stop = () => {
      if (timer !== undefined) window.clearInterval(timer);
      timer = undefined;
    };
    const start = () => {
      stop();
      timer = window.setInterval(tick, ms);
    };
    const onVisibility = () => {
      if (document.visibilityState !== "visible") return stop();
      if (Date.now() - last >= ms) tick();
      start();
    };
    if (document.visibilityState === "visible") start();
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      stop();
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [reload, ms]);
}
