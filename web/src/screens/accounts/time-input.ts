// The account screens' time helpers, on top of lib/time.ts: a date-time picker that
// reads and writes the persona's wall clock, and the reveal's countdown.
import { instantOf, parseInstant, wallTime } from "../../lib/time";

const pad = (n: number) => String(n).padStart(2, "0");

// "2026-12-03T09:30": the value of an <input type="datetime-local"> showing `at` on the
// wall clock of `zone` ("" for none).
export function localInputValue(at: string | Date | null, zone: string): string {
  const instant = at instanceof Date ? at : parseInstant(at);
  if (!instant) return "";
  const w = wallTime(instant, zone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

// The instant a datetime-local value means on the wall clock of `zone`: null for "",
// undefined when it is no date and time.
export function instantFromLocalInput(text: string, zone: string): Date | null | undefined {
  if (text.trim() === "") return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim());
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1).map((s) => Number(s ?? 0)) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return undefined;
  return instantOf(zone, year, month, day, hour, minute, second);
}

// Whole seconds from `now` until `deadline`, rounded up; 0 once it has passed.
export function secondsLeft(deadline: Date, now: Date): number {
  return Math.max(0, Math.ceil((deadline.getTime() - now.getTime()) / 1000));
}

// `seconds` after `from`.
export function secondsAfter(from: Date, seconds: number): Date {
  return new Date(from.getTime() + seconds * 1000);
}

// Whether `at` (the API's RFC 3339 text) is later than `now`: a cooldown still running.
export function isAfter(at: string | null, now: Date): boolean {
  const instant = parseInstant(at);
  return instant !== null && instant.getTime() > now.getTime();
}

// The API's form of an instant: "2026-12-03T01:30:00Z" (whole seconds, UTC).
export function rfc3339(instant: Date): string {
  return instant.toISOString().replace(/\.\d{3}Z$/, "Z");
}
