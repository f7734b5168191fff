// Two-factor authentication: enrol (QR code or the key by hand, then a code to confirm),
// the recovery codes shown once with a download, and turning it off again.
import { useEffect, useRef, useState } from "preact/hooks";
import { api, describeError, type Schemas } from "../../api/client";
import { loadMe, me } from "../../api/session";
import { Field, Form, useForm } from "../../components";
import { groupSecret, recoveryCodesText } from "./download";
import { blameField } from "./reauth";
import { focusSection, Section } from "./Section";
import { saveFile } from "../../lib/download";

type Enrolment = Schemas["TotpEnrolment"];

export function TwoFactorSection(props: { email: string; enabled: boolean }) {
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);

  let body;
  if (codes) {
    body = (
      <RecoveryCodes
        email={props.email}
        codes={codes}
        onDone={() => {
          setCodes(null);
          focusSection("settings-2fa");
        }}
      />
    );
  }
  else if (enrolment) {
    body = (
      <Enrol
        enrolment={enrolment}
        onCancel={() => {
          setEnrolment(null);
          focusSection("settings-2fa");
        }}
        onEnabled={(recovery) => {
          setEnrolment(null);
          setCodes(recovery);
        }}
      />
    );
  } else if (props.enabled) body = <Disable />;
  else body = <Start onStarted={setEnrolment} />;

  return (
    <Section
      id="settings-2fa"
      title="Two-factor authentication"
      intro={
        <>
          Status:{" "}
          <strong class={props.enabled ? "settings-on" : "settings-off"}>{props.enabled ? "on" : "off"}</strong>.{" "}
          {props.enabled
            ? "Logging in asks for the code of your authenticator app (or a recovery code) after the password."
            : "With it on, logging in also asks for a code from an authenticator app on your phone."}
        </>
      }
    >
      {body}
    </Section>
  );
}

function Start(props: { onStarted: (e: Enrolment) => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      props.onStarted(await api.post("/api/v1/me/2fa/setup"));
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="settings-stack">
      <div>
        <button type="button" class="primary" onClick={start} disabled={busy}>
          {busy ? "Starting…" : "Set up two-factor authentication"}
        </button>
      </div>
      {error ? (
        <p class="form-problem" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function Enrol(props: { enrolment: Enrolment; onCancel: () => void; onEnabled: (codes: string[]) => void }) {
  const form = useForm({ code: "" });
  const heading = useRef<HTMLHeadingElement>(null);
  // The button that started it is gone: the steps take the focus.
  useEffect(() => heading.current?.focus(), []);
  const qr = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(props.enrolment.qr_svg);

  const submit = async (values: typeof form.values.value) => {
    const { recovery_codes } = await api.post("/api/v1/me/2fa/enable", { body: { code: values.code.replace(/\s+/g, "") } });
    props.onEnabled(recovery_codes);
    // The shell's user now has two_factor_enabled.
    await loadMe().catch(() => undefined);
  };

  return (
    <div class="settings-enrol">
      <h3 ref={heading} tabIndex={-1}>
        Set up your authenticator app
      </h3>
      <ol class="settings-steps">
        <li>
          <p>Scan this QR code with your authenticator app (Aegis, FreeOTP, Google Authenticator, 1Password…):</p>
          <img
            class="settings-qr"
            src={qr}
            width={200}
            height={200}
            alt="QR code of the two-factor secret, for the authenticator app"
          />
          <div class="field">
            <label for="settings-2fa-secret">Or enter this key by hand</label>
            {/* A textarea, so the key wraps on a phone instead of hiding its end. */}
            <textarea
              id="settings-2fa-secret"
              class="settings-secret"
              readOnly
              rows={2}
              value={groupSecret(props.enrolment.secret)}
              aria-describedby="settings-2fa-secret-hint"
              onFocus={(e) => e.currentTarget.select()}
            />
            <p id="settings-2fa-secret-hint" class="field-hint">
              Time-based (TOTP), 6 digits, every 30 seconds. The spaces do not matter.
            </p>
          </div>
        </li>
        <li>
          <p>Type the code the app shows now, to prove it is set up.</p>
          <Form
            form={form}
            onSubmit={submit}
            label="Confirm two-factor authentication"
            submitLabel="Turn on two-factor authentication"
            busyLabel="Checking…"
            actions={
              <button type="button" onClick={props.onCancel}>
                Cancel
              </button>
            }
          >
            <Field
              form={form}
              name="code"
              label="Code from the app"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={64}
              required
            />
          </Form>
        </li>
      </ol>
    </div>
  );
}

function RecoveryCodes(props: { email: string; codes: string[]; onDone: () => void }) {
  const [saved, setSaved] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  // The form that was focused is gone: the codes take its place, and the focus.
  useEffect(() => heading.current?.focus(), []);
  const download = () => {
    const text = recoveryCodesText(props.email, props.codes);
    saveFile(new Blob([text], { type: "text/plain;charset=utf-8" }), "persona-recovery-codes.txt");
    setSaved(true);
  };
  return (
    <div class="settings-once" role="group" aria-labelledby="settings-recovery-title">
      <h3 id="settings-recovery-title" ref={heading} tabIndex={-1}>Your recovery codes</h3>
      <p>
        <strong>Save these now: you will not see them again.</strong> If you lose your phone, each code logs you in once
        instead of the authenticator code.
      </p>
      <ul class="settings-codes" aria-label="Recovery codes">
        {props.codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ul>
      <div class="form-actions">
        <button type="button" class="primary" onClick={download}>
          Download the codes (.txt)
        </button>
        <button type="button" onClick={props.onDone}>
          I have saved them
        </button>
      </div>
      <p class="settings-done" role="status">
        {saved ? "Downloaded persona-recovery-codes.txt." : ""}
      </p>
    </div>
  );
}

// Turning it off is rare: the form opens from a button.
function Disable() {
  const [open, setOpen] = useState(false);
  const form = useForm({ password: "", code: "" });
  const box = useRef<HTMLDivElement>(null);
  // Opening moves the focus into the form; closing returns it to the button.
  const opened = useRef(false);
  useEffect(() => {
    if (open) box.current?.querySelector("input")?.focus();
    else if (opened.current) box.current?.querySelector("button")?.focus();
    opened.current = open;
  }, [open]);
  const submit = async (values: typeof form.values.value) => {
    try {
      me.value = await api.post("/api/v1/me/2fa/disable", {
        body: { password: values.password, code: values.code.replace(/\s+/g, "") },
      });
    } catch (e) {
      // The server does not say which of the two was wrong.
      blameField(e, "code", "The password or this code was not accepted (a code works only once).");
    }
  };
  if (!open) {
    return (
      <div ref={box}>
        <button type="button" onClick={() => setOpen(true)}>
          Turn off two-factor authentication…
        </button>
      </div>
    );
  }
  return (
    <div ref={box}>
      <Form
        form={form}
        onSubmit={submit}
        label="Turn off two-factor authentication"
        submitLabel="Turn off two-factor authentication"
        busyLabel="Turning off…"
        actions={
          <button
            type="button"
            onClick={() => {
              form.reset();
              setOpen(false);
            }}
          >
            Cancel
          </button>
        }
      >
        <Field
          form={form}
          name="password"
          label="Your password"
          type="password"
          autoComplete="current-password"
          required
        />
        <Field
          form={form}
          name="code"
          label="Code from the app, or a recovery code"
          autoComplete="one-time-code"
          hint="The code your authenticator app shows now; without the phone, one of your recovery codes."
          required
        />
      </Form>
    </div>
  );
}
