// "I have published it": the platform's id of the post and when it went out (now by
// default, on the persona's clock). A refusal of the account's limits (daily limit,
// cooldown) is told beside the form with the time it frees, in the persona's zone.
import { useState } from "preact/hooks";
import { api, fieldError } from "../../api/client";
import { limitRefusal, type LimitRefusal, type Post } from "../../api/posts";
import { Field, Form, TimeInZone, useForm } from "../../components";
import { instantOfLocalInput, localInputValue, rfc3339 } from "../../lib/time";

export function PublishForm(props: { post: Post; zone: string; label: string; onPublished: (post: Post) => void }) {
  const { zone } = props;
  const form = useForm({ platform_post_id: "", published_at: localInputValue(new Date(), zone) });
  const [refusal, setRefusal] = useState<LimitRefusal | null>(null);

  const submit = async (values: { platform_post_id: string; published_at: string }) => {
    setRefusal(null);
    const id = values.platform_post_id.trim();
    if (!id) throw fieldError("platform_post_id", "The platform's id of the post is needed.");
    let at: Date | null = null;
    if (values.published_at.trim()) {
      at = instantOfLocalInput(values.published_at, zone);
      if (!at) throw fieldError("published_at", "A date and time, or empty for now.");
    }
    try {
      const published = await api.post("/api/v1/posts/{id}/publish", {
        path: { id: props.post.id },
        body: at ? { platform_post_id: id, published_at: rfc3339(at) } : { platform_post_id: id },
      });
      props.onPublished(published);
    } catch (e) {
      const refused = limitRefusal(e);
      if (!refused) throw e;
      setRefusal(refused);
    }
  };

  return (
    <div class="publish">
      <Form form={form} onSubmit={submit} submitLabel="I have published it" busyLabel="Recording…" label={props.label} class="form publish-form">
        <div class="publish-fields">
          <Field
            form={form}
            name="platform_post_id"
            label="Platform post id"
            hint="The id the platform gave it (the number in the post's address)."
            autoComplete="off"
          />
          <Field
            form={form}
            name="published_at"
            label={`Published at (${zone})`}
            type="datetime-local"
            hint="Now, unless it went out earlier (within the last 24 hours)."
          />
        </div>
      </Form>
      {refusal ? <RefusalNote refusal={refusal} zone={zone} /> : null}
    </div>
  );
}

function RefusalNote({ refusal, zone }: { refusal: LimitRefusal; zone: string }) {
  // The server's detail names the time in UTC; it is said here in the persona's zone.
  const what =
    refusal.code === "cooldown"
      ? "The account is in a cooldown."
      : "The account has reached its daily post limit for the persona's day.";
  return (
    <div class="refusal" role="alert">
      <p>
        <strong>Not recorded.</strong> {what}
      </p>
      {refusal.freesAt ? (
        <p>
          It can publish again at <TimeInZone at={refusal.freesAt} zone={zone} />.
        </p>
      ) : null}
    </div>
  );
}
