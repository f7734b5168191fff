// The calendar's state in the URL query (view, date, zone, filters), so a reload or a
// shared link shows the same period. Changes replace the history entry: paging through
// weeks makes no trail of pages to go back through.
import { useEffect, useState } from "preact/hooks";
import { location, navigate } from "../../lib/router";
import { isView, type CalendarView } from "./calendar-math";

const keys = ["view", "date", "zone", "persona", "account", "state"] as const;
export type CalendarKey = (typeof keys)[number];

export interface CalendarUrl {
  view: CalendarView;
  // "2026-12-08" or "" (today).
  date: string;
  // An IANA zone or "" (the persona's when one is picked, else the browser's).
  zone: string;
  persona: string;
  account: string;
  state: string;
  set(changes: Partial<Record<CalendarKey, string>>): void;
}

export function useCalendarUrl(): CalendarUrl {
  const { path, search } = location.value;
  const get = (k: CalendarKey) => search.get(k) ?? "";
  const view = get("view");
  return {
    view: isView(view) ? view : "week",
    date: get("date"),
    zone: get("zone"),
    persona: get("persona"),
    account: get("account"),
    state: get("state"),
    set(changes) {
      const next = new URLSearchParams(location.peek().search);
      for (const [k, v] of Object.entries(changes)) {
        if (v) next.set(k, v);
        else next.delete(k);
      }
      const qs = next.toString();
      navigate(path + (qs ? "?" + qs : ""), { replace: true });
    },
  };
}

// Whether a media query matches, following changes (a phone turned, a window resized).
export function useMedia(query: string): boolean {
  const [matches, setMatches] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const list = window.matchMedia(query);
    const change = () => setMatches(list.matches);
    change();
    list.addEventListener("change", change);
    return () => list.removeEventListener("change", change);
  }, [query]);
  return matches;
}

