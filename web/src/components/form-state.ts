// Form state shared by <Form> and its <Field>s: values, the server's per-field errors
// (from a problem+json, keyed by its errors[].field), the problem's detail, and which
// fields are on screen (errors for the others are listed with the detail).
import { signal, type Signal } from "@preact/signals";
import { useMemo } from "preact/hooks";
import { ApiError, describeError } from "../api/client";

export type FieldValue = string | boolean;

export interface FormState<V extends Record<string, FieldValue>> {
  values: Signal<V>;
  errors: Signal<Map<string, string>>;
  detail: Signal<string | null>;
  submitting: Signal<boolean>;
  // Names of the mounted Fields (Field registers itself).
  fields: Set<string>;
  set<K extends keyof V & string>(name: K, value: V[K]): void;
  // Shows an error from a failed request: field errors beside their fields, the rest
  // (and the problem's detail) above the submit button.
  fail(error: unknown): void;
  reset(values?: V): void;
}

export function createForm<V extends Record<string, FieldValue>>(initial: V): FormState<V> {
  const form: FormState<V> = {
    values: signal(initial),
    errors: signal(new Map()),
    detail: signal(null),
    submitting: signal(false),
    fields: new Set(),
    set(name, value) {
      form.values.value = { ...form.values.value, [name]: value };
      if (form.errors.value.has(name)) {
        const next = new Map(form.errors.value);
        next.delete(name);
        form.errors.value = next;
      }
    },
    fail(error) {
      if (error instanceof ApiError) {
        form.errors.value = error.fieldErrors;
        const unshown = [...error.fieldErrors].filter(([field]) => !form.fields.has(field));
        // When every error stands beside its field, the field (focused next) says it all.
        form.detail.value = error.fieldErrors.size > 0 && unshown.length === 0 ? null : error.detail;
      } else {
        form.errors.value = new Map();
        form.detail.value = describeError(error);
      }
    },
    reset(values = initial) {
      form.values.value = values;
      form.errors.value = new Map();
      form.detail.value = null;
    },
  };
  return form;
}

// A form that lives as long as the component using it.
export function useForm<V extends Record<string, FieldValue>>(initial: V): FormState<V> {
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => createForm(initial), []);
}
