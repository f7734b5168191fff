// The operator's personas: status, risk, proxy and accounts at a glance, each leading
// to its editor. The list endpoint gives the personas; the dashboard (one call for all
// of them) adds the number of accounts and the count against the plan's limit.
import { useState } from "preact/hooks";
import { api } from "../../api/client";
import { useResource } from "../../api/resource";
import { me } from "../../api/session";
import { ClockInZone, DataTable, InfiniteList, Link, Screen, type Column } from "../../components";
import { takeFlash } from "./flash";
import type { Persona } from "./persona-form";
import "./personas.css";

function Risk({ score }: { score: number }) {
  return (
    <span class="persona-risk">
      <span class="persona-risk-bar" aria-hidden="true">
        <span style={{ width: `${Math.round(Math.min(1, Math.max(0, score)) * 100)}%` }} />
      </span>
      {score.toFixed(2)}
    </span>
  );
}

function Proxy({ persona }: { persona: Persona }) {
  if (!persona.proxy_id) return <span class="persona-muted">none</span>;
  return (
    <span class="persona-proxy">
      <span>
        {persona.proxy_id}
        {persona.proxy_location ? ` · ${persona.proxy_location}` : ""}
      </span>{" "}
      <span class={`persona-chip proxy-${persona.proxy_status}`}>{persona.proxy_status}</span>
    </span>
  );
}

// The number of accounts (from the dashboard; null while it loads or when it failed).
function AccountsLink({ persona, count }: { persona: Persona; count: number | null }) {
  return (
    <Link
      href={`/personas/${persona.id}/accounts`}
      aria-label={count === null ? `Accounts of ${persona.name}` : `Accounts of ${persona.name}: ${count}`}
    >
      {count === null ? "—" : count}
    </Link>
  );
}

export function PersonasScreen() {
  const dashboard = useResource((signal) => api.get("/api/v1/dashboard", { signal }), []);
  const [message] = useState(takeFlash);

  const accounts = new Map<string, number>();
  for (const p of dashboard.data?.personas ?? []) if (p.id) accounts.set(p.id, p.accounts?.length ?? 0);
  const user = me.value;
  const count = dashboard.data?.totals.personas;

  const columns: Column<Persona>[] = [
    {
      header: "Name",
      cell: (p) => (
        <Link href={`/personas/${p.id}`} class="persona-name">
          {p.name}
        </Link>
      ),
    },
    { header: "Status", cell: (p) => <span class={`persona-chip status-${p.status}`}>{p.status}</span> },
    { header: "Risk", cell: (p) => <Risk score={p.risk_score} /> },
    { header: "Proxy", cell: (p) => <Proxy persona={p} /> },
    {
      header: "Accounts",
      class: "num",
      cell: (p) => <AccountsLink persona={p} count={dashboard.data ? (accounts.get(p.id) ?? 0) : null} />,
    },
    { header: "Local time", cell: (p) => <ClockInZone zone={p.timezone} /> },
  ];

  return (
    <Screen
      title="Personas"
      actions={
        <Link class="persona-button primary" href="/personas/new">
          New persona
        </Link>
      }
    >
      <p class="persona-saved" role="status">
        {message}
      </p>
      {user && count !== undefined ? (
        <p class={"persona-plan" + (count >= user.max_personas ? " persona-plan-full" : "")}>
          {count} of {user.max_personas} personas on your plan ({user.subscription_tier})
          {count >= user.max_personas ? ": the limit is reached, so a new persona needs one deleted first." : "."}
        </p>
      ) : null}
      <InfiniteList<Persona>
        label="Personas"
        load={(cursor, signal) => api.get("/api/v1/personas", { query: { limit: 100, cursor: cursor ?? undefined }, signal })}
        itemKey={(p) => p.id}
        render={(items) => <DataTable caption="Your personas" columns={columns} rows={items} rowKey={(p) => p.id} emptyText="" />}
        emptyText={
          <p>
            No personas yet. <Link href="/personas/new">Create the first one</Link>.
          </p>
        }
      />
    </Screen>
  );
}
