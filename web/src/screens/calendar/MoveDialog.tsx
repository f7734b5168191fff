// The keyboard way to move a post (and to schedule a draft): a date and a time on the
// shown zone's clock, prefilled with the post's own (a draft: its persona's next
// posting time), sent through the same movePost as a drop. The server's refusal (in
// the past, outside the posting windows) stands beside the time.
import { ApiError } from "../../api/client";
import { Dialog, Field, Form, useForm } from "../../components";
import { dateTimeFields, instantOfFields, nextPostingTime, type PostingTimes } from "./calendar-math";
import { accountHandle, movePost, postTime, snippet, type Account, type Persona, type Post } from "./calendar-data";

export interface MoveDialogProps {
  post: Post;
  account: Account | undefined;
  persona: Persona | undefined;
  zone: string;
  now: Date;
  onClose: () => void;
  onMoved: (post: Post) => void;
}

function prefill(props: MoveDialogProps): { date: string; scheduled_for: string } {
  const times = props.persona?.activity_schedule.posting_times as PostingTimes | undefined;
  // The persona's schedule is on its own clock, whatever zone the calendar shows.
  const at = postTime(props.post) ?? nextPostingTime(times, props.persona?.timezone ?? props.zone, props.now);
  if (!at) return { date: "", scheduled_for: "" };
  const f = dateTimeFields(at, props.zone);
  return { date: f.date, scheduled_for: f.time };
}

function fieldError(field: string, message: string): ApiError {
  return new ApiError(422, message, { type: "about:blank", title: "Unprocessable Content", status: 422, detail: message, errors: [{ field, message }] });
}

export function MoveDialog(props: MoveDialogProps) {
  const form = useForm(prefill(props));
  const draft = props.post.state === "draft";
  const title = draft ? "Schedule post" : "Move post";
  const close = () => !form.submitting.peek() && props.onClose();

  const submit = async (values: { date: string; scheduled_for: string }) => {
    if (!values.date) throw fieldError("date", "Pick a date.");
    const at = instantOfFields(values.date, values.scheduled_for, props.zone);
    if (!at) throw fieldError("scheduled_for", "Pick a time (hours and minutes).");
    props.onMoved(await movePost(props.post, at));
  };

  return (
    <Dialog open title={title} onClose={close} actions={false}>
      <p class="cal-dialog-post">
        “{snippet(props.post, 80)}”
        {props.account ? <span class="cal-muted"> · {accountHandle(props.account)}</span> : null}
      </p>
      <Form
        form={form}
        onSubmit={submit}
        submitLabel={title}
        busyLabel={draft ? "Scheduling…" : "Moving…"}
        class="form cal-move-form"
        actions={
          <button type="button" onClick={close}>
            Cancel
          </button>
        }
      >
        <div class="cal-move-fields">
          <Field form={form} name="date" label="Date" type="date" required />
          <Field
            form={form}
            name="scheduled_for"
            label={
              <>
                Time <span class="cal-muted">({props.zone})</span>
              </>
            }
            type="time"
            required
          />
        </div>
      </Form>
    </Dialog>
  );
}
