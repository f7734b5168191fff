// The persona editor's values: one flat form value per field, keyed by the server's JSON
// path ("demographics.age", "activity_schedule.posting_times.monday[1]"), so the
// problem+json errors of the server land beside their fields. This module turns a
// Persona into those values and the values into a request body; it has no UI.
import { ApiError, type Schemas } from "../../api/client";
import type { FieldValue } from "../../components/form-state";

export type Persona = Schemas["Persona"];
export type PersonaCreate = Schemas["PersonaCreate"];
export type PersonaUpdate = Schemas["PersonaUpdate"];
export type Values = Record<string, FieldValue>;

export const weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] as const;
export type Weekday = (typeof weekdays)[number];

// The server refuses more than 48 times a day.
export const maxTimesPerDay = 48;

export function timeField(day: Weekday, index: number): string {
  return `activity_schedule.posting_times.${day}[${index}]`;
}

// Lists edited as one text each: one item per line, or (codes and hashtags, which hold no
// spaces) separated by spaces or commas.
const lineLists = [
  "personality.interests",
  "personality.values",
  "content_themes.topics",
  "engagement_style.interaction_patterns",
] as const;
const wordLists = ["content_themes.hashtags", "language_preferences"] as const;
type ListField = (typeof lineLists)[number] | (typeof wordLists)[number];

function isListField(name: string): name is ListField {
  return (lineLists as readonly string[]).includes(name) || (wordLists as readonly string[]).includes(name);
}

export function splitList(name: ListField, text: string): string[] {
  const parts = (wordLists as readonly string[]).includes(name) ? text.split(/[\s,]+/) : text.split("\n");
  return parts.map((s) => s.trim()).filter((s) => s !== "");
}

function joinList(name: ListField, items: unknown): string {
  if (!Array.isArray(items)) return "";
  return items.map(String).join((wordLists as readonly string[]).includes(name) ? ", " : "\n");
}

// The values of a new persona: inactive, in `zone`, English and Filipino.
export function blankValues(zone: string): Values {
  return {
    name: "",
    status: "inactive",
    primary_location: "",
    timezone: zone,
    backstory: "",
    "demographics.age": "",
    "demographics.gender": "",
    "demographics.location": "",
    "demographics.occupation": "",
    "personality.interests": "",
    "personality.values": "",
    "personality.communication_style": "",
    language_preferences: "en, fil",
    "activity_schedule.posts_per_day": "",
    "content_themes.topics": "",
    "content_themes.hashtags": "",
    "content_themes.style": "",
    "engagement_style.comment_frequency": "",
    "engagement_style.interaction_patterns": "",
  };
}

function text(v: unknown): string {
  return v === undefined || v === null ? "" : String(v);
}

// The editor's values for a stored persona (each day's times in clock order).
export function valuesOf(p: Persona): Values {
  const d = p.demographics ?? {};
  const pe = p.personality ?? {};
  const s = p.activity_schedule ?? {};
  const c = p.content_themes ?? {};
  const e = p.engagement_style ?? {};
  let values: Values = {
    name: p.name,
    status: p.status,
    primary_location: p.primary_location,
    timezone: p.timezone,
    backstory: text(p.backstory),
    "demographics.age": text(d.age),
    "demographics.gender": text(d.gender),
    "demographics.location": text(d.location),
    "demographics.occupation": text(d.occupation),
    "personality.interests": joinList("personality.interests", pe.interests),
    "personality.values": joinList("personality.values", pe.values),
    "personality.communication_style": text(pe.communication_style),
    language_preferences: joinList("language_preferences", p.language_preferences),
    "activity_schedule.posts_per_day": text(s.posts_per_day),
    "content_themes.topics": joinList("content_themes.topics", c.topics),
    "content_themes.hashtags": joinList("content_themes.hashtags", c.hashtags),
    "content_themes.style": text(c.style),
    "engagement_style.comment_frequency": text(e.comment_frequency),
    "engagement_style.interaction_patterns": joinList("engagement_style.interaction_patterns", e.interaction_patterns),
  };
  for (const day of weekdays) {
    const times = s.posting_times?.[day];
    if (Array.isArray(times)) values = withTimes(values, day, times.map(String).sort());
  }
  return values;
}

// The times of `day`, in the order of their fields.
export function timesOf(values: Values, day: Weekday): string[] {
  const out: string[] = [];
  for (let i = 0; timeField(day, i) in values; i++) out.push(String(values[timeField(day, i)]));
  return out;
}

// `values` with the times of `day` replaced by `times` (fields numbered from 0 again).
export function withTimes(values: Values, day: Weekday, times: readonly string[]): Values {
  const next: Values = {};
  const prefix = `activity_schedule.posting_times.${day}[`;
  for (const [key, value] of Object.entries(values)) if (!key.startsWith(prefix)) next[key] = value;
  times.forEach((t, i) => (next[timeField(day, i)] = t));
  return next;
}

// A time to offer for a new entry of a day: an hour after its last one, else 09:00.
export function nextTime(times: readonly string[]): string {
  const last = times[times.length - 1];
  const m = last ? /^(\d\d):(\d\d)$/.exec(last) : null;
  if (!m) return "09:00";
  const hour = Math.min(23, Number(m[1]) + 1);
  return `${String(hour).padStart(2, "0")}:${m[2]}`;
}

// A number field: absent when empty, else the number typed. Garbage becomes NaN, which
// JSON sends as null and the server refuses beside the field with its own message.
function numberOf(v: FieldValue | undefined): number | undefined {
  const s = text(v).trim();
  return s === "" ? undefined : Number(s);
}

function str(v: FieldValue | undefined): string | undefined {
  const s = text(v).trim();
  return s === "" ? undefined : s;
}

// Drops the members left undefined (JSON.stringify would too, but comparisons are exact).
function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

function list(values: Values, name: ListField): string[] | undefined {
  const items = splitList(name, text(values[name]));
  return items.length > 0 ? items : undefined;
}

// The request body of the values. Required texts are sent even when empty, so the server
// says beside the field that they are needed.
export function bodyOf(values: Values): PersonaCreate {
  const postingTimes: Record<string, string[]> = {};
  for (const day of weekdays) {
    const times = timesOf(values, day);
    if (times.length > 0) postingTimes[day] = times;
  }
  const frequency = str(values["engagement_style.comment_frequency"]);
  const languages = splitList("language_preferences", text(values.language_preferences));
  return compact({
    name: text(values.name).trim(),
    status: (str(values.status) ?? "inactive") as PersonaCreate["status"],
    primary_location: text(values.primary_location).trim(),
    timezone: text(values.timezone),
    backstory: str(values.backstory) ?? null,
    demographics: compact({
      age: numberOf(values["demographics.age"]),
      gender: str(values["demographics.gender"]),
      location: str(values["demographics.location"]),
      occupation: str(values["demographics.occupation"]),
    }),
    personality: compact({
      interests: list(values, "personality.interests"),
      values: list(values, "personality.values"),
      communication_style: str(values["personality.communication_style"]),
    }),
    // Sent as typed (even empty): the server says what a list of languages needs.
    language_preferences: languages,
    activity_schedule: compact({
      posting_times: postingTimes,
      posts_per_day: numberOf(values["activity_schedule.posts_per_day"]),
    }),
    content_themes: compact({
      topics: list(values, "content_themes.topics"),
      hashtags: list(values, "content_themes.hashtags"),
      style: str(values["content_themes.style"]),
    }),
    engagement_style: compact({
      comment_frequency: frequency as NonNullable<PersonaCreate["engagement_style"]["comment_frequency"]> | undefined,
      interaction_patterns: list(values, "engagement_style.interaction_patterns"),
    }),
  });
}

// The members of `next` that differ from `before`: a PATCH changes only those, so what
// the editor does not show (members other tools stored) stays as it was.
export function changesOf(next: PersonaCreate, before: PersonaCreate): PersonaUpdate {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(next)) {
    if (JSON.stringify(value) !== JSON.stringify((before as Record<string, unknown>)[key])) out[key] = value;
  }
  return out as PersonaUpdate;
}

// The server names the item of a list ("personality.interests[2]"); the editor shows the
// list as one text, so the error goes beside it, naming the item.
export function fieldOfError(field: string): { field: string; item?: number } {
  const m = /^(.*)\[(\d+)\]$/.exec(field);
  if (m && m[1] !== undefined && isListField(m[1])) return { field: m[1], item: Number(m[2]) };
  return { field };
}

export function remapErrors(error: unknown, values: Values): unknown {
  if (!(error instanceof ApiError) || !error.problem?.errors?.length) return error;
  const errors = error.problem.errors.map((e) => {
    const { field, item } = fieldOfError(e.field);
    if (item === undefined || !isListField(field)) return e;
    const items = splitList(field, text(values[field]));
    const what = items[item] !== undefined ? `"${items[item]}"` : `item ${item + 1}`;
    return { field, message: `${what} ${e.message}` };
  });
  return new ApiError(error.status, error.detail, { ...error.problem, errors }, error.retryAfter);
}
