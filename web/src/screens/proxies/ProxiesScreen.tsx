// Proxies: the inventory with each proxy's health, latency, last check and persona; an
// import box for pasted lists; assign, release, check now, history and delete per row.
// Times are the browser's (the inventory belongs to no one persona), labelled.
import { useState } from "preact/hooks";
import { api, describeError, type Schemas } from "../../api/client";
import { listAllProxies } from "../../api/proxies";
import { useResource } from "../../api/resource";
import { ConfirmButton, DataTable, Link, Screen, TimeInZone } from "../../components";
import type { ScreenProps } from "../../routes";
import { AssignDialog } from "./AssignDialog";
import { ChecksDialog, latencyText } from "./ChecksDialog";
import { HealthBadge } from "./HealthBadge";
import { ImportBox } from "./ImportBox";
import "./proxies.css";

type Proxy = Schemas["Proxy"];
type Persona = Schemas["Persona"];
type Notice = { kind: "status" | "alert"; text: string };
// The dialog open at the moment, if any, and for which proxy.
type Open = { dialog: "assign" | "checks"; proxy: Proxy } | null;

export function ProxiesScreen(_props: ScreenProps) {
  const inventory = useResource((signal) => listAllProxies(signal), []);
  // Personas: at most 100 per user (the enterprise tier), so one page holds them all.
  const personas = useResource((signal) => api.get("/api/v1/personas", { query: { limit: 200 }, signal }), []);
  const costs = useResource((signal) => api.get("/api/v1/proxies/costs", { query: { months: 1 }, signal }), []);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [checking, setChecking] = useState<Set<string>>(new Set());
  const [open, setOpen] = useState<Open>(null);

  const personaList = personas.data?.items ?? [];
  const personaName = (id: string | null) => personaList.find((p) => p.id === id)?.name ?? "a persona";
  const reload = () => {
    inventory.reload();
    personas.reload();
    costs.reload();
  };

  const check = async (proxy: Proxy) => {
    setChecking((s) => new Set(s).add(proxy.id));
    setNotice(null);
    try {
      const checked = await api.post("/api/v1/proxies/{id}/check", { path: { id: proxy.id } });
      let why = "";
      if (checked.health_status !== "healthy") {
        // The proxy record keeps the outcome; the reason is in its check history.
        const last = await api.get("/api/v1/proxies/{id}/checks", { path: { id: proxy.id }, query: { limit: 1 } });
        why = last.items[0]?.error ?? "";
      }
      const latency = checked.response_time_ms === null ? "" : `, ${checked.response_time_ms} ms`;
      setNotice({ kind: "status", text: `${proxy.proxy_id} checked: ${checked.health_status}${latency}${why ? ` (${why})` : ""}.` });
      inventory.reload();
    } catch (e) {
      setNotice({ kind: "alert", text: `Could not check ${proxy.proxy_id}: ${describeError(e)}` });
    } finally {
      setChecking((s) => {
        const next = new Set(s);
        next.delete(proxy.id);
        return next;
      });
    }
  };

  const release = async (proxy: Proxy) => {
    if (!proxy.assigned_persona_id) return;
    const name = personaName(proxy.assigned_persona_id);
    await api.delete("/api/v1/personas/{id}/proxy", { path: { id: proxy.assigned_persona_id } });
    setNotice({ kind: "status", text: `${proxy.proxy_id} released from ${name}.` });
    reload();
  };

  const remove = async (proxy: Proxy) => {
    await api.delete("/api/v1/proxies/{id}", { path: { id: proxy.id } });
    setNotice({ kind: "status", text: `${proxy.proxy_id} deleted.` });
    reload();
  };

  const assigned = (proxy: Proxy, persona: Persona) => {
    setOpen(null);
    setNotice({ kind: "status", text: `${proxy.proxy_id} assigned to ${persona.name}.` });
    reload();
  };

  const rows = inventory.data;
  return (
    <Screen title="Proxies">
      <Summary proxies={rows} costs={costs.data} />
      <p class="proxies-notice" role="status">
        {notice?.kind === "status" ? notice.text : ""}
      </p>
      {notice?.kind === "alert" ? (
        <p class="proxies-notice proxies-notice-error" role="alert">
          {notice.text}
        </p>
      ) : null}

      <DataTable<Proxy>
        caption="Inventory"
        rows={rows}
        loading={inventory.loading}
        error={inventory.error}
        onRetry={inventory.reload}
        rowKey={(p) => p.id}
        emptyText="No proxies yet. Import a list below."
        columns={[
          { header: "Proxy", cell: (p) => <ProxyName proxy={p} /> },
          {
            header: "Location",
            class: "proxies-nowrap",
            cell: (p) => (
              <>
                {p.city}, {p.country_code}
                {p.isp_name ? <div class="proxies-sub">{p.isp_name}</div> : null}
              </>
            ),
          },
          {
            header: "Health",
            cell: (p) => (
              <>
                <HealthBadge status={p.health_status} />
                {p.last_health_check ? (
                  <div class="proxies-sub proxies-nowrap" title="Checks of the last 30 days that did not fail">
                    {uptimeText(p.uptime_percentage)}
                  </div>
                ) : null}
              </>
            ),
          },
          { header: "Latency", class: "num", cell: (p) => latencyText(p.response_time_ms) },
          {
            header: "Last check",
            cell: (p) => (
              <>
                <TimeInZone at={p.last_health_check} fallback="never" />
                {p.last_health_check ? (
                  <div>
                    <button
                      type="button"
                      class="link-button proxies-small"
                      aria-label={`History of checks of ${p.proxy_id}`}
                      onClick={() => setOpen({ dialog: "checks", proxy: p })}
                    >
                      History
                    </button>
                  </div>
                ) : null}
              </>
            ),
          },
          {
            header: "Persona",
            class: "proxies-nowrap",
            cell: (p) =>
              p.assigned_persona_id ? (
                <Link href={`/personas/${p.assigned_persona_id}`}>{personaName(p.assigned_persona_id)}</Link>
              ) : (
                <span class="proxies-sub">{p.assignment_status === "maintenance" ? "in maintenance" : "available"}</span>
              ),
          },
          {
            header: "Actions",
            cell: (p) => (
              <div class="proxies-actions">
                <button type="button" aria-label={`Check now ${p.proxy_id}`} disabled={checking.has(p.id)} onClick={() => check(p)}>
                  {checking.has(p.id) ? "Checking…" : "Check now"}
                </button>
                {p.assigned_persona_id ? (
                  <ConfirmButton
                    danger={false}
                    ariaLabel={`Release ${p.proxy_id} from ${personaName(p.assigned_persona_id)}`}
                    title={`Release ${p.proxy_id}?`}
                    message={`${personaName(p.assigned_persona_id)} will have no proxy until you assign one. Platforms may notice the change of address.`}
                    confirmLabel="Release"
                    onConfirm={() => release(p)}
                  >
                    Release
                  </ConfirmButton>
                ) : (
                  <button
                    type="button"
                    aria-label={`Assign ${p.proxy_id} to a persona`}
                    disabled={p.assignment_status === "maintenance"}
                    onClick={() => setOpen({ dialog: "assign", proxy: p })}
                  >
                    Assign…
                  </button>
                )}
                <ConfirmButton
                  ariaLabel={`Delete proxy ${p.proxy_id}`}
                  title={`Delete ${p.proxy_id}?`}
                  message="The proxy and its check history are removed from the inventory."
                  confirmLabel="Delete"
                  onConfirm={() => remove(p)}
                >
                  Delete
                </ConfirmButton>
              </div>
            ),
          },
        ]}
      />

      <ImportBox onImported={reload} />

      {open?.dialog === "assign" ? (
        <AssignDialog
          proxy={open.proxy}
          personas={personaList}
          onClose={() => setOpen(null)}
          onAssigned={(persona) => assigned(open.proxy, persona)}
        />
      ) : null}
      {open?.dialog === "checks" ? <ChecksDialog proxy={open.proxy} onClose={() => setOpen(null)} /> : null}
    </Screen>
  );
}

// The provider's identifier (host:port for imported ones), the address when it differs,
// and the username. Never the password.
function ProxyName({ proxy }: { proxy: Proxy }) {
  // proxy_ip is typed `unknown` (its schema is an anyOf of formats); it is a string.
  const ip = proxy.proxy_ip;
  const address = ip.includes(":") ? `[${ip}]:${proxy.proxy_port}` : `${ip}:${proxy.proxy_port}`;
  return (
    <>
      <strong class="proxies-id">{proxy.proxy_id}</strong>
      {address !== proxy.proxy_id ? <div class="proxies-sub">{address}</div> : null}
      <div class="proxies-sub">user {proxy.proxy_username}</div>
    </>
  );
}

function Summary(props: { proxies: Proxy[] | undefined; costs: Schemas["ProxyCosts"] | undefined }) {
  if (!props.proxies || props.proxies.length === 0) return null;
  const all = props.proxies;
  const assigned = all.filter((p) => p.assigned_persona_id).length;
  const failed = all.filter((p) => p.health_status === "failed").length;
  const month = props.costs?.items[0];
  return (
    <p class="proxies-summary">
      <span>{all.length === 1 ? "1 proxy" : `${all.length} proxies`}</span>
      <span>{assigned} assigned</span>
      <span class={failed > 0 ? "proxies-summary-bad" : undefined}>{failed} failed at last check</span>
      {month ? (
        <span>
          ${month.total_usd.toFixed(2)} a month ({month.month})
        </span>
      ) : null}
    </p>
  );
}

// "99.5 % up": the share of the last 30 days' checks that did not fail.
function uptimeText(percent: number): string {
  return `${Number(percent.toFixed(1))} % up`;
}
