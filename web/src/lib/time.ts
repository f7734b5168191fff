// Time zones with Intl only (no date library). The server speaks UTC (RFC 3339); the
// screen speaks a named IANA zone: the persona's, or the browser's where no persona is
// involved. Every time shown goes through components/TimeInZone.tsx, which uses these.

export function browserZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

export function isValidZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

// Every IANA zone the browser knows, sorted, for zone pickers.
export function allZones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  const zones = intl.supportedValuesOf ? intl.supportedValuesOf("timeZone") : [];
  if (!zones.includes("UTC")) zones.push("UTC");
  return zones.sort();
}

export interface WallTime {
  year: number;
  month: number; // 1–12
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number; // 0 Sunday … 6 Saturday
}

const partFormats = new Map<string, Intl.DateTimeFormat>();
function partsFormat(zone: string): Intl.DateTimeFormat {
  let f = partFormats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      weekday: "short",
    });
    partFormats.set(zone, f);
  }
  return f;
}

const weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

// The wall-clock reading of `instant` in `zone`.
export function wallTime(instant: Date, zone: string): WallTime {
  const out: Record<string, string> = {};
  for (const p of partsFormat(zone).formatToParts(instant)) out[p.type] = p.value;
  return {
    year: Number(out.year),
    month: Number(out.month),
    day: Number(out.day),
    hour: Number(out.hour) % 24,
    minute: Number(out.minute),
    second: Number(out.second),
    weekday: weekdays.indexOf(out.weekday ?? ""),
  };
}

// Date.UTC, except that it reads years 0–99 as 1900–1999; setUTCFullYear takes them as they are.
function utcMillis(year: number, month: number, day: number, hour: number, minute: number, second: number): number {
  return new Date(0).setUTCFullYear(year, month - 1, day) + ((hour * 60 + minute) * 60 + second) * 1000;
}

// Minutes `zone` is ahead of UTC at `instant` (Asia/Manila: 480).
export function offsetMinutes(instant: Date, zone: string): number {
  const w = wallTime(instant, zone);
  const asUtc = utcMillis(w.year, w.month, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60000);
}

// The instant at which the wall clock of `zone` reads the given date and time. In a gap
// (spring forward) the time is moved forward by the gap; in an overlap the earlier one.
export function instantOf(
  zone: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): Date {
  const guess = utcMillis(year, month, day, hour, minute, second);
  // The offsets in force half a day either side cover any one transition near `guess`.
  const before = guess - offsetMinutes(new Date(guess - 12 * 3600000), zone) * 60000;
  const after = guess - offsetMinutes(new Date(guess + 12 * 3600000), zone) * 60000;
  const fits = (t: number) => sameWall(new Date(t), zone, year, month, day, hour, minute);
  if (fits(before) && fits(after)) return new Date(Math.min(before, after));
  if (fits(after)) return new Date(after);
  return new Date(before); // fits, or in a gap: the earlier offset moves it forward
}

function sameWall(d: Date, zone: string, y: number, mo: number, da: number, h: number, mi: number): boolean {
  const w = wallTime(d, zone);
  return w.year === y && w.month === mo && w.day === da && w.hour === h && w.minute === mi;
}

// "2024-06-03": the calendar date of `instant` in `zone`.
export function dateKey(instant: Date, zone: string): string {
  const w = wallTime(instant, zone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
}

// Midnight starting the day of `instant` in `zone`.
export function startOfDay(instant: Date, zone: string): Date {
  const w = wallTime(instant, zone);
  return instantOf(zone, w.year, w.month, w.day);
}

// The value of an <input type="datetime-local"> ("2024-06-03T08:30") showing `instant`
// as read in `zone`: how a range kept as UTC instants (in a URL) is shown for editing.
// "" for none.
export function localInputValue(at: string | Date | null, zone: string): string {
  const instant = at instanceof Date ? at : parseInstant(at);
  if (!instant) return "";
  const w = wallTime(instant, zone);
  return `${String(w.year).padStart(4, "0")}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

// The instant an <input type="datetime-local"> value ("2024-06-03T08:30", seconds
// optional) means in `zone`; null when it is empty or not such a value, or before the
// year 1000 (what a picker holds while its year is being typed: "0202-06-03T08:30").
export function instantOfLocalInput(value: string, zone: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/.exec(value.trim());
  if (!m) return null;
  const [y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0] = m.slice(1).map((part) => Number(part ?? 0));
  if (y < 1000 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  return instantOf(zone, y, mo, d, h, mi, s);
}

export type TimeStyle = "time" | "date" | "datetime" | "weekday-time";

const displayFormats = new Map<string, Intl.DateTimeFormat>();

// `instant` as read in `zone`, without the zone's name (TimeInZone adds it):
// "08:30", "3 Jun 2024", "3 Jun 2024, 08:30", "Mon 08:30". The date is left out of
// "datetime" when it is today in that zone.
export function formatInZone(instant: Date, zone: string, style: TimeStyle = "datetime", now = new Date()): string {
  const key = `${zone}|${style}`;
  let f = displayFormats.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions = { timeZone: zone, hourCycle: "h23" };
    if (style !== "date") Object.assign(options, { hour: "2-digit", minute: "2-digit" });
    if (style === "date" || style === "datetime") Object.assign(options, { day: "numeric", month: "short", year: "numeric" });
    if (style === "weekday-time") options.weekday = "short";
    f = new Intl.DateTimeFormat("en-GB", options);
    displayFormats.set(key, f);
  }
  if (style === "datetime" && dateKey(instant, zone) === dateKey(now, zone)) {
    return formatInZone(instant, zone, "time");
  }
  return f.format(instant);
}

// "UTC+08:00" for the zone at `instant`, for tooltips beside the zone name.
export function offsetLabel(instant: Date, zone: string): string {
  const m = offsetMinutes(instant, zone);
  const sign = m < 0 ? "-" : "+";
  const a = Math.abs(m);
  return `UTC${sign}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
}

// A running duration for timers: "4:05" (minutes:seconds) or "1:04:05".
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  return h > 0 ? `${h}:${pad(m)}:${pad(sec)}` : `${m}:${pad(sec)}`;
}

// Whole seconds from `from` to `to` (a live timer: started_at to now); 0 when `from` is
// missing or after `to` (a browser clock a little behind the server's).
export function elapsedSeconds(from: string | Date | null | undefined, to: Date): number {
  const start = from instanceof Date ? from : parseInstant(from);
  if (!start) return 0;
  return Math.max(0, Math.floor((to.getTime() - start.getTime()) / 1000));
}

// Parses the server's RFC 3339 text; null for null or garbage.
export function parseInstant(value: string | null | undefined): Date | null {
  if (!value) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

// ---- deadlines

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
