import type { Schemas } from "../../api/client";
import { browserZone, formatInZone, parseInstant } from "../../lib/time";
import { securityEventLabel } from "../activity/labels";

// "Credentials revealed at 10:32 Europe/London": names an event in its buttons' labels.
export function eventName(event: Schemas["SecurityEvent"]): string {
  const at = parseInstant(event.created_at);
  const zone = browserZone();
  return `${securityEventLabel(event.event_type)} at ${at ? formatInZone(at, zone) : event.created_at} ${zone}`;
}
