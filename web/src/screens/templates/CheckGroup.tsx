// A group of checkboxes that together make one field of the API (target_platforms,
// target_personas): the server's error for the list stands once, below the group, and
// describes it; the first box is marked invalid so the form's focus lands there.
import type { ComponentChildren } from "preact";
import { useEffect, useId } from "preact/hooks";
import type { FormState } from "../../components";
import type { Values } from "./template-form";

export interface CheckOption {
  // The form value's key (a boolean).
  key: string;
  label: ComponentChildren;
}

export function CheckGroup(props: {
  form: FormState<Values>;
  // The server's name of the whole list.
  name: string;
  legend: string;
  options: CheckOption[];
  hint?: ComponentChildren;
  empty?: ComponentChildren;
}) {
  const { form, name } = props;
  const id = useId();
  useEffect(() => {
    form.fields.add(name);
    return () => form.fields.delete(name);
  }, [form, name]);
  const error = form.errors.value.get(name);
  const hintId = props.hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(" ") || undefined;

  const change = (key: string, checked: boolean) => {
    form.set(key, checked);
    if (form.errors.value.has(name)) {
      const next = new Map(form.errors.value);
      next.delete(name);
      form.errors.value = next;
    }
  };

  return (
    <fieldset class={"template-checks" + (error ? " field-invalid" : "")} aria-describedby={describedBy}>
      <legend>{props.legend}</legend>
      {props.options.length === 0 ? props.empty : null}
      <div class="template-check-list">
        {props.options.map((o, i) => (
          <label key={o.key} class="template-check">
            <input
              type="checkbox"
              name={o.key}
              checked={form.values.value[o.key] === true}
              aria-invalid={error && i === 0 ? "true" : undefined}
              onChange={(e) => change(o.key, e.currentTarget.checked)}
            />
            {o.label}
          </label>
        ))}
      </div>
      {props.hint ? (
        <p id={hintId} class="field-hint">
          {props.hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} class="field-error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
