// Security events: what the server raised (failed logins, revealed secrets, bursts of
// manual actions, refused publications, failing proxies…), filtered by status,
// severity, type, persona and time (in the URL), paged as the list scrolls; each one
// resolved with the actions taken (POST /security-events/{id}/resolve).
import { useState } from "preact/hooks";
import { api, type Schemas } from "../../api/client";
import { me } from "../../api/session";
import { Field, InfiniteList, Link, ListState, Screen, TimeInZone } from "../../components";
import type { ScreenProps } from "../../routes";
import { DataPair, DataView } from "../activity/DataView";
import { FilterBar, PersonaFilter, TimeRangeFields } from "../activity/filters";
import { humanize, securityEventLabel, securityEventTypes } from "../activity/labels";
import { useUrlFilters } from "../activity/url-filters";
import { capitalised } from "../../lib/text";
import { eventName } from "./event-name";
import { ResolveDialog } from "./ResolveDialog";
import "./security.css";
import { type Persona, usePersonas } from "../../api/personas";

type SecurityEvent = Schemas["SecurityEvent"];
type Severity = SecurityEvent["severity"];

const severities: Severity[] = ["critical", "error", "warning", "info"];
// status: "" (the default view) the unresolved ones, "resolved", or "all".
const FILTERS = ["status", "severity", "type", "persona", "from", "to"] as const;

export function SecurityScreen(_props: ScreenProps) {
  const filters = useUrlFilters(FILTERS);
  const personas = usePersonas();
  const [resolving, setResolving] = useState<SecurityEvent | null>(null);
  // Events resolved here, shown resolved in place (a reload brings them so from the server).
  const [resolved, setResolved] = useState<Map<string, SecurityEvent>>(new Map());
  const f = filters.values;

  const load = (cursor: string | null, signal: AbortSignal) =>
    api.get("/api/v1/security-events", {
      query: {
        limit: 50,
        cursor: cursor ?? undefined,
        resolved: f.status === "all" ? undefined : f.status === "resolved",
        severity: (f.severity || undefined) as Severity | undefined,
        event_type: f.type || undefined,
        persona_id: f.persona || undefined,
        from: f.from || undefined,
        to: f.to || undefined,
      },
      signal,
    });

  const emptyText =
    !filters.active ? (
      <p>No unresolved security events. Nothing needs your attention.</p>
    ) : (
      <p>
        No security events match these filters.{" "}
        <button type="button" class="link-button" onClick={filters.clear}>
          Clear filters
        </button>
      </p>
    );

  return (
    <Screen title="Security events">
      <p class="screen-intro">
        What the server noticed: failed logins, revealed credentials, bursts of manual actions, refused publications,
        failing proxies. Resolve an event once you have dealt with it; unresolved ones count in the persona's risk score.
      </p>
      <FilterBar label="Filter the security events" count={filters.count} onClear={filters.clear}>
        <Field name="resolved" label="Status" as="select" value={f.status} onValue={(v) => filters.set({ status: String(v) })}>
          <option value="">Unresolved</option>
          <option value="resolved">Resolved</option>
          <option value="all">All</option>
        </Field>
        <Field name="severity" label="Severity" as="select" value={f.severity} onValue={(v) => filters.set({ severity: String(v) })}>
          <option value="">All severities</option>
          {severities.map((s) => (
            <option key={s} value={s}>
              {humanize(s)}
            </option>
          ))}
        </Field>
        <Field name="event_type" label="Event type" as="select" value={f.type} onValue={(v) => filters.set({ type: String(v) })}>
          <option value="">All types</option>
          {f.type && !securityEventTypes.includes(f.type) ? <option value={f.type}>{securityEventLabel(f.type)}</option> : null}
          {securityEventTypes.map((t) => (
            <option key={t} value={t}>
              {securityEventLabel(t)}
            </option>
          ))}
        </Field>
        <PersonaFilter personas={personas.list} value={f.persona} onValue={(persona) => filters.set({ persona })} />
        <TimeRangeFields from={f.from} to={f.to} onChange={(range) => filters.set(range)} />
      </FilterBar>
      <ListState loading={personas.loading} error={personas.error} empty={!personas.list} emptyText="" onRetry={personas.reload}>
        <InfiniteList<SecurityEvent>
          label="Security events"
          load={load}
          itemKey={(e) => e.id}
          resetKey={filters.key}
          renderItem={(e) => {
            const event = resolved.get(e.id) ?? e;
            return (
              <EventEntry
                event={event}
                persona={event.persona_id ? personas.byId.get(event.persona_id) : undefined}
                personas={personas.byId}
                onResolve={() => setResolving(event)}
              />
            );
          }}
          emptyText={emptyText}
        />
      </ListState>
      <ResolveDialog
        event={resolving}
        onClose={() => setResolving(null)}
        onResolved={(event) => {
          setResolving(null);
          setResolved((m) => new Map(m).set(event.id, event));
          // The Resolve button is gone: focus goes to what replaced it.
          requestAnimationFrame(() => document.getElementById(`resolved-${event.id}`)?.focus());
        }}
      />
    </Screen>
  );
}

function EventEntry(props: { event: SecurityEvent; persona: Persona | undefined; personas: Map<string, Persona>; onResolve: () => void }) {
  const e = props.event;
  return (
    <article class={`event-entry severity-${e.severity}`} aria-label={eventName(e)}>
      <div class="event-head">
        <span class={`tag severity severity-tag-${e.severity}`}>{humanize(e.severity)}</span>
        <h2 class="event-type">{securityEventLabel(e.event_type)}</h2>
        {/* Events belong to the user: the browser's zone, named. */}
        <TimeInZone at={e.created_at} />
      </div>
      <p class="event-description">{capitalised(e.event_description)}</p>
      <DataView data={e.event_data} personas={props.personas}>
        {e.persona_id ? (
          <DataPair label="Persona">
            {props.persona ? <Link href={`/personas/${e.persona_id}`}>{props.persona.name}</Link> : "Unknown persona"}
          </DataPair>
        ) : null}
        {e.platform_account_id ? (
          <DataPair label="Account">
            <Link href={`/accounts/${e.platform_account_id}`} aria-label={`Open the account of ${eventName(e)}`}>
              Open the account
            </Link>
          </DataPair>
        ) : null}
        {e.source_ip ? <DataPair label="From address">{e.source_ip}</DataPair> : null}
        {e.proxy_ip ? <DataPair label="Proxy address">{e.proxy_ip}</DataPair> : null}
      </DataView>
      {e.user_agent ? <p class="event-agent">Browser: {e.user_agent}</p> : null}
      {e.resolved ? (
        <Resolution event={e} />
      ) : (
        <div class="event-actions">
          <button type="button" onClick={props.onResolve} aria-label={`Resolve ${eventName(e)}`}>
            Resolve
          </button>
        </div>
      )}
    </article>
  );
}

function Resolution(props: { event: SecurityEvent }) {
  const e = props.event;
  const who = e.resolved_by ? (e.resolved_by === me.value?.id ? "you" : "another user") : null;
  const actions = e.actions_taken ?? [];
  return (
    <div class="event-resolution" id={`resolved-${e.id}`} tabIndex={-1}>
      <p>
        <strong>Resolved</strong>
        {who ? ` by ${who}` : ""}, <TimeInZone at={e.resolved_at} />.
      </p>
      {actions.length > 0 ? (
        <>
          <p class="resolution-label">Actions taken:</p>
          <ul class="resolution-actions">
            {actions.map((a, i) => (
              <li key={i}>{a}</li>
            ))}
          </ul>
        </>
      ) : (
        <p class="muted">No actions were noted.</p>
      )}
    </div>
  );
}
