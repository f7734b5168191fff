// A proxy's recent health checks (the server keeps 30 days), newest first, with the
// reason of each failure or slowness.
import { api, type Schemas } from "../../api/client";
import { useResource } from "../../api/resource";
import { DataTable, Dialog, TimeInZone } from "../../components";
import { HealthBadge } from "./HealthBadge";

type Check = Schemas["ProxyHealthCheck"];

export function ChecksDialog(props: { proxy: Schemas["Proxy"]; onClose: () => void }) {
  const checks = useResource(
    (signal) => api.get("/api/v1/proxies/{id}/checks", { path: { id: props.proxy.id }, query: { limit: 20 }, signal }),
    [props.proxy.id],
  );
  return (
    <Dialog open title={`Checks of ${props.proxy.proxy_id}`} onClose={props.onClose}>
      <DataTable<Check>
        caption="The last 20 checks"
        rows={checks.data?.items}
        loading={checks.loading}
        error={checks.error}
        onRetry={checks.reload}
        rowKey={(c) => c.checked_at}
        emptyText="Not checked yet."
        columns={[
          { header: "When", cell: (c) => <TimeInZone at={c.checked_at} /> },
          { header: "Health", cell: (c) => <HealthBadge status={c.health_status} /> },
          { header: "Latency", class: "num", cell: (c) => latencyText(c.response_time_ms) },
          { header: "Why", cell: (c) => c.error ?? "—" },
        ]}
      />
    </Dialog>
  );
}

export function latencyText(ms: number | null): string {
  return ms === null ? "—" : `${ms} ms`;
}
