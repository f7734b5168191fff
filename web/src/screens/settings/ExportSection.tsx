// Data export: everything the user owns as one JSON file; secrets only with the
// password given again.
import { useState } from "preact/hooks";
import { Field, Form, useForm } from "../../components";
import { exportFilename, fetchExport } from "./download";
import { blameField } from "./reauth";
import { Section } from "./Section";
import { fieldError } from "../../api/client";
import { saveFile } from "../../lib/download";

export function ExportSection() {
  const form = useForm<{ include_secrets: boolean; password: string }>({ include_secrets: false, password: "" });
  const [done, setDone] = useState<string | null>(null);
  const withSecrets = form.values.value.include_secrets;

  const submit = async (values: typeof form.values.value) => {
    setDone(null);
    const secrets = values.include_secrets;
    if (secrets && values.password === "") throw fieldError("password", "Enter your password to include the secrets.");
    let blob: Blob;
    try {
      blob = await fetchExport(secrets, values.password);
    } catch (e) {
      blameField(e, "password", "This is not your password.");
    }
    const name = exportFilename();
    saveFile(blob, name);
    form.reset();
    setDone(`Downloaded ${name}${secrets ? ", with the secrets: keep it somewhere safe" : ""}.`);
  };

  return (
    <Section
      id="settings-export"
      title="Data export"
      intro={
        "Everything you own (personas, accounts, sessions, posts, templates, proxies, activity) as one JSON file. " +
        "Password hashes are never in it."
      }
    >
      <Form form={form} onSubmit={submit} label="Export your data" submitLabel="Download export" busyLabel="Preparing…">
        <Field
          form={form}
          name="include_secrets"
          type="checkbox"
          label="Include the secrets, decrypted (account credentials, tokens, proxy passwords, the two-factor secret)"
        />
        {withSecrets ? (
          <Field
            form={form}
            name="password"
            label="Your password"
            type="password"
            autoComplete="current-password"
            hint={
              "Asked again because the file will hold every secret in plain text. " +
              "The export is recorded as a security event."
            }
            required
          />
        ) : null}
      </Form>
      <p class="settings-done" role="status">
        {done ?? ""}
      </p>
    </Section>
  );
}
