// The import box: a pasted list, one proxy a line, and the city (and country) they are
// in. What was imported and each refused line (its number and the server's message)
// are shown below, so one typo does not hide the rest.
import { useState } from "preact/hooks";
import { ApiError } from "../../api/client";
import { importProxies, refusedLines, type ProxyImportResult } from "../../api/proxies";
import { Field, Form, useForm } from "../../components";

export function ImportBox(props: { onImported: () => void }) {
  const form = useForm({ text: "", city: "", country_code: "PH" });
  const [result, setResult] = useState<ProxyImportResult | null>(null);

  const submit = async (values: typeof form.values.value) => {
    if (!values.text.trim()) {
      const message = "Paste at least one line.";
      throw new ApiError(422, message, {
        type: "about:blank",
        title: "Unprocessable Content",
        status: 422,
        detail: message,
        errors: [{ field: "text", message }],
      });
    }
    const country = values.country_code.trim().toUpperCase();
    const answer = await importProxies(values.text, { city: values.city.trim(), country_code: country || undefined });
    setResult(answer);
    // The imported lines (and their passwords) leave the box; the refused ones stay, in
    // order, ready to be fixed and imported again.
    form.set("text", refusedLines(values.text, answer.errors));
    if (answer.imported.length > 0) props.onImported();
  };

  return (
    <section class="proxies-import" aria-labelledby="proxies-import-title">
      <h2 id="proxies-import-title">Import a list</h2>
      <Form form={form} onSubmit={submit} submitLabel="Import" busyLabel="Importing…" label="Import proxies" class="form proxies-import-form">
        <Field
          form={form}
          name="text"
          label="Proxy list"
          as="textarea"
          spellcheck={false}
          autoComplete="off"
          class="proxies-import-text"
          hint={
            <>
              One a line: <code>host:port:user:pass</code> or <code>user:pass@host:port</code>. IP addresses only (IPv6
              in brackets); lines starting with <code>#</code> are skipped.
            </>
          }
        />
        <div class="proxies-import-where">
          <Field form={form} name="city" label="City" required autoComplete="off" hint="Of every proxy in the list." />
          <Field
            form={form}
            name="country_code"
            label="Country code"
            maxLength={2}
            autoComplete="off"
            class="proxies-country"
            hint="Two letters, e.g. PH."
          />
        </div>
      </Form>
      {result ? <ImportResult result={result} /> : null}
    </section>
  );
}

function ImportResult({ result }: { result: ProxyImportResult }) {
  const { imported, errors } = result;
  return (
    <div class="proxies-import-result" role="status">
      <h3>
        {imported.length === 1 ? "1 proxy imported" : `${imported.length} proxies imported`}
        {errors.length > 0 ? `, ${errors.length === 1 ? "1 line" : `${errors.length} lines`} refused` : ""}
      </h3>
      {imported.length > 0 ? (
        <ul class="proxies-imported">
          {imported.map((p) => (
            <li key={p.id}>
              <code>{p.proxy_id}</code>
            </li>
          ))}
        </ul>
      ) : null}
      {errors.length > 0 ? (
        <>
          <ul class="proxies-import-errors" aria-label="Refused lines">
            {errors.map((e) => (
              <li key={e.line}>
                <strong>Line {e.line}</strong>: {e.message}
              </li>
            ))}
          </ul>
          <p class="proxies-sub">The refused lines are left in the box, in this order, to fix and import again.</p>
        </>
      ) : null}
    </div>
  );
}
