// The counts of one engagement checkpoint, read off the platform by hand: recorded
// (PUT /posts/{id}/engagement/{window}) or, when already there, replaced.
import { api } from "../../api/client";
import type { Post } from "../../api/posts";
import { Field, Form, useForm } from "../../components";
import { metricNames, postSnapshot, type EngagementWindow } from "../../lib/engagement";
import { countValues, metricLabels, metricsOf, type CountValues } from "./post-parts";

export function EngagementForm(props: { post: Post; window: EngagementWindow; label: string; onSaved: (post: Post) => void }) {
  const form = useForm<CountValues>(countValues(props.post, props.window));
  const recorded = postSnapshot(props.post, props.window) !== null;

  const submit = async (values: CountValues) => {
    const saved = await api.put("/api/v1/posts/{id}/engagement/{window}", {
      path: { id: props.post.id, window: props.window },
      body: metricsOf(values),
    });
    form.reset(countValues(saved, props.window));
    props.onSaved(saved);
  };

  return (
    <Form
      form={form}
      onSubmit={submit}
      submitLabel={recorded ? "Update counts" : "Record counts"}
      busyLabel="Saving…"
      label={props.label}
      class="form counts-form"
    >
      <div class="counts-fields">
        {metricNames.map((name) => (
          <Field key={name} form={form} name={name} label={metricLabels[name]} inputMode="numeric" autoComplete="off" />
        ))}
      </div>
    </Form>
  );
}
