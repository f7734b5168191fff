// A labelled input with its hint and its server error beside it (aria-describedby,
// aria-invalid). With `form`, the value and the error come from the form by `name`,
// which is the server's JSON path of the field ("demographics.age").
import type { ComponentChildren, InputHTMLAttributes, SelectHTMLAttributes, TextareaHTMLAttributes } from "preact";
import { useEffect, useId } from "preact/hooks";
import type { FieldValue, FormState } from "./form-state";

type InputAttrs = Omit<InputHTMLAttributes<HTMLInputElement>, "value" | "onInput" | "form" | "label" | "as" | "type" | "children">;

export interface FieldProps extends InputAttrs {
  name: string;
  label: ComponentChildren;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  form?: FormState<any>;
  hint?: ComponentChildren;
  // input (default), a multi-line textarea, or a select whose <option>s are the children.
  as?: "input" | "textarea" | "select";
  type?: string;
  // Without a form: the value, its change, and an error to show.
  value?: FieldValue;
  onValue?: (value: FieldValue) => void;
  error?: string | null;
  children?: ComponentChildren;
}

export function Field(props: FieldProps) {
  const { name, label, form, hint, as = "input", type = "text", value, onValue, error, children, ...rest } = props;
  const id = useId();
  useEffect(() => {
    if (!form) return;
    form.fields.add(name);
    return () => form.fields.delete(name);
  }, [form, name]);

  const current: FieldValue = form ? (form.values.value[name] ?? "") : (value ?? "");
  const message = form ? form.errors.value.get(name) : error;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = message ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(" ") || undefined;
  const change = (next: FieldValue) => (form ? form.set(name, next) : onValue?.(next));
  const checkbox = type === "checkbox";

  const common = {
    id,
    name,
    "aria-describedby": describedBy,
    "aria-invalid": message ? ("true" as const) : undefined,
  };
  let control;
  if (as === "textarea") {
    control = (
      <textarea
        {...(rest as TextareaHTMLAttributes<HTMLTextAreaElement>)}
        {...common}
        value={String(current)}
        onInput={(e) => change(e.currentTarget.value)}
      />
    );
  } else if (as === "select") {
    control = (
      <select
        {...(rest as SelectHTMLAttributes<HTMLSelectElement>)}
        {...common}
        value={String(current)}
        onChange={(e) => change(e.currentTarget.value)}
      >
        {children}
      </select>
    );
  } else if (checkbox) {
    control = (
      <input {...rest} {...common} type="checkbox" checked={current === true} onChange={(e) => change(e.currentTarget.checked)} />
    );
  } else {
    control = <input {...rest} {...common} type={type} value={String(current)} onInput={(e) => change(e.currentTarget.value)} />;
  }

  return (
    <div class={"field" + (checkbox ? " field-checkbox" : "") + (message ? " field-invalid" : "")}>
      {checkbox ? null : <label for={id}>{label}</label>}
      {control}
      {checkbox ? <label for={id}>{label}</label> : null}
      {hint ? (
        <p id={hintId} class="field-hint">
          {hint}
        </p>
      ) : null}
      {message ? (
        <p id={errorId} class="field-error">
          {message}
        </p>
      ) : null}
    </div>
  );
}
