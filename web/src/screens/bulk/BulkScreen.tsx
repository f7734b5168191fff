// Planning in bulk: a CSV file of planned posts imported at once (each bad row told by
// its number and the server's message, the good ones imported all the same), and the
// posts with their engagement exported as CSV, filtered like the posts list.
import type { ComponentChildren } from "preact";
import { useEffect, useId, useRef, useState } from "preact/hooks";
import { api, ApiError, fieldError, type Schemas } from "../../api/client";
import { useResource } from "../../api/resource";
import { DataTable, Field, Form, Link, Screen, TimeInZone, useForm, type Column, type FormState } from "../../components";
import { browserZone, dateKey, instantOfLocalInput } from "../../lib/time";
import type { ScreenProps } from "../../routes";
import { exampleCsv, exportPosts, importColumns, importPosts, type ImportResult } from "./posts-csv";
import "./bulk.css";
import { plural } from "../../lib/text";
import { platformLabel } from "../../lib/platforms";
import { type Persona, sortedByName, usePersonas } from "../../api/personas";
import { saveFile } from "../../lib/download";

type Account = Schemas["Account"];
type Post = Schemas["Post"];

// Every account of every persona (a handful each), for the filters and the example.
function useAccounts(personas: Persona[] | undefined) {
  const ids = (personas ?? []).map((p) => p.id).join(",");
  return useResource(async (signal) => {
    const lists = await Promise.all(
      (personas ?? []).map((p) =>
        api.get("/api/v1/personas/{id}/accounts", { path: { id: p.id }, query: { limit: 200 }, signal }),
      ),
    );
    return lists.flatMap((l) => l.items);
  }, [ids]);
}

export function BulkScreen(_props: ScreenProps) {
  const personas = usePersonas();
  const accounts = useAccounts(personas.list);
  const templates = useResource((signal) => api.get("/api/v1/templates", { query: { limit: 1 }, signal }), []);
  return (
    <Screen
      title="Import and export posts"
      actions={
        <Link class="bulk-button" href="/templates">
          Templates
        </Link>
      }
    >
      <ImportSection
        personas={personas.list}
        accounts={accounts.data}
        templateId={templates.data?.items[0]?.id}
        byId={personas.byId}
      />
      <ExportSection personas={personas.list} accounts={accounts.data} />
    </Screen>
  );
}

// ---------------------------------------------------------------- import

// A labelled file picker wired like a Field: its error (form.errors.get(name)) beside
// it, described by its hint and error.
function FileField(props: {
  form: FormState<{ file: string }>;
  label: string;
  hint: ComponentChildren;
  onFile: (file: File | null) => void;
  inputRef: { current: HTMLInputElement | null };
}) {
  const { form } = props;
  const id = useId();
  useEffect(() => {
    form.fields.add("file");
    return () => form.fields.delete("file");
  }, [form]);
  const error = form.errors.value.get("file");
  const describedBy = [error ? `${id}-error` : "", `${id}-hint`].filter(Boolean).join(" ");
  return (
    <div class={"field" + (error ? " field-invalid" : "")}>
      <label for={id}>{props.label}</label>
      <input
        ref={props.inputRef}
        id={id}
        name="file"
        type="file"
        accept=".csv,text/csv"
        aria-describedby={describedBy}
        aria-invalid={error ? "true" : undefined}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0] ?? null;
          form.set("file", file?.name ?? "");
          props.onFile(file);
        }}
      />
      <p id={`${id}-hint`} class="field-hint">
        {props.hint}
      </p>
      {error ? (
        <p id={`${id}-error`} class="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function ImportSection(props: {
  personas: Persona[] | undefined;
  accounts: Account[] | undefined;
  templateId: string | undefined;
  byId: Map<string, Persona>;
}) {
  const form = useForm({ file: "" });
  const file = useRef<File | null>(null);
  const input = useRef<HTMLInputElement | null>(null);
  const [result, setResult] = useState<{ name: string; answer: ImportResult } | null>(null);

  const submit = async () => {
    const chosen = file.current;
    if (!chosen) throw fieldError("file", "Choose a CSV file first.");
    setResult(null);
    // Whatever the outcome, the file is chosen anew for the next import: the same file
    // again would import its good rows twice, and a file fixed on disk since it was
    // chosen can no longer be read through the old choice.
    file.current = null;
    if (input.current) input.current.value = "";
    const answer = await importPosts(chosen).catch((e: unknown) => {
      throw fileError(e);
    });
    setResult({ name: chosen.name, answer });
    form.reset();
  };

  const example = () => {
    const account = props.accounts?.[0];
    const persona = account ? props.byId.get(account.persona_id) : sortedByName(props.personas)[0];
    const csv = exampleCsv({
      persona: persona?.name ?? "Maria Santos",
      account: account?.username ?? "maria_kape",
      zone: persona?.timezone ?? browserZone(),
      templateId: props.templateId,
    });
    saveFile(new Blob([csv], { type: "text/csv" }), "posts-example.csv");
  };

  return (
    <section class="bulk-section" aria-labelledby="bulk-import-title">
      <h2 id="bulk-import-title">Import planned posts</h2>
      <p>
        A CSV file with a header line naming its columns, up to 1000 rows. Each row becomes a draft, or a scheduled post
        when it has a local time, checked exactly as in the composer; a bad row is reported by its number and the others
        are imported all the same.
      </p>
      <div class="table-wrap bulk-columns" role="region" aria-label="CSV columns" tabIndex={0}>
        <table>
          <caption>The columns</caption>
          <thead>
            <tr>
              <th scope="col">Column</th>
              <th scope="col">Meaning</th>
            </tr>
          </thead>
          <tbody>
            {importColumns.map((c) => (
              <tr key={c.name}>
                <td>
                  <code>{c.name}</code>
                  {c.required ? <span class="bulk-required"> required</span> : null}
                </td>
                <td>{c.meaning}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="bulk-note">
        A text or a template column is needed (or both). Cells with commas, quotes or line breaks go in double quotes.{" "}
        <button type="button" class="link-button" onClick={example}>
          Download an example CSV
        </button>{" "}
        {props.accounts?.[0] ? "(for your first account, ready to import)." : ""}
      </p>
      <Form form={form} onSubmit={submit} submitLabel="Import" busyLabel="Importing…" label="Import posts" class="form bulk-form">
        <FileField
          form={form}
          label="CSV file"
          inputRef={input}
          hint="Saved from a spreadsheet as CSV (UTF-8)."
          onFile={(f) => (file.current = f)}
        />
      </Form>
      {result ? <ImportOutcome name={result.name} answer={result.answer} byId={props.byId} accounts={props.accounts} /> : null}
    </section>
  );
}

// A refusal of the whole file (its header, its quoting, its size) told beside the picker.
function fileError(e: unknown): unknown {
  if (!(e instanceof ApiError) || e.status !== 422) return e;
  const errors = e.problem?.errors ?? [];
  const header = errors.filter((f) => f.field !== "");
  const what = header.length === 0 ? e.detail : "The header line: " + header.map((f) => `${f.field} ${f.message}`).join("; ");
  return fieldError("file", `${what}. Nothing was imported; fix the file and choose it again.`);
}

function ImportOutcome(props: { name: string; answer: ImportResult; byId: Map<string, Persona>; accounts: Account[] | undefined }) {
  const { imported, errors } = props.answer;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [props.answer]);
  const accountOf = (p: Post) => props.accounts?.find((a) => a.id === p.platform_account_id);
  const columns: Column<Post>[] = [
    { header: "Persona", cell: (p) => props.byId.get(p.persona_id)?.name ?? "—" },
    {
      header: "Account",
      cell: (p) => {
        const a = accountOf(p);
        return a ? `${a.username} · ${platformLabel(a.platform_type)}` : "—";
      },
    },
    {
      header: "When",
      cell: (p) =>
        p.scheduled_for ? (
          <TimeInZone at={p.scheduled_for} zone={props.byId.get(p.persona_id)?.timezone} />
        ) : (
          <span class="bulk-muted">draft</span>
        ),
    },
    { header: "Text", cell: (p) => <span class="bulk-text">{p.final_content}</span> },
    {
      header: "Warnings",
      cell: (p) =>
        p.warnings && p.warnings.length > 0 ? (
          <ul class="bulk-warnings">
            {p.warnings.map((w, i) => (
              <li key={i}>{w.message}</li>
            ))}
          </ul>
        ) : (
          <span class="bulk-muted">none</span>
        ),
    },
    {
      header: "Post",
      cell: (p) => (
        <Link href={`/posts/${p.id}`} aria-label={`Open the post "${p.final_content.slice(0, 40)}"`}>
          Open
        </Link>
      ),
    },
  ];
  return (
    <div class="bulk-outcome">
      <h3 ref={heading} tabIndex={-1}>
        {props.name}: {plural(imported.length, "post imported", "posts imported")}
        {errors.length > 0 ? `, ${plural(errors.length, "row refused", "rows refused")}` : ""}
      </h3>
      {errors.length > 0 ? (
        <>
          <ul class="bulk-errors" aria-label="Refused rows">
            {errors.map((e) => (
              <li key={e.row}>
                <strong>Row {e.row}</strong>: {e.message}
              </li>
            ))}
          </ul>
          <p class="bulk-note">
            Rows are counted from 1 after the header line. Fix the refused rows and import a file with just those: the
            imported ones would be imported twice.
          </p>
        </>
      ) : null}
      {imported.length > 0 ? (
        <DataTable caption="Imported posts" columns={columns} rows={imported} rowKey={(p) => p.id} emptyText="" />
      ) : null}
    </div>
  );
}

// ---------------------------------------------------------------- export

const states = ["draft", "scheduled", "published"] as const;

function ExportSection(props: { personas: Persona[] | undefined; accounts: Account[] | undefined }) {
  const form = useForm({ persona_id: "", platform_account_id: "", state: "", from: "", to: "" });
  const [message, setMessage] = useState<string | null>(null);
  const zone = browserZone();
  const values = form.values.value;
  const personas = sortedByName(props.personas);
  // The accounts of the chosen persona, else every one (grouped by persona).
  const shown = personas.filter((p) => !values.persona_id || p.id === values.persona_id);
  // An account of another persona than the one just chosen would match nothing.
  const account = props.accounts?.find((a) => a.id === values.platform_account_id);
  useEffect(() => {
    if (account && values.persona_id && account.persona_id !== values.persona_id) form.set("platform_account_id", "");
  }, [values.persona_id, account, form]);

  const instant = (name: "from" | "to", text: string): string | undefined => {
    if (text === "") return undefined;
    const at = instantOfLocalInput(text, zone);
    if (!at) throw fieldError(name, "must be a complete date and time");
    return at.toISOString();
  };

  const submit = async (v: typeof values) => {
    setMessage(null);
    const blob = await exportPosts({
      persona_id: v.persona_id || undefined,
      platform_account_id: v.platform_account_id || undefined,
      state: (v.state || undefined) as (typeof states)[number] | undefined,
      from: instant("from", v.from),
      to: instant("to", v.to),
    });
    const name = `posts-${dateKey(new Date(), zone)}.csv`;
    saveFile(blob, name);
    setMessage(`Downloaded ${name}.`);
  };

  const zoneLabel = (text: string) => (
    <>
      {text} <span class="bulk-zone">({zone})</span>
    </>
  );

  return (
    <section class="bulk-section" aria-labelledby="bulk-export-title">
      <h2 id="bulk-export-title">Export posts</h2>
      <p>
        Every post that matches, oldest first, with its persona, account, state, times, text and template, then the likes,
        comments, shares and views of each engagement check and your ratings. Cells that a spreadsheet would run as a
        formula start with an apostrophe.
      </p>
      <Form
        form={form}
        onSubmit={submit}
        submitLabel="Download CSV"
        busyLabel="Exporting…"
        label="Export posts"
        class="form bulk-export-form"
        actions={
          <p class="bulk-done" role="status">
            {message}
          </p>
        }
      >
        <Field form={form} name="persona_id" label="Persona" as="select">
          <option value="">All personas</option>
          {personas.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Field>
        <Field form={form} name="platform_account_id" label="Account" as="select">
          <option value="">All accounts</option>
          {shown.map((p) => {
            const own = (props.accounts ?? []).filter((a) => a.persona_id === p.id);
            return own.length > 0 ? (
              <optgroup key={p.id} label={p.name}>
                {own.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.username} · {platformLabel(a.platform_type)}
                  </option>
                ))}
              </optgroup>
            ) : null;
          })}
        </Field>
        <Field form={form} name="state" label="State" as="select">
          <option value="">Any state</option>
          {states.map((s) => (
            <option key={s} value={s}>
              {s.charAt(0).toUpperCase() + s.slice(1)}
            </option>
          ))}
        </Field>
        <Field form={form} name="from" label={zoneLabel("From")} type="datetime-local" hint="Post time: published, else scheduled, else drafted." />
        <Field form={form} name="to" label={zoneLabel("Until")} type="datetime-local" />
      </Form>
    </section>
  );
}
