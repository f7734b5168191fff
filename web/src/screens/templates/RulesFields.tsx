// personalization_rules as fields: the general replacements, prefix and suffix, then
// each platform's own (folded away until used). The server applies the general ones
// first, then the platform's; the platform's prefix and suffix wrap the general ones.
import { useLayoutEffect, useState } from "preact/hooks";
import { Field, type FormState } from "../../components";
import {
  platformNames,
  replaceField,
  replacementsOf,
  rulesPath,
  withReplacements,
  type RulesScope,
  type Values,
} from "./template-form";
import { platformLabel } from "../../lib/platforms";

function scopeName(scope: RulesScope): string {
  return scope === "" ? "" : ` for ${platformLabel(scope)}`;
}

// Moves focus to a field by name once it is rendered.
function focusField(name: string): void {
  requestAnimationFrame(() => document.querySelector<HTMLElement>(`[name="${CSS.escape(name)}"]`)?.focus());
}

function ReplaceRows({ form, scope }: { form: FormState<Values>; scope: RulesScope }) {
  const rows = replacementsOf(form.values.value, scope);
  const suffix = scopeName(scope);
  const add = () => {
    form.values.value = withReplacements(form.values.value, scope, [...rows, ["", ""]]);
    focusField(replaceField(scope, rows.length, "word"));
  };
  const remove = (index: number) => {
    form.values.value = withReplacements(
      form.values.value,
      scope,
      rows.filter((_, i) => i !== index),
    );
    focusField(rows.length > 1 ? replaceField(scope, Math.max(0, index - 1), "word") : `add-replacement${scope}`);
  };
  return (
    <div class="template-replace">
      <p class="template-subhead">Replacements{suffix}</p>
      {rows.length === 0 ? (
        <p class="template-none">None. A replacement swaps every whole word, case-sensitively, in the body of the text.</p>
      ) : (
        <>
          <div class="template-replace-head" aria-hidden="true">
            <span>Word</span>
            <span>Replace with</span>
          </div>
          <ul class="template-replace-rows">
            {rows.map(([word], i) => (
              <li key={i}>
                <Field
                  form={form}
                  name={replaceField(scope, i, "word")}
                  label={<span class="template-sr">{`Word ${i + 1}${suffix}`}</span>}
                  maxLength={100}
                  placeholder="word"
                  autoComplete="off"
                />
                <span class="template-arrow" aria-hidden="true">
                  →
                </span>
                <Field
                  form={form}
                  name={replaceField(scope, i, "with")}
                  label={<span class="template-sr">{`Replacement ${i + 1}${suffix}`}</span>}
                  maxLength={500}
                  placeholder="replacement"
                  autoComplete="off"
                />
                <button
                  type="button"
                  class="template-remove"
                  aria-label={word ? `Remove replacement of "${word}"${suffix}` : `Remove replacement ${i + 1}${suffix}`}
                  onClick={() => remove(i)}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <button type="button" id={`add-replacement${scope}`} class="template-add" onClick={add}>
        Add replacement{suffix}
      </button>
    </div>
  );
}

function AffixFields({ form, scope }: { form: FormState<Values>; scope: RulesScope }) {
  const suffix = scopeName(scope);
  return (
    <div class="template-affixes">
      <Field form={form} name={`${rulesPath(scope)}.prefix`} label={`Prefix${suffix}`} maxLength={500} autoComplete="off" />
      <Field form={form} name={`${rulesPath(scope)}.suffix`} label={`Suffix${suffix}`} maxLength={500} autoComplete="off" />
    </div>
  );
}

// A platform's own rules, folded away unless they hold something; unfolded when the
// server finds fault in them (so the error beside its field can be seen and focused).
function PlatformRules({ form, scope }: { form: FormState<Values>; scope: Exclude<RulesScope, ""> }) {
  const path = rulesPath(scope) + ".";
  const [open, setOpen] = useState(() => {
    const v = form.values.value;
    return replacementsOf(v, scope).length > 0 || v[`${path}prefix`] !== "" || v[`${path}suffix`] !== "";
  });
  const faulty = [...form.errors.value.keys()].some((k) => k.startsWith(path));
  useLayoutEffect(() => {
    if (faulty) setOpen(true);
  }, [faulty]);
  return (
    <details class="template-platform-rules" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{platformLabel(scope)} only</summary>
      <p class="field-hint">After the general rules; its prefix and suffix go around theirs.</p>
      <ReplaceRows form={form} scope={scope} />
      <AffixFields form={form} scope={scope} />
    </details>
  );
}

export function RulesFields({ form }: { form: FormState<Values> }) {
  return (
    <fieldset class="template-section">
      <legend>Personalization</legend>
      <p class="field-hint">
        Applied after the placeholders are filled: replacements, then the prefix and suffix (joined with a space).
      </p>
      <ReplaceRows form={form} scope="" />
      <AffixFields form={form} scope="" />
      {platformNames.map((p) => (
        <PlatformRules key={p} form={form} scope={p} />
      ))}
    </fieldset>
  );
}
