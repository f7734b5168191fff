// The live preview beside the editor: a persona, a platform and a theme to render for,
// then the text as the server renders it, the hashtags its strategy chose, and the
// length against the platform's limit. Problems the server found are listed; those in
// the template text are also marked where they are (MarkedText, below the textarea).
import { Field, Link } from "../../components";
import { type Persona, sortedByName } from "../../api/personas";
import { hasMarks, markPlaceholders } from "./placeholders";
import { platformNames, type Platform } from "./template-form";
import { lengthSummary, type Preview } from "./usePreview";
import { platformLabel } from "../../lib/platforms";

export interface PreviewTarget {
  personaId: string;
  platform: Platform;
  theme: string;
}

// A field path of the server as a person reads it: "hashtag_strategy.twitter.max" →
// "hashtag strategy › twitter › max".
function fieldLabel(field: string): string {
  return field.replace(/_/g, " ").replace(/\./g, " › ");
}

export function PreviewPanel(props: {
  personas: Persona[] | undefined;
  personasError: unknown;
  target: PreviewTarget;
  onTarget: (t: PreviewTarget) => void;
  preview: Preview;
}) {
  const { personas, target, preview } = props;
  const set = (changes: Partial<PreviewTarget>) => props.onTarget({ ...target, ...changes });
  const result = preview.result;
  const over = result ? result.length > result.platform_limit : false;
  const persona = personas?.find((p) => p.id === target.personaId);

  let body;
  if (personas && personas.length === 0) {
    body = (
      <p class="template-none">
        A preview needs a persona to render for. <Link href="/personas/new">Create one</Link>.
      </p>
    );
  } else if (!personas) {
    body = <p class="template-none">{props.personasError ? "The personas could not be loaded." : "Loading personas…"}</p>;
  } else if (preview.error) {
    body = (
      <p class="template-preview-error" role="alert">
        No preview: {preview.error}
      </p>
    );
  } else if (preview.problems.length > 0) {
    body = (
      <div class="template-preview-problems">
        <p>
          <strong>Cannot be rendered for {persona?.name ?? "this persona"}:</strong>
        </p>
        <ul>
          {preview.problems.map((p, i) => (
            <li key={i}>
              {p.field === "template_text" ? "Text" : <code>{fieldLabel(p.field)}</code>}: {p.message}
            </li>
          ))}
        </ul>
      </div>
    );
  } else if (result) {
    body = (
      <>
        <div class="template-post" aria-label={`Rendered for ${persona?.name ?? "the persona"} on ${platformLabel(target.platform)}`} role="group">
          {result.text === "" ? <span class="template-none">(empty)</span> : result.text}
        </div>
        <dl class="template-facts">
          <div>
            <dt>Hashtags chosen</dt>
            <dd>{result.hashtags.length > 0 ? result.hashtags.join(" ") : "none"}</dd>
          </div>
          <div>
            <dt>Length</dt>
            <dd class={over ? "template-over" : undefined}>
              {lengthSummary(result.length, result.platform_limit)}
              {over ? ` — too long for ${platformLabel(target.platform)}` : ""}
            </dd>
          </div>
        </dl>
      </>
    );
  } else {
    body = <p class="template-none">Rendering…</p>;
  }

  return (
    <section class="template-preview" aria-labelledby="template-preview-title" aria-busy={preview.loading}>
      <h2 id="template-preview-title">Preview</h2>
      <div class="template-preview-pick">
        <Field
          name="preview_persona"
          label="Persona"
          as="select"
          value={target.personaId}
          onValue={(v) => set({ personaId: String(v) })}
          disabled={!personas || personas.length === 0}
        >
          {sortedByName(personas).map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Field>
        <Field
          name="preview_platform"
          label="Platform"
          as="select"
          value={target.platform}
          onValue={(v) => set({ platform: String(v) as Platform })}
        >
          {platformNames.map((p) => (
            <option key={p} value={p}>
              {platformLabel(p)}
            </option>
          ))}
        </Field>
        <Field
          name="preview_theme"
          label="Theme"
          value={target.theme}
          onValue={(v) => set({ theme: String(v) })}
          hint="For {{theme}}; empty: the persona's first topic."
          autoComplete="off"
        />
      </div>
      <p class="template-preview-state" aria-live="polite">
        {preview.loading ? "Updating…" : result ? (over ? "Over the limit." : "Up to date.") : ""}
      </p>
      <div class={preview.loading ? "template-preview-body template-stale" : "template-preview-body"}>{body}</div>
    </section>
  );
}

// A copy of the template text with the placeholders the preview's problems name marked
// where they are, and what is wrong with them. Nothing when nothing is marked.
export function MarkedText(props: { text: string; messages: string[] }) {
  const segments = markPlaceholders(props.text, props.messages);
  if (!hasMarks(segments)) return null;
  const marked = [...new Set(segments.flatMap((s) => s.messages ?? []))];
  return (
    <div class="template-marks" role="group" aria-labelledby="template-marks-title">
      <p id="template-marks-title" class="template-marks-title">
        Placeholders the preview could not fill, marked in the text:
      </p>
      <pre class="template-marked">
        {segments.map((s, i) => (s.messages ? <mark key={i} title={s.messages.join("\n")}>{s.text}</mark> : s.text))}
      </pre>
      <ul class="template-marks-messages">
        {marked.map((m) => (
          <li key={m}>{m}</li>
        ))}
      </ul>
    </div>
  );
}
