// One content template: its text with placeholders, where it is used, how it adapts
// per persona and platform, its hashtags, media and timing, with a live preview of the
// unsaved text beside it (below it on a phone). "/templates/new" creates one.
import { useState } from "preact/hooks";
import { api } from "../../api/client";
import { useResource } from "../../api/resource";
import { ConfirmButton, Field, Form, Link, ListState, Screen, useForm } from "../../components";
import { navigate } from "../../lib/router";
import type { ScreenProps } from "../../routes";
import { CheckGroup } from "./CheckGroup";
import { flash, takeFlash } from "./flash";
import { HashtagFields } from "./HashtagFields";
import { MarkedText, PreviewPanel, type PreviewTarget } from "./PreviewPanel";
import { RulesFields } from "./RulesFields";
import {
  bodyOf,
  changesOf,
  contentTypes,
  hashtagStrategyOf,
  personaField,
  personalizationRulesOf,
  platformField,
  platformNames,
  remapErrors,
  valuesOf,
  type Platform,
  type Template,
  type Values,
} from "./template-form";
import { usePreview, type PreviewRequest } from "./usePreview";
import "./templates.css";
import { platformLabel } from "../../lib/platforms";
import { sortedByName, usePersonas } from "../../api/personas";

export function TemplateScreen({ params }: ScreenProps) {
  const id = params.id ?? "new";
  if (id === "new") return <Editor template={null} />;
  return <ExistingTemplate id={id} />;
}

function ExistingTemplate({ id }: { id: string }) {
  const res = useResource((signal) => api.get("/api/v1/templates/{id}", { path: { id }, signal }), [id]);
  // Keyed by id: another template gets a fresh editor.
  if (res.data) return <Editor key={id} template={res.data} />;
  return (
    <Screen title="Template">
      <ListState loading={res.loading} error={res.error} empty emptyText="" onRetry={res.reload} />
      <p>
        <Link href="/templates">Back to templates</Link>
      </p>
    </Screen>
  );
}

const placeholderHelp = (
  <>
    Placeholders: <code>{"{{persona.name}}"}</code>, <code>{"{{persona.primary_location}}"}</code>,{" "}
    <code>{"{{persona.demographics.KEY}}"}</code> (e.g. age), <code>{"{{persona.personality.KEY}}"}</code> (e.g.
    interests), <code>{"{{theme}}"}</code>.
  </>
);

function Editor({ template: loaded }: { template: Template | null }) {
  const [template, setTemplate] = useState(loaded);
  const form = useForm<Values>(valuesOf(template));
  const [message, setMessage] = useState<string | null>(takeFlash);
  const personas = usePersonas();
  const values = form.values.value;

  // What the preview renders for: the first persona (of the targets, if any) and the
  // first target platform, until the operator picks others.
  const [picked, setPicked] = useState<Partial<PreviewTarget>>({});
  const targets = template?.target_personas ?? [];
  const firstPersona =
    sortedByName(personas.list).find((p) => targets.includes(p.id))?.id ?? sortedByName(personas.list)[0]?.id ?? "";
  const target: PreviewTarget = {
    personaId: picked.personaId && personas.byId.has(picked.personaId) ? picked.personaId : firstPersona,
    platform: picked.platform ?? platformNames.find((p) => values[platformField(p)] === true) ?? "twitter",
    theme: picked.theme ?? "",
  };
  const request: PreviewRequest | null = target.personaId
    ? {
        template_text: String(values.template_text ?? ""),
        personalization_rules: personalizationRulesOf(values),
        hashtag_strategy: hashtagStrategyOf(values),
        persona_id: target.personaId,
        platform_type: target.platform,
        ...(target.theme.trim() ? { theme: target.theme.trim() } : {}),
      }
    : null;
  const preview = usePreview(request);
  const textProblems = preview.problems.filter((p) => p.field === "template_text").map((p) => p.message);

  const submit = async (v: Values) => {
    setMessage(null);
    try {
      const body = bodyOf(v);
      if (!template) {
        const created = await api.post("/api/v1/templates", { body });
        flash.value = "Template created.";
        navigate(`/templates/${created.id}`, { replace: true });
        return;
      }
      const changes = changesOf(body, bodyOf(valuesOf(template)));
      if (Object.keys(changes).length === 0) {
        setMessage("No changes to save.");
        return;
      }
      const updated = await api.patch("/api/v1/templates/{id}", { path: { id: template.id }, body: changes });
      setTemplate(updated);
      form.reset(valuesOf(updated));
      setMessage("Changes saved.");
    } catch (e) {
      throw remapErrors(e, v);
    }
  };

  const remove = async () => {
    if (!template) return;
    await api.delete("/api/v1/templates/{id}", { path: { id: template.id } });
    flash.value = `Template ${template.template_name} deleted.`;
    navigate("/templates");
  };

  return (
    <Screen
      title={template ? template.template_name : "New template"}
      actions={
        template ? (
          <Link class="template-button primary" href={`/compose?template=${encodeURIComponent(template.id)}`}>
            Use in a new post
          </Link>
        ) : null
      }
    >
      <p class="template-back">
        <Link href="/templates">← All templates</Link>
      </p>
      <Form
        form={form}
        class="template-form"
        label={template ? `Edit ${template.template_name}` : "New template"}
        onSubmit={submit}
        submitLabel={template ? "Save changes" : "Create template"}
        busyLabel="Saving…"
        actions={
          <>
            <Link class="template-button" href="/templates">
              Cancel
            </Link>
            <p class="template-saved" role="status">
              {message}
            </p>
            {template ? (
              <span class="template-delete">
                <ConfirmButton
                  title={`Delete ${template.template_name}?`}
                  message={`${template.template_name} is deleted. Posts made from it keep their text but no longer name it. This cannot be undone.`}
                  confirmLabel="Delete template"
                  onConfirm={remove}
                >
                  Delete template
                </ConfirmButton>
              </span>
            ) : null}
          </>
        }
      >
        <fieldset class="template-section template-main">
          <legend>Template</legend>
          <div class="template-row">
            <Field form={form} name="template_name" label="Name" required maxLength={100} autoComplete="off" />
            <Field form={form} name="content_type" label="Content type" as="select">
              {contentTypes.map((t) => (
                <option key={t} value={t}>
                  {t.charAt(0).toUpperCase() + t.slice(1)}
                </option>
              ))}
            </Field>
          </div>
          <Field
            form={form}
            name="template_text"
            label="Text"
            as="textarea"
            hint={placeholderHelp}
            spellcheck
            class="template-text"
          />
          <MarkedText text={String(values.template_text ?? "")} messages={textProblems} />
          <Field form={form} name="is_active" type="checkbox" label="Active (offered when composing a post)" />
        </fieldset>

        <PreviewPanel
          personas={personas.list}
          personasError={personas.error}
          target={target}
          onTarget={(t) => setPicked(t)}
          preview={preview}
        />

        <fieldset class="template-section">
          <legend>Where it is used</legend>
          <CheckGroup
            form={form}
            name="target_platforms"
            legend="Platforms"
            options={platformNames.map((p: Platform) => ({ key: platformField(p), label: platformLabel(p) }))}
            hint="At least one."
          />
          <CheckGroup
            form={form}
            name="target_personas"
            legend="Personas"
            options={sortedByName(personas.list).map((p) => ({ key: personaField(p.id), label: p.name }))}
            hint="None ticked: every persona may use it."
            empty={<p class="template-none">{personas.list ? "No personas yet." : "Loading personas…"}</p>}
          />
        </fieldset>

        <RulesFields form={form} />
        <HashtagFields form={form} />

        <fieldset class="template-section">
          <legend>Media and timing</legend>
          <Field
            form={form}
            name="media_urls"
            label="Media URLs"
            as="textarea"
            hint="One a line: the images or videos the post uses."
            spellcheck={false}
            class="template-json"
          />
          <Field
            form={form}
            name="media_metadata"
            label="Media metadata (JSON)"
            as="textarea"
            hint={'Free-form: dimensions, file sizes, alt text, e.g. {"alt": "a cup of kape"}. Empty for none.'}
            spellcheck={false}
            class="template-json"
          />
          <Field
            form={form}
            name="timing_rules"
            label="Timing rules (JSON)"
            as="textarea"
            hint={'Free-form: when it works best, e.g. {"best_hours": [7, 8]}. Empty for none.'}
            spellcheck={false}
            class="template-json"
          />
        </fieldset>
      </Form>
    </Screen>
  );
}
