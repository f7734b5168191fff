// Change the password: the current one again, the new one twice. Success refreshes `me`,
// so the shell's "generated password unchanged" banner goes away.
import { useState } from "preact/hooks";
import { api, fieldError } from "../../api/client";
import { me } from "../../api/session";
import { Field, Form, useForm } from "../../components";
import { blameField } from "./reauth";
import { Section } from "./Section";

export function PasswordSection() {
  const form = useForm({ current_password: "", new_password: "", repeat_password: "" });
  const [done, setDone] = useState(false);

  const submit = async (values: typeof form.values.value) => {
    setDone(false);
    if (values.new_password !== values.repeat_password) {
      throw fieldError("repeat_password", "The two new passwords differ.");
    }
    try {
      me.value = await api.patch("/api/v1/me", {
        body: { current_password: values.current_password, new_password: values.new_password },
      });
    } catch (e) {
      blameField(e, "current_password", "This is not your current password.");
    }
    form.reset();
    setDone(true);
  };

  return (
    <Section id="settings-password" title="Password">
      <Form form={form} onSubmit={submit} label="Change password" submitLabel="Change password" busyLabel="Changing…">
        <Field
          form={form}
          name="current_password"
          label="Current password"
          type="password"
          autoComplete="current-password"
          required
        />
        <Field
          form={form}
          name="new_password"
          label="New password"
          type="password"
          autoComplete="new-password"
          hint="At least 8 characters; a few unrelated words make a good one."
          required
        />
        <Field
          form={form}
          name="repeat_password"
          label="Repeat the new password"
          type="password"
          autoComplete="new-password"
          required
        />
      </Form>
      <p class="settings-done" role="status">
        {done ? "Password changed. Your other sessions were logged out." : ""}
      </p>
    </Section>
  );
}
