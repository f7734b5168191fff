// A persona's platform accounts: what each may still post today, cooldowns and
// warnings at a glance, and a form to add one (its credentials are stored encrypted and
// never shown again, except through the reveal on the account's screen).
import { useState } from "preact/hooks";
import { api, fieldError, type Schemas } from "../../api/client";
import { useResource } from "../../api/resource";
import {
  ClockInZone,
  DataTable,
  Field,
  Form,
  InfiniteList,
  Link,
  ListState,
  Screen,
  TimeInZone,
  useForm,
  useNow,
  type Column,
} from "../../components";
import type { ScreenProps } from "../../routes";
import { accountError, credentialsFrom, handle, tokensFrom, wholeNumber, type Account } from "./account-form";
import { AccountStatusBadge } from "./AccountStatusBadge";
import { isAfter } from "../../lib/time";
import "./accounts.css";
import { type Platform, platformLabel, platforms } from "../../lib/platforms";

type Persona = Schemas["Persona"];

export function AccountsScreen({ params }: ScreenProps) {
  const personaId = params.id ?? "";
  const persona = useResource((signal) => api.get("/api/v1/personas/{id}", { path: { id: personaId }, signal }), [personaId]);
  // Bumped after an account is added: the list loads again from its first page.
  const [generation, setGeneration] = useState(0);
  const p = persona.data;

  return (
    <Screen
      title={p ? `Platform accounts of ${p.name}` : "Platform accounts"}
      actions={p ? <Link href={`/personas/${p.id}`}>Back to {p.name}</Link> : null}
    >
      <ListState loading={persona.loading} error={persona.error} empty={!p} emptyText="" onRetry={persona.reload}>
        {p ? (
          <>
            <p class="accounts-zone">
              Times are in {p.name}’s time zone; it is now <ClockInZone zone={p.timezone} /> there.
            </p>
            <AccountList persona={p} resetKey={generation} />
            <AddAccount persona={p} onAdded={() => setGeneration((g) => g + 1)} />
          </>
        ) : null}
      </ListState>
    </Screen>
  );
}

function AccountList({ persona, resetKey }: { persona: Persona; resetKey: number }) {
  return (
    <InfiniteList<Account>
      label={`Accounts of ${persona.name}`}
      resetKey={resetKey}
      load={(cursor, signal) =>
        api.get("/api/v1/personas/{id}/accounts", { path: { id: persona.id }, query: { cursor: cursor ?? undefined }, signal })
      }
      itemKey={(a) => a.id}
      emptyText={<p>No platform accounts yet. Add the first one below.</p>}
      render={(items) => <AccountTable persona={persona} accounts={items} />}
    />
  );
}

function AccountTable({ persona, accounts }: { persona: Persona; accounts: Account[] }) {
  const now = useNow(30_000);
  const zone = persona.timezone;
  const columns: Column<Account>[] = [
    {
      header: "Account",
      cell: (a) => (
        <div class="account-cell">
          <Link href={`/accounts/${a.id}`} aria-label={`@${a.username} on ${platformLabel(a.platform_type)}`}>
            @{a.username}
          </Link>
          {a.display_name ? <span class="account-sub">{a.display_name}</span> : null}
        </div>
      ),
    },
    { header: "Platform", cell: (a) => platformLabel(a.platform_type) },
    { header: "Status", cell: (a) => <AccountStatusBadge account={a} /> },
    {
      header: "Posts today",
      class: "num",
      cell: (a) => (
        <span class={a.daily_posts_count >= a.daily_post_limit ? "limit-reached" : undefined}>
          {a.daily_posts_count} of {a.daily_post_limit}
        </span>
      ),
    },
    {
      header: "Cooldown",
      cell: (a) =>
        isAfter(a.cooldown_until, now) ? (
          <span class="cooldown-on">
            until <TimeInZone at={a.cooldown_until} zone={zone} />
          </span>
        ) : (
          <span class="acct-muted">None</span>
        ),
    },
    {
      header: "Warnings",
      class: "num",
      cell: (a) => <span class={a.warning_count > 0 ? "warnings-some" : "acct-muted"}>{a.warning_count}</span>,
    },
    {
      header: "Last post",
      cell: (a) => <TimeInZone at={a.last_post_at} zone={zone} fallback="never" />,
    },
    {
      header: "Secrets stored",
      cell: (a) => [a.has_credentials ? "credentials" : null, a.has_auth_tokens ? "OAuth tokens" : null].filter(Boolean).join(", ") || "none",
    },
  ];
  return (
    <DataTable
      caption={`Accounts of ${persona.name}`}
      columns={columns}
      rows={accounts}
      rowKey={(a) => a.id}
      emptyText="No platform accounts yet."
    />
  );
}

function AddAccount({ persona, onAdded }: { persona: Persona; onAdded: (a: Account) => void }) {
  const initial = {
    platform_type: "twitter",
    username: "",
    display_name: "",
    daily_post_limit: "10",
    "credentials.login": "",
    "credentials.password": "",
    "credentials.notes": "",
    auth_tokens: "",
  };
  const form = useForm(initial);
  const [added, setAdded] = useState<Account | null>(null);

  const submit = async (v: typeof initial) => {
    setAdded(null);
    const credentials = credentialsFrom({
      login: v["credentials.login"],
      password: v["credentials.password"],
      notes: v["credentials.notes"],
    });
    if (!credentials) throw fieldError("credentials.password", "is required: the password (or at least another secret)");
    try {
      const created = await api.post("/api/v1/personas/{id}/accounts", {
        path: { id: persona.id },
        body: {
          platform_type: v.platform_type as Platform,
          username: handle(v.username),
          display_name: v.display_name.trim() || null,
          daily_post_limit: wholeNumber("daily_post_limit", v.daily_post_limit),
          credentials,
          auth_tokens: tokensFrom(v.auth_tokens),
        },
      });
      form.reset({ ...initial, platform_type: v.platform_type });
      setAdded(created);
      onAdded(created);
    } catch (e) {
      throw accountError(e);
    }
  };

  return (
    <section class="add-account acct-card" aria-labelledby="add-account-title">
      <h2 id="add-account-title">Add an account</h2>
      <p class="acct-muted">An account {persona.name} already has on a platform: Persona records it, it does not sign up anywhere.</p>
      <Form form={form} onSubmit={submit} submitLabel="Add account" busyLabel="Adding…" label="Add an account" class="form acct-form">
        <fieldset>
          <legend>The account</legend>
          <div class="acct-row">
            <Field form={form} name="platform_type" label="Platform" as="select">
              {platforms.map((p) => (
                <option key={p} value={p}>
                  {platformLabel(p)}
                </option>
              ))}
            </Field>
            <Field form={form} name="username" label="Username" hint="The handle, without the @." autoComplete="off" required />
          </div>
          <div class="acct-row">
            <Field form={form} name="display_name" label="Display name" hint="Optional." autoComplete="off" />
            <Field
              form={form}
              name="daily_post_limit"
              label="Daily post limit"
              type="number"
              inputMode="numeric"
              min={1}
              max={1000}
              hint="Posts a day, from 1 to 1000."
            />
          </div>
        </fieldset>
        <fieldset>
          <legend>Secrets</legend>
          <p class="field-hint">Stored encrypted. They are never shown again, except when you reveal them with your password.</p>
          <div class="acct-row">
            <Field
              form={form}
              name="credentials.login"
              label="Login"
              hint="The email or phone used to sign in, when it is not the username."
              autoComplete="off"
            />
            <Field form={form} name="credentials.password" label="Password" type="password" autoComplete="new-password" required />
          </div>
          <Field form={form} name="credentials.notes" label="Other secrets" as="textarea" hint="Optional: recovery codes, security answers." />
          <Field
            form={form}
            name="auth_tokens"
            label="OAuth tokens"
            as="textarea"
           
            class="acct-mono"
            hint='Optional: a token, or a JSON object such as {"access_token": "…", "refresh_token": "…"}.'
          />
        </fieldset>
      </Form>
      <p class="acct-done" role="status">
        {added ? (
          <>
            Added <Link href={`/accounts/${added.id}`}>@{added.username}</Link> on {platformLabel(added.platform_type)}.
          </>
        ) : null}
      </p>
    </section>
  );
}
