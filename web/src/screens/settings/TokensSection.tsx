// API tokens: the list (never their values), a new one shown once with a copy button,
// and revoking one (asked first).
import { useEffect, useRef, useState } from "preact/hooks";
import { api, type Schemas } from "../../api/client";
import { useResource } from "../../api/resource";
import { ConfirmButton, DataTable, Field, Form, TimeInZone, useForm } from "../../components";
import { focusSection, Section } from "./Section";

type Token = Schemas["ApiToken"];
type Created = Schemas["CreatedApiToken"];

export function TokensSection() {
  const list = useResource((signal) => api.get("/api/v1/me/tokens", { signal }), []);
  const form = useForm({ name: "" });
  const [created, setCreated] = useState<Created | null>(null);
  // After a delete the row and its button go once the list is loaded again: then the
  // focus goes to the section's heading instead of the page.
  const refocus = useRef(false);
  useEffect(() => {
    if (!refocus.current || list.loading) return;
    refocus.current = false;
    focusSection("settings-tokens");
  }, [list.loading]);

  const create = async (values: typeof form.values.value) => {
    setCreated(await api.post("/api/v1/me/tokens", { body: { name: values.name.trim() } }));
    form.reset();
    list.reload();
  };
  const revoke = async (token: Token) => {
    await api.delete("/api/v1/me/tokens/{id}", { path: { id: token.id } });
    if (created?.id === token.id) setCreated(null);
    refocus.current = true;
    list.reload();
  };

  return (
    <Section
      id="settings-tokens"
      title="API tokens"
      intro={
        <>
          For scripts: send a token as <code>Authorization: Bearer …</code>. A token acts as you, without the
          password or two-factor code.
        </>
      }
    >
      {created ? (
        <CreatedToken
          token={created}
          onDone={() => {
            setCreated(null);
            focusSection("settings-tokens");
          }}
        />
      ) : null}
      <Form form={form} onSubmit={create} label="Create an API token" submitLabel="Create token" busyLabel="Creating…">
        <Field
          form={form}
          name="name"
          label="Token name"
          hint="What it is for, e.g. backup-script. Up to 100 characters."
          maxLength={100}
          required
        />
      </Form>
      <DataTable<Token>
        caption="Your API tokens"
        rows={list.data?.items}
        loading={list.loading}
        error={list.error}
        onRetry={list.reload}
        rowKey={(t) => t.id}
        emptyText="No API tokens yet."
        columns={[
          { header: "Name", cell: (t) => <span class="settings-token-name">{t.name}</span> },
          { header: "Created", cell: (t) => <TimeInZone at={t.created_at} /> },
          { header: "Last used", cell: (t) => <TimeInZone at={t.last_used_at} fallback="never" /> },
          {
            header: <span class="visually-hidden">Actions</span>,
            cell: (t) => (
              <ConfirmButton
                ariaLabel={`Delete token ${t.name}`}
                title={`Delete the token “${t.name}”?`}
                message="Scripts using this token stop working at once. This cannot be undone."
                confirmLabel="Delete token"
                onConfirm={() => revoke(t)}
              >
                Delete
              </ConfirmButton>
            ),
          },
        ]}
      />
    </Section>
  );
}

function CreatedToken(props: { token: Created; onDone: () => void }) {
  const [copy, setCopy] = useState<"idle" | "copied" | "failed">("idle");
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [props.token.id]);

  const copyToken = async () => {
    try {
      await navigator.clipboard.writeText(props.token.token);
      setCopy("copied");
    } catch {
      setCopy("failed");
    }
  };

  return (
    <div class="settings-once" role="group" aria-labelledby="settings-token-title">
      <h3 id="settings-token-title" ref={heading} tabIndex={-1}>
        New token “{props.token.name}”
      </h3>
      <p>
        <strong>Copy it now: you will not see it again.</strong> Only a hash of it is stored.
      </p>
      <div class="field">
        <label for="settings-token-value">Token value</label>
        <div class="settings-copy-row">
          <textarea
            id="settings-token-value"
            class="settings-secret"
            readOnly
            rows={2}
            value={props.token.token}
            onFocus={(e) => e.currentTarget.select()}
          />
          <button type="button" class="primary" onClick={copyToken}>
            Copy
          </button>
        </div>
      </div>
      <p class="settings-done" role="status">
        {copy === "copied"
          ? "Copied to the clipboard."
          : copy === "failed"
            ? "Could not copy: select the token and copy it by hand."
            : ""}
      </p>
      <div class="form-actions">
        <button type="button" onClick={props.onDone}>
          Done
        </button>
      </div>
    </div>
  );
}
