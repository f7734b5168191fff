// Every time on screen: the instant read in a named zone, with the zone's name beside it
// ("08:30 Asia/Manila"). The persona's zone where a persona is concerned; otherwise the
// browser's (still named). The offset and the UTC instant are in the tooltip.
import { browserZone, formatInZone, offsetLabel, parseInstant, type TimeStyle } from "../lib/time";
import { useNow } from "./useNow";

export interface TimeInZoneProps {
  // An RFC 3339 text from the API, or a Date.
  at: string | Date | null | undefined;
  // An IANA zone; null/undefined: the browser's.
  zone?: string | null;
  // "time" 08:30, "date" 3 Jun 2024, "datetime" (default: the date only when not today),
  // "weekday-time" Mon 08:30.
  style?: TimeStyle;
  // Shown when `at` is null ("never").
  fallback?: string;
}

export function TimeInZone(props: TimeInZoneProps) {
  const zone = props.zone || browserZone();
  const instant = props.at instanceof Date ? props.at : parseInstant(props.at);
  if (!instant) return <span class="time-none">{props.fallback ?? "—"}</span>;
  return (
    <time class="time-in-zone" dateTime={instant.toISOString()} title={`${offsetLabel(instant, zone)} · ${instant.toISOString()}`}>
      {formatInZone(instant, zone, props.style ?? "datetime")} <span class="zone">{zone}</span>
    </time>
  );
}

// The current time in a zone, ticking ("local time now" of a persona).
export function ClockInZone(props: { zone?: string | null; style?: TimeStyle }) {
  const now = useNow(15_000);
  return <TimeInZone at={now} zone={props.zone} style={props.style ?? "weekday-time"} />;
}
