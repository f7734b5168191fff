// Resolving a security event: the actions taken, one per field (each Field named by its
// JSON path, actions_taken[i], so the server's error for one shows beside it), blank
// ones left out.
import { useEffect, useRef, useState } from "preact/hooks";
import { ApiError, api, type Schemas } from "../../api/client";
import { Dialog, Field, Form, TimeInZone, useForm } from "../../components";
import { securityEventLabel } from "../activity/labels";
import { capitalised } from "../../lib/text";

type SecurityEvent = Schemas["SecurityEvent"];
type Values = Record<string, string>;

// The schema's maxItems.
const MAX_ACTIONS = 20;

const suggestions = [
  "Confirmed it was me",
  "Changed the platform account's password",
  "Rotated the stored credentials",
  "Changed my Persona password",
  "Turned on two-factor authentication",
  "Checked the proxy",
  "Reviewed the persona's recent activity",
];

const key = (i: number) => `actions_taken[${i}]`;

export function ResolveDialog(props: { event: SecurityEvent | null; onClose: () => void; onResolved: (event: SecurityEvent) => void }) {
  const form = useForm<Values>({ [key(0)]: "" });
  const [rows, setRows] = useState(1);
  const fieldset = useRef<HTMLFieldSetElement>(null);
  const event = props.event;

  // After adding or removing a field, the keyboard goes on in that field (or the one before).
  const focusField = (i: number) =>
    requestAnimationFrame(() => fieldset.current?.querySelector<HTMLInputElement>(`input[name="${key(i)}"]`)?.focus());

  useEffect(() => {
    if (!event) return;
    form.reset({ [key(0)]: "" });
    setRows(1);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [event?.id]);

  const remove = (at: number) => {
    const v = form.values.peek();
    const next: Values = {};
    for (let i = 0, j = 0; i < rows; i++) if (i !== at) next[key(j++)] = v[key(i)] ?? "";
    form.reset(next);
    setRows(rows - 1);
    focusField(Math.max(0, at - 1));
  };

  const submit = async (values: Values) => {
    if (!event) return;
    // Which field each sent action came from, for the server's errors.
    const sent: { field: number; text: string }[] = [];
    for (let i = 0; i < rows; i++) {
      const text = (values[key(i)] ?? "").trim();
      if (text) sent.push({ field: i, text });
    }
    try {
      const resolved = await api.post("/api/v1/security-events/{id}/resolve", {
        path: { id: event.id },
        body: { actions_taken: sent.map((s) => s.text) },
      });
      props.onResolved(resolved);
    } catch (e) {
      throw toFieldIndexes(e, sent.map((s) => s.field));
    }
  };

  const close = () => {
    if (!form.submitting.peek()) props.onClose();
  };

  return (
    <Dialog open={event !== null} title="Resolve the security event" onClose={close} actions={false}>
      {event ? (
        <Form
          form={form}
          onSubmit={submit}
          submitLabel="Resolve"
          busyLabel="Resolving…"
          class="form resolve-form"
          actions={
            <button type="button" onClick={close}>
              Cancel
            </button>
          }
        >
          <div class="resolve-what">
            <p>
              <strong>{securityEventLabel(event.event_type)}</strong>, <TimeInZone at={event.created_at} />
            </p>
            <p>{capitalised(event.event_description)}</p>
          </div>
          <fieldset class="resolve-actions" ref={fieldset}>
            <legend>Actions taken</legend>
            <p class="field-hint">What you did about it, one action per field (optional); kept with the event.</p>
            {Array.from({ length: rows }, (_, i) => (
              <div class="resolve-row" key={i}>
                <Field form={form} name={key(i)} label={`Action ${i + 1}`} list="resolve-suggestions" maxLength={200} autoComplete="off" />
                {rows > 1 ? (
                  <button type="button" class="resolve-remove" aria-label={`Remove action ${i + 1}`} onClick={() => remove(i)}>
                    Remove
                  </button>
                ) : null}
              </div>
            ))}
            <datalist id="resolve-suggestions">
              {suggestions.map((s) => (
                <option key={s} value={s} />
              ))}
            </datalist>
            {rows < MAX_ACTIONS ? (
              <button
                type="button"
                class="resolve-add"
                onClick={() => {
                  setRows(rows + 1);
                  focusField(rows);
                }}
              >
                Add another action
              </button>
            ) : null}
          </fieldset>
        </Form>
      ) : null}
    </Dialog>
  );
}

// The server numbers the actions it was sent; blank fields were left out, so its
// actions_taken[k] is the field of the k-th sent one.
function toFieldIndexes(error: unknown, fields: number[]): unknown {
  if (!(error instanceof ApiError) || !error.problem?.errors) return error;
  const errors = error.problem.errors.map((e) => {
    const m = /^actions_taken\[(\d+)\]$/.exec(e.field);
    const field = m ? fields[Number(m[1])] : undefined;
    return field === undefined ? e : { ...e, field: key(field) };
  });
  return new ApiError(error.status, error.detail, { ...error.problem, errors }, error.retryAfter);
}
