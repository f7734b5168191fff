// Activity log: every row of GET /activity, newest first, filtered by persona, type,
// platform and time (the filters live in the URL), paged as the list scrolls; and the
// form that records an action done by hand (POST /activity), with its risk told plainly.
import { useState } from "preact/hooks";
import { api, type Schemas } from "../../api/client";
import { Field, InfiniteList, Link, ListState, Screen, TimeInZone } from "../../components";
import type { ScreenProps } from "../../routes";
import { DataView } from "./DataView";
import { FilterBar, PersonaFilter, TimeRangeFields } from "./filters";
import { platformLabel, platformLabels, platforms } from "../../lib/platforms";
import { activityTypeLabel, manualTypeLabels, manualTypes, systemTypes } from "./labels";
import { RecordDialog } from "./RecordDialog";
import { RecordedNotice } from "./RecordedNotice";
import { useUrlFilters } from "./url-filters";
import "./activity.css";
import { type Persona, usePersonas } from "../../api/personas";

type Activity = Schemas["Activity"];

const FILTERS = ["persona", "type", "platform", "from", "to"] as const;

export function ActivityScreen(_props: ScreenProps) {
  const filters = useUrlFilters(FILTERS);
  const personas = usePersonas();
  const [recording, setRecording] = useState(false);
  const [recorded, setRecorded] = useState<Activity | null>(null);
  // Bumped after recording, so the list starts over and shows the new row.
  const [generation, setGeneration] = useState(0);
  const f = filters.values;

  const load = (cursor: string | null, signal: AbortSignal) =>
    api.get("/api/v1/activity", {
      query: {
        limit: 50,
        cursor: cursor ?? undefined,
        persona_id: f.persona || undefined,
        activity_type: f.type || undefined,
        platform_type: f.platform || undefined,
        from: f.from || undefined,
        to: f.to || undefined,
      },
      signal,
    });

  const emptyText = filters.active ? (
    <p>
      No activity matches these filters.{" "}
      <button type="button" class="link-button" onClick={filters.clear}>
        Clear filters
      </button>
    </p>
  ) : (
    <p>No activity yet. Record what you do by hand with “Record an action”.</p>
  );

  return (
    <Screen
      title="Activity log"
      actions={
        <button type="button" class="primary" onClick={() => setRecording(true)}>
          Record an action
        </button>
      }
    >
      <p class="screen-intro">
        What you did by hand on the platforms (manual) and every change made through Persona (system), newest first.
      </p>
      <FilterBar label="Filter the activity log" count={filters.count} onClear={filters.clear}>
        <PersonaFilter personas={personas.list} value={f.persona} onValue={(persona) => filters.set({ persona })} />
        <TypeFilter value={f.type} onValue={(type) => filters.set({ type })} />
        <Field name="platform_type" label="Platform" as="select" value={f.platform} onValue={(v) => filters.set({ platform: String(v) })}>
          <option value="">All platforms</option>
          {platforms.map((p) => (
            <option key={p} value={p}>
              {platformLabels[p]}
            </option>
          ))}
        </Field>
        <TimeRangeFields from={f.from} to={f.to} onChange={(range) => filters.set(range)} />
      </FilterBar>
      {recorded ? (
        <RecordedNotice
          activity={recorded}
          persona={recorded.persona_id ? personas.byId.get(recorded.persona_id) : undefined}
          onDismiss={() => setRecorded(null)}
        />
      ) : null}
      {/* The personas first: each row's time is read in its persona's zone. */}
      <ListState loading={personas.loading} error={personas.error} empty={!personas.list} emptyText="" onRetry={personas.reload}>
        <InfiniteList<Activity>
          label="Activity"
          load={load}
          itemKey={(a) => a.id}
          resetKey={`${filters.key}|${generation}`}
          renderItem={(a) => (
            <ActivityEntry activity={a} persona={a.persona_id ? personas.byId.get(a.persona_id) : undefined} personas={personas.byId} />
          )}
          emptyText={emptyText}
        />
      </ListState>
      <RecordDialog
        open={recording}
        personas={personas.list}
        defaultPersona={f.persona}
        onClose={() => setRecording(false)}
        onRecorded={(activity) => {
          setRecording(false);
          setRecorded(activity);
          setGeneration((g) => g + 1);
        }}
      />
    </Screen>
  );
}

function TypeFilter(props: { value: string; onValue: (type: string) => void }) {
  const known = props.value === "" || props.value in manualTypeLabels || systemTypes.includes(props.value);
  return (
    <Field name="activity_type" label="Activity type" as="select" value={props.value} onValue={(v) => props.onValue(String(v))}>
      <option value="">All types</option>
      {known ? null : <option value={props.value}>{activityTypeLabel(props.value)}</option>}
      <optgroup label="Done by hand">
        {manualTypes.map((t) => (
          <option key={t} value={t}>
            {manualTypeLabels[t]}
          </option>
        ))}
      </optgroup>
      <optgroup label="Changes through Persona">
        {systemTypes.map((t) => (
          <option key={t} value={t}>
            {activityTypeLabel(t)}
          </option>
        ))}
      </optgroup>
    </Field>
  );
}

function ActivityEntry(props: { activity: Activity; persona: Persona | undefined; personas: Map<string, Persona> }) {
  const a = props.activity;
  const elevated = a.risk_level !== "low";
  return (
    <div class="activity-entry">
      <div class="entry-when">
        {/* The persona's zone where the row belongs to one, else the browser's. */}
        <TimeInZone at={a.created_at} zone={props.persona?.timezone} />
      </div>
      <div class="entry-what">
        <span class="entry-type">{activityTypeLabel(a.activity_type)}</span>
        <span class="tags">
          {a.platform_type ? <span class="tag">{platformLabel(a.platform_type)}</span> : null}
          <span class={`tag source-${a.source}`} title={a.source === "manual" ? "Recorded by you" : "Written by the server"}>
            {a.source === "manual" ? "Manual" : "System"}
          </span>
          {elevated ? (
            <span class={`tag risk risk-${a.risk_level}`}>
              Risk {a.risk_level} · {a.anomaly_score.toFixed(2)}
            </span>
          ) : null}
        </span>
      </div>
      <div class="entry-persona">
        {a.persona_id ? (
          props.persona ? (
            <Link href={`/personas/${a.persona_id}`}>{props.persona.name}</Link>
          ) : (
            "Unknown persona"
          )
        ) : (
          <span class="muted">No persona</span>
        )}
      </div>
      <div class="entry-data">
        <DataView data={a.activity_data} personas={props.personas} emptyText="No details" />
      </div>
    </div>
  );
}
