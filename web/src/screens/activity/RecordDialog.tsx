// The form that records an action done by hand (POST /activity): who, what, where, and
// optional details kept as activity_data ({target, url, text, note}). Recorded now, at
// the server's clock; the server scores it against the persona's usual rate.
import { useEffect } from "preact/hooks";
import { ApiError, api, type Schemas } from "../../api/client";
import { ClockInZone, Dialog, Field, Form, Link, useForm } from "../../components";
import { platformLabels, platforms, type Platform } from "../../lib/platforms";
import { manualTypeLabels, manualTypes, type ManualType } from "./labels";
import { type Persona, sortedByName } from "../../api/personas";

type Activity = Schemas["Activity"];

// The types whose details include what was written.
const textLabels: Partial<Record<ManualType, string>> = {
  comment: "Comment text",
  reply: "Reply text",
  direct_message: "Message text",
};

const blank = {
  persona_id: "",
  activity_type: "like",
  platform_type: "instagram",
  "activity_data.target": "",
  "activity_data.url": "",
  "activity_data.text": "",
  "activity_data.note": "",
};

export interface RecordDialogProps {
  open: boolean;
  personas: Persona[] | undefined;
  // The persona filtered on, if any: the likely one.
  defaultPersona: string;
  onClose: () => void;
  onRecorded: (activity: Activity) => void;
}

export function RecordDialog(props: RecordDialogProps) {
  const form = useForm(blank);
  const sorted = sortedByName(props.personas);

  // Each opening starts with empty details; who, what and where stay as last time, since
  // actions tend to come in runs.
  useEffect(() => {
    if (!props.open) return;
    const v = form.values.peek();
    const persona = props.defaultPersona || v.persona_id || (sorted.length === 1 ? (sorted[0]?.id ?? "") : "");
    form.reset({ ...blank, persona_id: persona, activity_type: v.activity_type, platform_type: v.platform_type });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.open]);

  const v = form.values.value;
  const textLabel = textLabels[v.activity_type as ManualType];
  const persona = sorted.find((p) => p.id === v.persona_id);

  const submit = async (values: typeof blank) => {
    if (!values.persona_id) {
      const message = "Choose the persona who did it.";
      throw new ApiError(422, message, {
        type: "about:blank",
        title: "Unprocessable Content",
        status: 422,
        detail: message,
        errors: [{ field: "persona_id", message }],
      });
    }
    const data: Record<string, string> = {};
    for (const key of ["target", "url", "text", "note"] as const) {
      if (key === "text" && !textLabel) continue;
      const value = values[`activity_data.${key}`].trim();
      if (value) data[key] = value;
    }
    const created = await api.post("/api/v1/activity", {
      body: {
        persona_id: values.persona_id,
        activity_type: values.activity_type as ManualType,
        platform_type: values.platform_type as Platform,
        ...(Object.keys(data).length > 0 ? { activity_data: data } : {}),
      },
    });
    props.onRecorded(created);
  };

  return (
    <Dialog open={props.open} title="Record an action" onClose={() => !form.submitting.peek() && props.onClose()} actions={false}>
      {props.personas && props.personas.length === 0 ? (
        <>
          <p>
            Actions belong to a persona, and there is none yet. <Link href="/personas/new">Create a persona</Link> first.
          </p>
          <button type="button" onClick={props.onClose}>
            Close
          </button>
        </>
      ) : (
        <Form
          form={form}
          onSubmit={submit}
          submitLabel="Record"
          busyLabel="Recording…"
          class="form record-form"
          actions={
            <button type="button" onClick={props.onClose}>
              Cancel
            </button>
          }
        >
          <p class="form-intro">Something you just did by hand on a platform. It is recorded at the current time.</p>
          <Field
            form={form}
            name="persona_id"
            label="Persona"
            as="select"
            required
            hint={
              persona ? (
                <>
                  Now <ClockInZone zone={persona.timezone} style="time" /> for {persona.name}.
                </>
              ) : undefined
            }
          >
            <option value="">Choose a persona</option>
            {sorted.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Field>
          <div class="form-row">
            <Field form={form} name="activity_type" label="Action" as="select" required>
              {manualTypes.map((t) => (
                <option key={t} value={t}>
                  {manualTypeLabels[t]}
                </option>
              ))}
            </Field>
            <Field form={form} name="platform_type" label="Platform" as="select" required>
              {platforms.map((p) => (
                <option key={p} value={p}>
                  {platformLabels[p]}
                </option>
              ))}
            </Field>
          </div>
          <Field
            form={form}
            name="activity_data.target"
            label="Target"
            hint="Whom or what it was aimed at: an @handle, a hashtag, a post."
            autoComplete="off"
            maxLength={200}
          />
          <Field
            form={form}
            name="activity_data.url"
            label="Link"
            type="url"
            inputMode="url"
            placeholder="https://…"
            autoComplete="off"
            maxLength={2048}
          />
          {textLabel ? <Field form={form} name="activity_data.text" label={textLabel} as="textarea" class="text-short" maxLength={2000} /> : null}
          <Field form={form} name="activity_data.note" label="Note" as="textarea" class="text-short" maxLength={2000} hint="For you; never posted anywhere." />
        </Form>
      )}
    </Dialog>
  );
}
