// The calendar's date arithmetic, pure: calendar dates (no zone) for the grid, and the
// instants they stand for in the shown zone (lib/time.ts does the zone work). Weeks
// start on Monday. Unit tests: web/test/calendar-math.test.mjs.
import { formatInZone, instantOf, wallTime } from "../../lib/time";

// A day of the calendar, without a zone: what a grid cell is.
export interface CivilDate {
  year: number;
  month: number; // 1–12
  day: number;
}

export type CalendarView = "day" | "week" | "month" | "list";
export const views: CalendarView[] = ["day", "week", "month", "list"];

export function isView(text: string): text is CalendarView {
  return (views as string[]).includes(text);
}

const pad = (n: number) => String(n).padStart(2, "0");

// The civil date as milliseconds of its UTC midnight: arithmetic on days without zones.
function civilMillis(c: CivilDate): number {
  return new Date(0).setUTCFullYear(c.year, c.month - 1, c.day);
}

function fromMillis(ms: number): CivilDate {
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

// "2026-12-08" (the URL's and dateKey's form).
export function civilKey(c: CivilDate): string {
  return `${String(c.year).padStart(4, "0")}-${pad(c.month)}-${pad(c.day)}`;
}

// "2026-12-08" → the date; null for anything else (a hand-edited URL).
export function parseCivil(text: string | null | undefined): CivilDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text ?? "");
  if (!m) return null;
  const c = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  if (c.year < 1000) return null;
  const back = fromMillis(civilMillis(c));
  return back.month === c.month && back.day === c.day ? c : null;
}

// The date `instant` falls on in `zone`.
export function civilOf(instant: Date, zone: string): CivilDate {
  const w = wallTime(instant, zone);
  return { year: w.year, month: w.month, day: w.day };
}

export function addDays(c: CivilDate, days: number): CivilDate {
  return fromMillis(civilMillis(c) + days * 86_400_000);
}

// The same day of another month, or that month's last day (31 Jan + 1 month: 28 Feb).
export function addMonths(c: CivilDate, months: number): CivilDate {
  const index = c.year * 12 + (c.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = fromMillis(civilMillis({ year, month: month + 1, day: 1 }) - 86_400_000).day;
  return { year, month, day: Math.min(c.day, last) };
}

// 0 Sunday … 6 Saturday.
export function weekdayOf(c: CivilDate): number {
  return new Date(civilMillis(c)).getUTCDay();
}

export function sameDay(a: CivilDate, b: CivilDate): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day;
}

// The Monday on or before `c`.
export function startOfWeek(c: CivilDate): CivilDate {
  return addDays(c, -((weekdayOf(c) + 6) % 7));
}

// Six weeks of seven days from the Monday on or before the 1st: every month fits, the
// grid keeps its height, and the days around the month are there to drop posts on.
export function monthGrid(c: CivilDate): CivilDate[][] {
  const first = startOfWeek({ year: c.year, month: c.month, day: 1 });
  return Array.from({ length: 6 }, (_, w) => Array.from({ length: 7 }, (_, d) => addDays(first, w * 7 + d)));
}

// The days a view shows: one, a week, the month's grid, or the month's days (the list).
export function viewDays(view: CalendarView, anchor: CivilDate): CivilDate[] {
  if (view === "day") return [anchor];
  if (view === "week") {
    const monday = startOfWeek(anchor);
    return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  }
  if (view === "month") return monthGrid(anchor).flat();
  const first = { year: anchor.year, month: anchor.month, day: 1 };
  const next = addMonths(first, 1);
  const days: CivilDate[] = [];
  for (let d = first; !sameDay(d, next); d = addDays(d, 1)) days.push(d);
  return days;
}

// Midnight starting `c` in `zone`.
export function dayStart(c: CivilDate, zone: string): Date {
  return instantOf(zone, c.year, c.month, c.day);
}

// The instants a view covers in `zone`, [from, to): the API's from/to.
export function viewRange(view: CalendarView, anchor: CivilDate, zone: string): { from: Date; to: Date } {
  const days = viewDays(view, anchor);
  const first = days[0] ?? anchor;
  const last = days[days.length - 1] ?? anchor;
  return { from: dayStart(first, zone), to: dayStart(addDays(last, 1), zone) };
}

// The anchor of the previous (-1) or next (1) period of a view.
export function shiftAnchor(view: CalendarView, anchor: CivilDate, step: number): CivilDate {
  if (view === "day") return addDays(anchor, step);
  if (view === "week") return addDays(anchor, 7 * step);
  return addMonths(anchor, step);
}

// The calendar date written out in English, the same in every zone and browser (it is
// no instant, and journeys find days by these names).
const weekdayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

// "Tue 8 Dec" (short), "Tuesday 8 December 2026" (long), "December 2026" (month),
// "8 Dec 2026" (date).
export function formatCivil(c: CivilDate, style: "short" | "long" | "month" | "date"): string {
  const weekday = weekdayNames[weekdayOf(c)] ?? "";
  const month = monthNames[c.month - 1] ?? "";
  if (style === "short") return `${weekday.slice(0, 3)} ${c.day} ${month.slice(0, 3)}`;
  if (style === "long") return `${weekday} ${c.day} ${month} ${c.year}`;
  if (style === "month") return `${month} ${c.year}`;
  return `${c.day} ${month.slice(0, 3)} ${c.year}`;
}

// Mon … Sun, the grid's column heads.
export const weekdayHeads = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

// What the period of a view is called: "Tuesday 8 December 2026", "7 – 13 Dec 2026",
// "December 2026".
export function periodLabel(view: CalendarView, anchor: CivilDate): string {
  if (view === "day") return formatCivil(anchor, "long");
  if (view === "week") {
    const days = viewDays("week", anchor);
    const first = days[0] ?? anchor;
    const last = days[6] ?? anchor;
    const head =
      first.year !== last.year
        ? formatCivil(first, "date")
        : first.month !== last.month
          ? formatCivil(first, "date").replace(/ \d+$/, "")
          : String(first.day);
    return `${head} – ${formatCivil(last, "date")}`;
  }
  return formatCivil(anchor, "month");
}

// ---- times of day

export const slotMinutes = 30;

// The wall-clock minutes of the day of the half-hour slots: 0, 30, … 1410.
export const daySlots: number[] = Array.from({ length: (24 * 60) / slotMinutes }, (_, i) => i * slotMinutes);

// "09:30" for 570.
export function minuteLabel(minute: number): string {
  return `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;
}

// The slot `instant` falls in, read in `zone` (570 for 09:40).
export function slotOf(instant: Date, zone: string): number {
  const w = wallTime(instant, zone);
  const m = w.hour * 60 + w.minute;
  return m - (m % slotMinutes);
}

// The instant a slot of a day starts in `zone` (a slot in a spring-forward gap moves
// forward, as instantOf does).
export function slotStart(c: CivilDate, minute: number, zone: string): Date {
  return instantOf(zone, c.year, c.month, c.day, Math.floor(minute / 60), minute % 60);
}

// Whether the whole day has passed in `zone` (greyed in the month; no drop keeps a time).
export function dayOver(day: CivilDate, zone: string, now: Date): boolean {
  return dayStart(addDays(day, 1), zone).getTime() <= now.getTime();
}

// Whether a slot has begun: a post dropped there would be in the past.
export function slotPassed(day: CivilDate, minute: number, zone: string, now: Date): boolean {
  return slotStart(day, minute, zone).getTime() <= now.getTime();
}

// `instant` moved to another day at the same wall-clock time in `zone`: 09:00 in New
// York stays 09:00 across a change of its offset.
export function sameTimeOn(instant: Date, zone: string, day: CivilDate): Date {
  const w = wallTime(instant, zone);
  return instantOf(zone, day.year, day.month, day.day, w.hour, w.minute, w.second);
}

// ---- where a dragged post lands

export type Drop = { ok: true; at: Date } | { ok: false; reason: string };

// Where a post at `current` goes when dropped on a day of the month grid (its time of
// day kept) or on a slot of the week and day views (the slot's time); refused when it
// is published or that time has passed. `same` says it would not move at all.
export function dropAt(
  post: { published: boolean; current: Date | null },
  target: { day: CivilDate; minute?: number },
  zone: string,
  now: Date,
): Drop & { same?: boolean } {
  if (post.published) return { ok: false, reason: "A published post stays where it was published; it cannot be moved." };
  let at: Date;
  if (target.minute !== undefined) at = slotStart(target.day, target.minute, zone);
  else if (post.current) at = sameTimeOn(post.current, zone, target.day);
  else return { ok: false, reason: "A draft has no time of day yet: schedule it with its Schedule… button." };
  if (at.getTime() <= now.getTime()) {
    const day = formatCivil(target.day, "short");
    const reason =
      target.minute === undefined && !sameDay(target.day, civilOf(now, zone))
        ? `${day} is in the past: a post can only move to a time still ahead.`
        : `${formatInZone(at, zone, "time")} on ${day} has passed (${zone}): a post can only move to a time still ahead.`;
    return { ok: false, reason };
  }
  return { ok: true, at, same: post.current !== null && post.current.getTime() === at.getTime() };
}

// The move dialog's fields, prefilled: the date and time of `instant` in `zone`
// ("2026-12-08", "09:30").
export function dateTimeFields(instant: Date, zone: string): { date: string; time: string } {
  const w = wallTime(instant, zone);
  return { date: civilKey(w), time: `${pad(w.hour)}:${pad(w.minute)}` };
}

// The instant the dialog's date and time mean in `zone`; null when either is incomplete.
export function instantOfFields(date: string, time: string, zone: string): Date | null {
  const c = parseCivil(date);
  const m = /^(\d{2}):(\d{2})(?::\d{2})?$/.exec(time.trim());
  if (!c || !m) return null;
  const hour = Number(m[1]);
  const minute = Number(m[2]);
  if (hour > 23 || minute > 59) return null;
  return instantOf(zone, c.year, c.month, c.day, hour, minute);
}

// Items by the day they fall on in `zone` ("2026-12-08" → items), each day's in time order.
export function byDay<T>(items: T[], at: (item: T) => Date | null, zone: string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  const sorted = items
    .map((item) => ({ item, t: at(item) }))
    .filter((e): e is { item: T; t: Date } => e.t !== null)
    .sort((a, b) => a.t.getTime() - b.t.getTime());
  for (const { item, t } of sorted) {
    const key = civilKey(civilOf(t, zone));
    const list = out.get(key);
    if (list) list.push(item);
    else out.set(key, [item]);
  }
  return out;
}

const scheduleKeys = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"] as const;
export type PostingTimes = Partial<Record<(typeof scheduleKeys)[number], string[]>>;

// The persona's next posting time after `now` (its weekly "HH:MM" times in its zone),
// within the coming week; null without any. What scheduling a draft starts from.
export function nextPostingTime(times: PostingTimes | undefined, zone: string, now: Date): Date | null {
  const today = civilOf(now, zone);
  for (let i = 0; i < 8; i++) {
    const day = addDays(today, i);
    const key = scheduleKeys[weekdayOf(day)];
    for (const text of [...((key && times?.[key]) ?? [])].sort()) {
      const m = /^(\d{2}):(\d{2})$/.exec(text);
      if (!m) continue;
      const at = instantOf(zone, day.year, day.month, day.day, Number(m[1]), Number(m[2]));
      if (at.getTime() > now.getTime()) return at;
    }
  }
  return null;
}
