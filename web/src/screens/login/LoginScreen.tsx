// Login: email and password; then, when the server answers "totp_required", the code of
// the authenticator app (or a recovery code). A throttled login says when to try again.
import { useEffect, useState } from "preact/hooks";
import { ApiError } from "../../api/client";
import { login } from "../../api/session";
import { Field, Form, TimeInZone, useForm, useNow } from "../../components";
import { formatDuration } from "../../lib/time";
import { location, navigate, safeNext } from "../../lib/router";

type Step = "password" | "code";

export function LoginScreen() {
  const form = useForm({ email: "", password: "", totp_code: "", recovery_code: "" });
  const [step, setStep] = useState<Step>("password");
  const [useRecovery, setUseRecovery] = useState(false);
  const [retryAt, setRetryAt] = useState<Date | null>(null);
  const now = useNow(1000);
  const waiting = retryAt !== null && retryAt > now;

  useEffect(() => {
    document.title = "Log in · Persona";
  }, []);

  const submit = async (values: typeof form.values.value) => {
    try {
      await login({
        email: values.email,
        password: values.password,
        ...(step === "code" && !useRecovery ? { totp_code: values.totp_code.trim() } : {}),
        ...(step === "code" && useRecovery ? { recovery_code: values.recovery_code.trim() } : {}),
      });
      navigate(safeNext(location.value.search.get("next")), { replace: true });
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (e.status === 401 && e.code === "totp_required") {
        setStep("code");
        // Not an error: the next field asks for the code.
        requestAnimationFrame(() => document.getElementById("login-code")?.querySelector("input")?.focus());
        return;
      }
      if (e.status === 429) {
        // Said below with the time to wait, instead of the server's generic detail.
        setRetryAt(new Date(Date.now() + (e.retryAfter ?? 60) * 1000));
        return;
      }
      if (e.status === 401) {
        // The server does not say which part was wrong (on purpose): the message goes
        // beside the last thing typed.
        const field = step === "code" ? (useRecovery ? "recovery_code" : "totp_code") : "password";
        const message =
          step === "code"
            ? "This code was not accepted: it is wrong, expired or already used."
            : "Invalid email or password.";
        throw new ApiError(401, message, { type: "about:blank", title: "Unauthorized", status: 401, detail: message, errors: [{ field, message }] });
      }
      throw e;
    }
  };

  return (
    <div class="login">
      <section class="login-card" aria-labelledby="login-title">
        <h1 id="login-title">Log in to Persona</h1>
        <Form
          form={form}
          onSubmit={submit}
          submitLabel={step === "code" ? "Verify and log in" : "Log in"}
          busyLabel="Logging in…"
          disabled={waiting}
          actions={
            step === "code" ? (
              <button
                type="button"
                onClick={() => {
                  setStep("password");
                  form.reset({ ...form.values.value, totp_code: "", recovery_code: "" });
                }}
              >
                Back
              </button>
            ) : null
          }
        >
          <Field form={form} name="email" label="Email" type="email" autoComplete="username" required readOnly={step === "code"} />
          <Field
            form={form}
            name="password"
            label="Password"
            type="password"
            autoComplete="current-password"
            required
            readOnly={step === "code"}
          />
          {step === "code" ? (
            <div id="login-code" class="login-code">
              <p>Two-factor authentication is on for this account.</p>
              {useRecovery ? (
                <Field
                  form={form}
                  name="recovery_code"
                  label="Recovery code"
                  autoComplete="off"
                  hint="One of the codes you saved when you turned on two-factor authentication. Each works once."
                  required
                />
              ) : (
                <Field
                  form={form}
                  name="totp_code"
                  label="Authentication code"
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  hint="The 6-digit code your authenticator app shows now."
                  required
                />
              )}
              <button type="button" class="link-button" onClick={() => setUseRecovery(!useRecovery)}>
                {useRecovery ? "Use the authenticator code instead" : "Use a recovery code instead"}
              </button>
            </div>
          ) : null}
          <div class="form-problem" role="alert" hidden={!waiting}>
            {waiting && retryAt ? (
              <p>
                Too many failed logins. Try again in {formatDuration((retryAt.getTime() - now.getTime()) / 1000)} (at{" "}
                <TimeInZone at={retryAt} style="time" />
                ).
              </p>
            ) : null}
          </div>
        </Form>
      </section>
    </div>
  );
}
