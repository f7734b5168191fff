// Deleting the account: the email typed out, then the password; everything owned goes in
// one transaction and the browser is back at the login.
import { api } from "../../api/client";
import { me } from "../../api/session";
import { Field, Form, useForm } from "../../components";
import { navigate } from "../../lib/router";
import { blameField } from "./reauth";
import { Section } from "./Section";

export function DeleteAccountSection(props: { email: string }) {
  const form = useForm({ confirm_email: "", password: "" });
  const typed = String(form.values.value.confirm_email).trim().toLowerCase();
  const confirmed = typed === props.email.toLowerCase();

  const submit = async (values: typeof form.values.value) => {
    try {
      await api.delete("/api/v1/me", { body: { password: values.password } });
    } catch (e) {
      blameField(e, "password", "This is not your password.");
    }
    // To the login first: the shell would otherwise send us there with ?next=/settings.
    navigate("/login", { replace: true });
    me.value = null;
  };

  return (
    <Section
      id="settings-delete"
      title="Delete the account"
      intro={
        <>
          Deletes <strong>{props.email}</strong> and everything it owns: personas with their accounts, sessions and posts,
          templates, proxies, activity, API tokens. Security events stay for their year, without your name. This cannot
          be undone; download an export first if you may want the data.
        </>
      }
    >
      <Form
        form={form}
        onSubmit={submit}
        class="form settings-delete-form"
        label="Delete the account"
        submitLabel="Delete my account and all its data"
        busyLabel="Deleting…"
        disabled={!confirmed}
      >
        <Field
          form={form}
          name="confirm_email"
          label="Type your email to confirm"
          hint={`Type ${props.email}.`}
          autoComplete="off"
          spellcheck={false}
          required
        />
        <Field
          form={form}
          name="password"
          label="Your password"
          type="password"
          autoComplete="current-password"
          disabled={!confirmed}
          required
        />
      </Form>
    </Section>
  );
}
