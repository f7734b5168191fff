// The master keys' status, read only: which key encrypts new values, how many stored
// values each protects, and plain warnings when some values cannot be read (a key the
// server lacks) or are not encrypted at all. Rotation stays a command on the server.
import { api, type Schemas } from "../../api/client";
import { useResource } from "../../api/resource";
import { DataTable } from "../../components";
import { Section } from "./Section";

type KeyRow = Schemas["KeyStatus"]["keys"][number];

function count(n: number, one: string, many: string): string {
  return `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;
}

export function KeysSection() {
  const status = useResource((signal) => api.get("/api/v1/keys", { signal }), []);
  const data = status.data;
  const unknown = data?.keys.filter((k) => !k.known) ?? [];

  return (
    <Section
      id="settings-keys"
      title="Master keys"
      intro={
        "The keys that encrypt stored secrets (credentials, tokens, proxy passwords, two-factor secrets) across " +
        "this server. Only their ids are shown, never the keys."
      }
    >
      {unknown.map((k) => (
        <div key={k.kid} class="settings-warning" role="alert">
          <p>
            <strong>
              {count(k.values, "value cannot", "values cannot")} be read: key <code>{k.kid}</code> is missing.
            </strong>{" "}
            They were encrypted with a key this server does not have. Put it back into the key file (or{" "}
            <code>PERSONA_MASTER_KEY</code>) and they can be read again.
          </p>
        </div>
      ))}
      {data && data.unencrypted_values > 0 ? (
        <div class="settings-warning" role="alert">
          <p>
            <strong>{count(data.unencrypted_values, "value is", "values are")} stored without encryption</strong> in
            columns meant to be encrypted. There should be none; <code>persona keys status</code> on the server shows
            the columns.
          </p>
        </div>
      ) : null}
      <DataTable<KeyRow>
        caption="Master keys, oldest first"
        rows={data?.keys}
        loading={status.loading}
        error={status.error}
        onRetry={status.reload}
        rowKey={(k) => k.kid}
        emptyText="No master keys are in use yet."
        columns={[
          { header: "Key id", cell: (k) => <code>{k.kid}</code> },
          {
            header: "Status",
            cell: (k) =>
              !k.known ? (
                <span class="settings-key-missing">Missing</span>
              ) : k.current ? (
                <span class="settings-key-current">Current</span>
              ) : (
                "Older"
              ),
          },
          { header: "Values", class: "num", cell: (k) => k.values.toLocaleString("en-GB") },
        ]}
      />
      <p class="settings-note">
        The current key encrypts new values; older keys still decrypt the values they hold. To rotate, run{" "}
        <code>persona keys rotate</code> on the server (new values use the new key at once), then{" "}
        <code>persona keys rewrap</code> to re-encrypt the existing ones under it. The server keeps running meanwhile.
      </p>
      <div>
        <button type="button" onClick={status.reload} disabled={status.loading}>
          {status.loading ? "Counting…" : "Count again"}
        </button>
      </div>
    </Section>
  );
}
