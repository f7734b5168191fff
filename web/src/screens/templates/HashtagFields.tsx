// hashtag_strategy as fields: the default rule, and for each platform the choice of a
// rule of its own, which then replaces the default one entirely (nothing is merged).
import { Field, type FormState } from "../../components";
import { defaultMaxHashtags, ownRuleField, platformNames, type HashtagScope, type Values } from "./template-form";
import { platformLabel } from "../../lib/platforms";

function RuleFields({ form, scope }: { form: FormState<Values>; scope: HashtagScope }) {
  const name = scope === "default" ? "" : ` for ${platformLabel(scope)}`;
  const maxHint =
    scope === "default"
      ? `Empty: the platform's usual number (${platformNames.map((p) => `${platformLabel(p)} ${defaultMaxHashtags[p]}`).join(", ")}).`
      : `Empty: ${defaultMaxHashtags[scope]}.`;
  return (
    <div class="template-hashtag-rule">
      <Field
        form={form}
        name={`hashtag_strategy.${scope}.fixed`}
        label={`Hashtags always added${name}`}
        hint="Separated by spaces or commas; a # is put in front where missing."
        autoComplete="off"
      />
      <Field
        form={form}
        name={`hashtag_strategy.${scope}.include_persona_hashtags`}
        type="checkbox"
        label={`Then the persona's own hashtags${name}`}
      />
      <Field
        form={form}
        name={`hashtag_strategy.${scope}.max`}
        label={`At most${name}`}
        type="number"
        inputMode="numeric"
        min={0}
        max={30}
        hint={maxHint}
        class="template-max"
      />
    </div>
  );
}

export function HashtagFields({ form }: { form: FormState<Values> }) {
  return (
    <fieldset class="template-section">
      <legend>Hashtags</legend>
      <p class="field-hint">
        Added after a blank line: the fixed ones, then the persona's, without repeats, cut to the maximum.
      </p>
      <RuleFields form={form} scope="default" />
      {platformNames.map((p) => (
        <div key={p} class="template-hashtag-platform">
          <Field form={form} name={ownRuleField(p)} type="checkbox" label={`A rule of its own for ${platformLabel(p)}`} />
          {form.values.value[ownRuleField(p)] === true ? <RuleFields form={form} scope={p} /> : null}
        </div>
      ))}
    </fieldset>
  );
}
