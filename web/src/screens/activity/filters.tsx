// The filter bar of the activity log and of the security events: labelled controls in a
// wrapping grid that change the URL at once, and a button to clear them.
import type { ComponentChildren } from "preact";
import { useId, useState } from "preact/hooks";
import { Field } from "../../components";
import { browserZone, instantOfLocalInput, localInputValue, parseInstant } from "../../lib/time";
import type { Persona } from "./personas";

export function FilterBar(props: { label: string; count: number; onClear: () => void; children: ComponentChildren }) {
  // On a phone the fields fold away behind a button, so the list comes first.
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <section class={"filter-bar" + (open ? " filter-open" : "")} aria-label={props.label}>
      <button type="button" class="filter-toggle" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
        {open ? "Hide filters" : "Filters"}
        {props.count > 0 ? ` (${props.count} set)` : ""}
      </button>
      <div class="filter-fields" id={id}>
        {props.children}
      </div>
      {props.count > 0 ? (
        <button type="button" class="filter-clear" onClick={props.onClear}>
          Clear filters
        </button>
      ) : null}
    </section>
  );
}

// From and to, picked on the browser's wall clock (named in the labels) and kept as
// UTC instants, so a shared link means the same range wherever it is opened.
export function TimeRangeFields(props: { from: string; to: string; onChange: (changes: { from?: string; to?: string }) => void }) {
  const zone = browserZone();
  const shown = (iso: string) => {
    const at = parseInstant(iso);
    return at ? localInputValue(at, zone) : "";
  };
  // "" while the picker is incomplete or cleared: no bound.
  const instant = (value: string) => instantOfLocalInput(value, zone)?.toISOString() ?? "";
  return (
    <>
      <Field
        name="from"
        label={
          <>
            From <span class="zone-label">({zone})</span>
          </>
        }
        type="datetime-local"
        value={shown(props.from)}
        onValue={(v) => props.onChange({ from: instant(String(v)) })}
      />
      <Field
        name="to"
        label={
          <>
            Until <span class="zone-label">({zone})</span>
          </>
        }
        type="datetime-local"
        value={shown(props.to)}
        onValue={(v) => props.onChange({ to: instant(String(v)) })}
      />
    </>
  );
}

export function PersonaFilter(props: { personas: Persona[] | undefined; value: string; onValue: (id: string) => void }) {
  const known = props.personas?.some((p) => p.id === props.value) ?? false;
  return (
    <Field name="persona_id" label="Persona" as="select" value={props.value} onValue={(v) => props.onValue(String(v))}>
      <option value="">All personas</option>
      {props.value && !known ? <option value={props.value}>{props.personas ? "Unknown persona" : "Loading…"}</option> : null}
      {sortedByName(props.personas).map((p) => (
        <option key={p.id} value={p.id}>
          {p.name}
        </option>
      ))}
    </Field>
  );
}

export function sortedByName(personas: Persona[] | undefined): Persona[] {
  return [...(personas ?? [])].sort((a, b) => a.name.localeCompare(b.name));
}
