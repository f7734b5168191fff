// A JSON object from the API (activity_data, event_data) as a short list of labelled
// values: persona ids become names, platforms their names, lists are joined and nested
// objects shown as compact JSON.
import type { ComponentChildren } from "preact";
import { dataLabel } from "./labels";
import type { Persona } from "../../api/personas";
import { platformLabel } from "../../lib/platforms";

export interface DataViewProps {
  data: unknown;
  personas?: Map<string, Persona>;
  // Shown when there is nothing in the object (null: nothing at all).
  emptyText?: string | null;
  // <DataPair>s shown first, in the same list.
  children?: ComponentChildren;
}

export function DataPair(props: { label: string; class?: string; children: ComponentChildren }) {
  return (
    <div class="data-pair">
      <dt>{props.label}</dt>
      <dd class={props.class}>{props.children}</dd>
    </div>
  );
}

export function DataView(props: DataViewProps) {
  const entries = props.data && typeof props.data === "object" && !Array.isArray(props.data) ? Object.entries(props.data) : [];
  const extra = Array.isArray(props.children) ? props.children.some(Boolean) : Boolean(props.children);
  if (entries.length === 0 && !extra) return props.emptyText ? <p class="data-empty">{props.emptyText}</p> : null;
  return (
    <dl class="data-view">
      {props.children}
      {entries.map(([key, value]) => (
        <DataPair key={key} label={dataLabel(key)}>
          {valueText(key, value, props.personas)}
        </DataPair>
      ))}
    </dl>
  );
}

function valueText(key: string, value: unknown, personas?: Map<string, Persona>) {
  if (value === null || value === undefined || value === "") return "—";
  if (key === "persona_id" && typeof value === "string") return personas?.get(value)?.name ?? <code>{value}</code>;
  if (key === "platform_type" && typeof value === "string") return platformLabel(value);
  if (key.endsWith("_id") && typeof value === "string") return <code>{value}</code>;
  if (key === "url" && typeof value === "string" && /^https?:\/\//i.test(value)) {
    return (
      <a href={value} target="_blank" rel="noopener noreferrer">
        {value}
      </a>
    );
  }
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "string" || typeof value === "number") return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === "string" || typeof v === "number")) {
    return value.length > 0 ? value.map((v) => (typeof v === "string" ? humanizeIfCode(v) : String(v))).join(", ") : "—";
  }
  return <code>{JSON.stringify(value)}</code>;
}

// Field names in `fields` ("display_name") read better as words; free text stays as is.
function humanizeIfCode(v: string): string {
  return /^[a-z][a-z0-9_.]*$/.test(v) ? v.replace(/_/g, " ") : v;
}
