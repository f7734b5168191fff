// What the server made of a recorded action: the row, and its risk. The burst rule does
// not refuse an action; it scores it against the persona's usual rate, and a high or
// critical one raises a security event, which is said here plainly.
import { Link, TimeInZone } from "../../components";
import type { Schemas } from "../../api/client";
import { activityTypeLabel } from "./labels";
import type { Persona } from "../../api/personas";
import { platformLabel } from "../../lib/platforms";

export function RecordedNotice(props: { activity: Schemas["Activity"]; persona: Persona | undefined; onDismiss: () => void }) {
  const a = props.activity;
  const who = props.persona?.name ?? "the persona";
  const burst = a.risk_level === "high" || a.risk_level === "critical";
  return (
    <div class={`recorded-notice ${burst ? "recorded-burst" : a.risk_level === "medium" ? "recorded-medium" : ""}`} role={burst ? "alert" : "status"}>
      <p>
        <strong>Recorded:</strong> {activityTypeLabel(a.activity_type)} on {platformLabel(a.platform_type)} for {who},{" "}
        <TimeInZone at={a.created_at} zone={props.persona?.timezone} />.
      </p>
      {burst ? (
        <p>
          <strong>Risk {a.risk_level}</strong> (anomaly score {a.anomaly_score.toFixed(2)}): {who} has done far more by hand in
          the last hour than usual. Such a burst raises a suspicious-activity security event (one per level an hour
          while one is unresolved): <Link href="/security">see Security events</Link>.
        </p>
      ) : a.risk_level === "medium" ? (
        <p>
          <strong>Risk medium</strong> (anomaly score {a.anomaly_score.toFixed(2)}): more actions in the last hour than {who}{" "}
          usually does.
        </p>
      ) : null}
      <button type="button" class="link-button" onClick={props.onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
