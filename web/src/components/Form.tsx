// A form that submits through `onSubmit` and shows what the server refused: each field
// error beside its Field, the problem's detail (and errors of fields not on screen) in
// an alert above the buttons; then focus moves to the first invalid field, or to the
// alert when no field is to blame.
import type { ComponentChildren } from "preact";
import { useRef } from "preact/hooks";
import type { FieldValue, FormState } from "./form-state";

export interface FormProps<V extends Record<string, FieldValue>> {
  form: FormState<V>;
  onSubmit: (values: V) => Promise<void> | void;
  submitLabel: string;
  // Shown on the button while the request runs ("Logging in…").
  busyLabel?: string;
  // An accessible name when the form is one of several on a screen.
  label?: string;
  children: ComponentChildren;
  // More buttons beside the submit button (a Cancel in a dialog).
  actions?: ComponentChildren;
  class?: string;
  // Keeps the submit button disabled (a throttled login until its retry time).
  disabled?: boolean;
}

export function Form<V extends Record<string, FieldValue>>(props: FormProps<V>) {
  const { form } = props;
  const ref = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (form.submitting.value) return;
    form.errors.value = new Map();
    form.detail.value = null;
    form.submitting.value = true;
    try {
      await props.onSubmit(form.values.value);
    } catch (error) {
      form.fail(error);
      // After the errors render: the first invalid field in page order, else the alert.
      requestAnimationFrame(() => {
        const invalid = ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
        (invalid ?? alertRef.current)?.focus();
      });
    } finally {
      form.submitting.value = false;
    }
  };

  const unshown = [...form.errors.value].filter(([field]) => !form.fields.has(field));
  return (
    <form ref={ref} class={props.class ?? "form"} onSubmit={submit} aria-label={props.label} noValidate>
      {props.children}
      <div ref={alertRef} class="form-problem" role="alert" tabIndex={-1} hidden={!form.detail.value}>
        {form.detail.value ? <p>{form.detail.value}</p> : null}
        {unshown.length > 0 ? (
          <ul>
            {unshown.map(([field, message]) => (
              <li key={field}>
                <code>{field || "body"}</code>: {message}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <div class="form-actions">
        <button type="submit" class="primary" disabled={form.submitting.value || props.disabled}>
          {form.submitting.value ? (props.busyLabel ?? props.submitLabel) : props.submitLabel}
        </button>
        {props.actions}
      </div>
    </form>
  );
}
