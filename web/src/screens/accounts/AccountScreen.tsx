// One platform account: where it stands today (posts against its limit, cooldown,
// warnings), every field it has to edit, new secrets to replace the stored ones (which
// are never shown here: the reveal asks for the password), and delete.
import { useState } from "preact/hooks";
import { api, type Schemas } from "../../api/client";
import { useResource } from "../../api/resource";
import { ConfirmButton, Field, Form, Link, ListState, Screen, TimeInZone, useForm, useNow } from "../../components";
import { navigate } from "../../lib/router";
import type { ScreenProps } from "../../routes";
import { accountError, accountStatuses, editValues, patchOf, verificationLevels, type Account, type EditValues } from "./account-form";
import { AccountStatusBadge } from "./AccountStatusBadge";
import { RevealButton } from "./RevealDialog";
import { isAfter } from "../../lib/time";
import "./accounts.css";
import { capitalised } from "../../lib/text";
import { platformLabel } from "../../lib/platforms";

type Persona = Schemas["Persona"];

export function AccountScreen({ params }: ScreenProps) {
  const id = params.id ?? "";
  const loaded = useResource((signal) => api.get("/api/v1/accounts/{id}", { path: { id }, signal }), [id]);
  // The answer of the last save, newer than what was loaded.
  const [saved, setSaved] = useState<Account | null>(null);
  const account = saved ?? loaded.data;
  const personaId = account?.persona_id;
  const persona = useResource(
    (signal) => (personaId ? api.get("/api/v1/personas/{id}", { path: { id: personaId }, signal }) : Promise.resolve(undefined)),
    [personaId],
  );
  const p = persona.data;
  const ready = account && p;

  return (
    <Screen
      title={account ? `@${account.username} on ${platformLabel(account.platform_type)}` : "Platform account"}
      actions={ready ? <AccountActions account={account} persona={p} /> : null}
    >
      <ListState
        loading={loaded.loading || persona.loading}
        error={loaded.error ?? persona.error}
        empty={!ready}
        emptyText=""
        onRetry={() => (loaded.error ? loaded.reload() : persona.reload())}
      >
        {ready ? (
          <>
            <p class="account-back">
              <Link href={`/personas/${p.id}/accounts`}>All accounts of {p.name}</Link>
            </p>
            <div class="account-layout">
              <AccountSummary account={account} persona={p} />
              <AccountEditor account={account} persona={p} onSaved={setSaved} />
            </div>
          </>
        ) : null}
      </ListState>
    </Screen>
  );
}

function AccountActions({ account, persona }: { account: Account; persona: Persona }) {
  const name = `@${account.username} on ${platformLabel(account.platform_type)}`;
  return (
    <>
      <RevealButton account={account} />
      <ConfirmButton
        title={`Delete ${name}?`}
        message={`Its stored credentials and tokens, and every post recorded for it, are deleted with it. This cannot be undone.`}
        confirmLabel="Delete account"
        onConfirm={async () => {
          await api.delete("/api/v1/accounts/{id}", { path: { id: account.id } });
          navigate(`/personas/${persona.id}/accounts`, { replace: true });
        }}
      >
        Delete account
      </ConfirmButton>
    </>
  );
}

function AccountSummary({ account: a, persona }: { account: Account; persona: Persona }) {
  const now = useNow(30_000);
  const zone = persona.timezone;
  return (
    <section class="acct-card account-summary" aria-labelledby="account-summary-title">
      <h2 id="account-summary-title">Summary</h2>
      <dl class="acct-facts">
        <div>
          <dt>Persona</dt>
          <dd>
            <Link href={`/personas/${persona.id}`}>{persona.name}</Link>
          </dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>
            <AccountStatusBadge account={a} /> <span class="acct-muted">{capitalised(a.verification_level)} verification</span>
          </dd>
        </div>
        <div>
          <dt>Posts today</dt>
          <dd class={a.daily_posts_count >= a.daily_post_limit ? "limit-reached" : undefined}>
            {a.daily_posts_count} of {a.daily_post_limit}
          </dd>
        </div>
        <div>
          <dt>Cooldown</dt>
          <dd>
            {isAfter(a.cooldown_until, now) ? (
              <span class="cooldown-on">
                until <TimeInZone at={a.cooldown_until} zone={zone} />
              </span>
            ) : (
              "None"
            )}
          </dd>
        </div>
        <div>
          <dt>Warnings</dt>
          <dd class={a.warning_count > 0 ? "warnings-some" : undefined}>{a.warning_count}</dd>
        </div>
        <div>
          <dt>Last post</dt>
          <dd>
            <TimeInZone at={a.last_post_at} zone={zone} fallback="never" />
          </dd>
        </div>
        <div>
          <dt>Last login</dt>
          <dd>
            <TimeInZone at={a.last_login} zone={zone} fallback="never" />
          </dd>
        </div>
        <div>
          <dt>Credentials</dt>
          <dd>{a.has_credentials ? "Stored (encrypted)" : "Not stored"}</dd>
        </div>
        <div>
          <dt>OAuth tokens</dt>
          <dd>{a.has_auth_tokens ? "Stored (encrypted)" : "Not stored"}</dd>
        </div>
        <div>
          <dt>Added</dt>
          <dd>
            <TimeInZone at={a.created_at} zone={zone} />
          </dd>
        </div>
        <div>
          <dt>Changed</dt>
          <dd>
            <TimeInZone at={a.updated_at} zone={zone} />
          </dd>
        </div>
      </dl>
    </section>
  );
}

function AccountEditor(props: { account: Account; persona: Persona; onSaved: (a: Account) => void }) {
  const zone = props.persona.timezone;
  const form = useForm<EditValues>(editValues(props.account, zone));
  const [before, setBefore] = useState(() => editValues(props.account, zone));
  const [message, setMessage] = useState("");

  const submit = async (values: EditValues) => {
    setMessage("");
    const patch = patchOf(values, before, zone);
    if (Object.keys(patch).length === 0) {
      setMessage("Nothing to save: no field was changed.");
      return;
    }
    let updated: Account;
    try {
      updated = await api.patch("/api/v1/accounts/{id}", { path: { id: props.account.id }, body: patch });
    } catch (e) {
      throw accountError(e);
    }
    const next = editValues(updated, zone);
    form.reset(next);
    setBefore(next);
    props.onSaved(updated);
    setMessage(patch.credentials || patch.auth_tokens ? "Saved, with the new secrets." : "Saved.");
  };

  const removeTokens = async () => {
    const updated = await api.patch("/api/v1/accounts/{id}", { path: { id: props.account.id }, body: { auth_tokens: null } });
    props.onSaved(updated);
    setMessage("The OAuth tokens were removed.");
  };

  const stored = [props.account.has_credentials ? "credentials" : "", props.account.has_auth_tokens ? "OAuth tokens" : ""]
    .filter(Boolean)
    .join(" and ");

  return (
    <section class="acct-card account-edit" aria-labelledby="account-edit-title">
      <h2 id="account-edit-title">Edit</h2>
      <Form
        form={form}
        onSubmit={submit}
        submitLabel="Save changes"
        busyLabel="Saving…"
        label="Edit the account"
        class="form acct-form"
        actions={
          <p class="acct-done" role="status">
            {message}
          </p>
        }
      >
        <fieldset>
          <legend>Profile</legend>
          <div class="acct-row">
            <Field form={form} name="username" label="Username" hint="The handle, without the @." autoComplete="off" />
            <Field form={form} name="display_name" label="Display name" autoComplete="off" />
          </div>
          <Field form={form} name="bio" label="Bio" as="textarea" />
          <Field form={form} name="profile_image_url" label="Profile image URL" type="url" inputMode="url" autoComplete="off" />
        </fieldset>

        <fieldset>
          <legend>Standing</legend>
          <div class="acct-row">
            <Field form={form} name="account_status" label="Status" as="select">
              {accountStatuses.map((s) => (
                <option key={s} value={s}>
                  {capitalised(s)}
                </option>
              ))}
            </Field>
            <Field form={form} name="verification_level" label="Verification" as="select">
              {verificationLevels.map((v) => (
                <option key={v} value={v}>
                  {capitalised(v)}
                </option>
              ))}
            </Field>
          </div>
          <div class="acct-row">
            <Field
              form={form}
              name="warning_count"
              label="Warnings"
              type="number"
              inputMode="numeric"
              min={0}
              hint="Warnings the platform has given this account."
            />
            <Field
              form={form}
              name="is_active"
              label="In use"
              type="checkbox"
              hint="Clear it for an account you keep but no longer post from."
            />
          </div>
        </fieldset>

        <fieldset>
          <legend>Limits</legend>
          <div class="acct-row">
            <Field
              form={form}
              name="daily_post_limit"
              label="Daily post limit"
              type="number"
              inputMode="numeric"
              min={1}
              max={1000}
              hint="Publishing past it is refused, from 1 to 1000."
            />
            <div class="cooldown-field">
              <Field
                form={form}
                name="cooldown_until"
                label={`Cooldown until (${zone})`}
                type="datetime-local"
                hint={`No publishing before then, on the wall clock of ${zone}. Empty: none.`}
              />
              <button
                type="button"
                class="link-button"
                onClick={() => form.set("cooldown_until", "")}
                disabled={form.values.value.cooldown_until === ""}
              >
                No cooldown
              </button>
            </div>
          </div>
        </fieldset>

        <fieldset>
          <legend>Audience</legend>
          <div class="acct-row">
            <Field form={form} name="follower_count" label="Followers" type="number" inputMode="numeric" min={0} />
            <Field form={form} name="following_count" label="Following" type="number" inputMode="numeric" min={0} />
          </div>
        </fieldset>

        <fieldset>
          <legend>Platform settings and schedule</legend>
          <Field
            form={form}
            name="platform_settings"
            label="Platform settings (JSON)"
            as="textarea"
            class="acct-mono"
            hint='Posting limits, hashtag preferences: a JSON object such as {"max_hashtags": 5}. Empty: none.'
          />
          <Field
            form={form}
            name="posting_schedule"
            label="Posting schedule (JSON)"
            as="textarea"
            class="acct-mono"
            hint="Platform-specific timing, as a JSON object. Empty: none."
          />
        </fieldset>

        <fieldset>
          <legend>Replace secrets</legend>
          <p class="field-hint">
            Stored now: {stored || "nothing"}. Stored secrets are never shown here (use Reveal credentials). Fill
            these in only to replace them: new credentials replace all the stored ones.
          </p>
          <div class="acct-row">
            <Field form={form} name="credentials.login" label="New login" hint="Email or phone, when it is not the username." autoComplete="off" />
            <Field form={form} name="credentials.password" label="New password" type="password" autoComplete="new-password" />
          </div>
          <Field form={form} name="credentials.notes" label="New other secrets" as="textarea" />
          <Field
            form={form}
            name="auth_tokens"
            label="New OAuth tokens"
            as="textarea"
            class="acct-mono"
            hint="A token, or a JSON object of tokens; replaces the stored ones."
          />
          {props.account.has_auth_tokens ? (
            <ConfirmButton
              message="Remove the stored OAuth tokens of this account? Persona cannot get them back; only the platform can issue new ones."
              confirmLabel="Remove tokens"
              onConfirm={removeTokens}
            >
              Remove the stored OAuth tokens
            </ConfirmButton>
          ) : null}
        </fieldset>
      </Form>
    </section>
  );
}
