// Reveal an account's stored secrets: the user's password again, then the decrypted
// credentials and tokens for 30 seconds (counted down on screen), then hidden again.
// The secret lives only in the dialog's body, which unmounts on close: closing forgets it.
import { useEffect, useRef, useState } from "preact/hooks";
import { api, ApiError, fieldError, type Schemas } from "../../api/client";
import { Dialog, Field, Form, Link, useForm, useNow } from "../../components";
import { secretRows, type Account } from "./account-form";
import { secondsAfter, secondsLeft } from "../../lib/time";
import { platformLabel } from "../../lib/platforms";

const kShownSeconds = 30;

export function RevealButton({ account }: { account: Account }) {
  const [open, setOpen] = useState(false);
  const nothing = !account.has_credentials && !account.has_auth_tokens;
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} disabled={nothing} title={nothing ? "No secrets are stored" : undefined}>
        Reveal credentials
      </button>
      {/* The body has its own buttons, beside what they belong to. */}
      <Dialog open={open} title={`Credentials of @${account.username}`} onClose={() => setOpen(false)} actions={<></>}>
        <RevealBody account={account} onClose={() => setOpen(false)} />
      </Dialog>
    </>
  );
}

interface Shown {
  secrets: Schemas["AccountSecrets"];
  until: Date;
}

function RevealBody({ account, onClose }: { account: Account; onClose: () => void }) {
  const form = useForm({ password: "" });
  const [shown, setShown] = useState<Shown | null>(null);
  const [expired, setExpired] = useState(false);
  const hideButton = useRef<HTMLButtonElement>(null);
  const body = useRef<HTMLDivElement>(null);
  // Re-renders every second; the time left is read from the clock, so a tab that slept
  // (or a test's fast-forwarded clock) hides the secret at its first tick.
  useNow(1000);
  const left = shown ? secondsLeft(shown.until, new Date()) : 0;

  const hide = (byTimer: boolean) => {
    setShown(null);
    setExpired(byTimer);
    requestAnimationFrame(() => body.current?.querySelector<HTMLInputElement>('input[name="password"]')?.focus());
  };
  useEffect(() => {
    if (shown && left === 0) hide(true);
  }, [shown, left]);
  useEffect(() => {
    if (shown) hideButton.current?.focus();
  }, [shown]);

  const reveal = async ({ password }: { password: string }) => {
    if (!password) throw fieldError("password", "Enter your password.");
    try {
      const secrets = await api.post("/api/v1/accounts/{id}/reveal", { path: { id: account.id }, body: { password } });
      form.reset();
      setExpired(false);
      setShown({ secrets, until: secondsAfter(new Date(), kShownSeconds) });
    } catch (e) {
      if (e instanceof ApiError && e.status === 403 && e.code === "reauth_failed") {
        throw fieldError("password", "Wrong password. The failed attempt was logged as a security event.");
      }
      throw e;
    }
  };

  if (!shown) {
    return (
      <div ref={body} class="reveal-body">
        {expired ? (
          <p class="reveal-expired" role="status">
            Hidden again after {kShownSeconds} seconds. Enter your password to see them once more.
          </p>
        ) : (
          <p>
            The stored secrets of @{account.username} on {platformLabel(account.platform_type)}, decrypted, for{" "}
            {kShownSeconds} seconds. Every reveal is logged as a security event.
          </p>
        )}
        <Form
          form={form}
          onSubmit={reveal}
          submitLabel="Reveal"
          busyLabel="Checking…"
          label="Confirm with your password"
          class="form acct-form"
          actions={
            <button type="button" onClick={onClose}>
              Cancel
            </button>
          }
        >
          <Field
            form={form}
            name="password"
            label="Your Persona password"
            type="password"
            autoComplete="current-password"
            autoFocus
            required
          />
        </Form>
      </div>
    );
  }

  return (
    <div class="reveal-shown reveal-body">
      <SecretBlock title="Credentials" value={shown.secrets.credentials} />
      <SecretBlock title="OAuth tokens" value={shown.secrets.auth_tokens} />
      <div class="reveal-countdown">
        <p role="timer" aria-live="off">
          Hidden again in <strong>{left} s</strong>
        </p>
        <button type="button" ref={hideButton} onClick={() => hide(false)}>
          Hide now
        </button>
        <div class="reveal-bar" aria-hidden="true">
          <div style={{ width: `${(left / kShownSeconds) * 100}%` }} />
        </div>
      </div>
      <p class="reveal-logged" role="status">
        This reveal was logged as a security event (see <Link href="/security">Security</Link>).
      </p>
      <div class="dialog-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}

function SecretBlock({ title, value }: { title: string; value: unknown }) {
  if (value === null || value === undefined) {
    return (
      <section class="secret-block" aria-label={title}>
        <h3>{title}</h3>
        <p class="acct-muted">None stored.</p>
      </section>
    );
  }
  const rows = secretRows(value);
  return (
    <section class="secret-block" aria-label={title}>
      <h3>{title}</h3>
      {typeof rows === "string" ? (
        <pre class="secret-text">{rows}</pre>
      ) : (
        <dl class="secret-rows">
          {rows.map((r) => (
            <div key={r.label}>
              <dt>{r.label}</dt>
              <dd>
                <code>{r.value}</code>
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
