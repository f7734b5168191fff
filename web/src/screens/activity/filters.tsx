// The filter bar of the activity log and of the security events: labelled controls in a
// wrapping grid that change the URL at once, and a button to clear them; on a phone the
// controls fold behind a "Filters" button.
import type { ComponentChildren } from "preact";
import { useEffect, useId, useState } from "preact/hooks";
import { Field } from "../../components";
import { browserZone, instantOfLocalInput, localInputValue, parseInstant } from "../../lib/time";
import { type Persona, sortedByName } from "../../api/personas";

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
  const label = (text: string) => (
    <>
      {text} <span class="zone-label">({zone})</span>
    </>
  );
  return (
    <>
      <InstantField name="from" label={label("From")} zone={zone} value={props.from} onValue={(from) => props.onChange({ from })} />
      <InstantField name="to" label={label("Until")} zone={zone} value={props.to} onValue={(to) => props.onChange({ to })} />
    </>
  );
}

// A datetime-local picker for an instant. What is typed stays as typed (a year half
// entered is no instant yet); the instant goes out once complete, "" once cleared.
function InstantField(props: { name: string; label: ComponentChildren; zone: string; value: string; onValue: (iso: string) => void }) {
  const at = parseInstant(props.value);
  const shown = at ? localInputValue(at, props.zone) : "";
  const [draft, setDraft] = useState(shown);
  useEffect(() => setDraft(shown), [shown]);
  return (
    <Field
      name={props.name}
      label={props.label}
      type="datetime-local"
      value={draft}
      onValue={(v) => {
        const text = String(v);
        setDraft(text);
        const instant = instantOfLocalInput(text, props.zone);
        // "" is also what an incomplete picker reads: no bound until it is complete.
        if (instant || text === "") props.onValue(instant?.toISOString() ?? "");
      }}
    />
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

