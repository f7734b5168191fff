// A proxy's health as a word in a coloured pill (the word carries the meaning; the
// colour only helps).
import type { Schemas } from "../../api/client";

const words: Record<Schemas["Proxy"]["health_status"], string> = {
  unknown: "not checked",
  healthy: "healthy",
  degraded: "degraded",
  failed: "failed",
};

export function HealthBadge(props: { status: Schemas["Proxy"]["health_status"] }) {
  return <span class={`proxy-health proxy-health-${props.status}`}>{words[props.status]}</span>;
}
