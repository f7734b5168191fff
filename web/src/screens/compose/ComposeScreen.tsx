// The composer: a post for one account of a persona, from a template (rendered for the
// persona and the platform, then edited, the edits shown as a word diff) or from free
// text; measured as the platform counts it while it is written (and checked by the
// server for duplicates, spacing and hashtags); saved as a draft or scheduled at one of
// the persona's posting times on its own clock. ?template=ID, ?post=ID (a saved draft),
// ?persona=ID.
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { api, ApiError, describeError, type Schemas } from "../../api/client";
import { useResource } from "../../api/resource";
import { Field, Form, Link, ListState, Screen, TimeInZone, useForm, type FormState } from "../../components";
import { location } from "../../lib/router";
import { type Platform, platformLabel } from "../../lib/platforms";
import { countHashtags, defaultHashtagLimits, platformLimits, postLength } from "../../lib/text-length";
import { browserZone, dateKey, instantOfLocalInput, localInputValue, rfc3339, wallTime } from "../../lib/time";
import type { ScreenProps } from "../../routes";
import { usePostCheck, type PostCheck } from "./use-post-check";
import { diffCounts, wordDiff } from "./word-diff";
import "./compose.css";
import { sentence } from "../../lib/text";

type Persona = Schemas["Persona"];
type Account = Schemas["Account"];
type Template = Schemas["Template"];
type Post = Schemas["Post"];

type Values = {
  persona_id: string;
  platform_account_id: string;
  content_template_id: string;
  final_content: string;
  // The date and the time of scheduled_for, on the persona's clock; the time carries the
  // server's name, so a refused scheduled_for is told beside it.
  scheduled_date: string;
  scheduled_for: string;
};

export function ComposeScreen(_props: ScreenProps) {
  const search = location.value.search;
  const postId = search.get("post") ?? "";
  const personas = useResource((signal) => api.get("/api/v1/personas", { query: { limit: 200 }, signal }), []);
  const templates = useResource((signal) => api.get("/api/v1/templates", { query: { limit: 200 }, signal }), []);
  const post = useResource(
    (signal) => (postId ? api.get("/api/v1/posts/{id}", { path: { id: postId }, signal }) : Promise.resolve(null)),
    [postId],
  );
  const failed = personas.error ?? templates.error ?? post.error;
  const personaList = personas.data?.items;
  const templateList = templates.data?.items;
  const ready = personaList && templateList && post.data !== undefined;

  return (
    <Screen title={postId ? "Edit draft" : "New post"}>
      <ListState
        loading={personas.loading || templates.loading || post.loading}
        error={failed}
        empty={!ready}
        emptyText=""
        onRetry={() => (personas.error ? personas.reload() : templates.error ? templates.reload() : post.reload())}
      >
        {ready ? (
          personaList.length === 0 ? (
            <p>
              There is no persona to post as yet. <Link href="/personas/new">Create a persona</Link> first.
            </p>
          ) : (
            <Composer
              key={postId}
              personas={personaList}
              templates={templateList}
              post={post.data ?? null}
              templateId={search.get("template") ?? ""}
              personaId={search.get("persona") ?? ""}
            />
          )
        ) : null}
      </ListState>
    </Screen>
  );
}

interface ComposerProps {
  personas: Persona[];
  templates: Template[];
  post: Post | null;
  templateId: string;
  personaId: string;
}

const weekdayNames = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"] as const;

function initialValues({ personas, templates, post, templateId, personaId }: ComposerProps): Values {
  if (post) {
    const zone = personas.find((p) => p.id === post.persona_id)?.timezone ?? "UTC";
    const [date = "", time = ""] = localInputValue(post.scheduled_for ?? null, zone).split("T");
    return {
      persona_id: post.persona_id,
      platform_account_id: post.platform_account_id,
      content_template_id: post.content_template_id ?? "",
      final_content: post.final_content,
      scheduled_date: date,
      scheduled_for: time,
    };
  }
  const persona = personas.find((p) => p.id === personaId) ?? (personas.length === 1 ? personas[0] : undefined);
  return {
    persona_id: persona?.id ?? "",
    platform_account_id: "",
    content_template_id: templates.some((t) => t.id === templateId) ? templateId : "",
    final_content: "",
    scheduled_date: "",
    scheduled_for: "",
  };
}

// A refusal found before asking the server, shown like the server's.
function refusal(field: string, message: string): ApiError {
  const problem = { type: "about:blank", title: "Unprocessable Content", status: 422, detail: message, errors: [{ field, message }] };
  return new ApiError(422, message, problem);
}

function Composer(props: ComposerProps) {
  // When the composer opened: the post's creation_started_at.
  const startedAt = useMemo(() => rfc3339(new Date()), []);
  const form = useForm<Values>(initialValues(props));
  const v = form.values.value;
  const [saved, setSaved] = useState<Post | null>(props.post);
  // Which button submitted: the primary one schedules, "Save as draft" sets this first.
  const asDraft = useRef(false);
  // A saved post keeps its account and template (PATCH cannot change them).
  const locked = saved !== null;
  const [justSaved, setJustSaved] = useState<Post | null>(null);

  const persona = props.personas.find((p) => p.id === v.persona_id);
  const accounts = useResource(
    (signal) =>
      v.persona_id
        ? api.get("/api/v1/personas/{id}/accounts", { path: { id: v.persona_id }, query: { limit: 200 }, signal })
        : Promise.resolve(null),
    [v.persona_id],
  );
  const accountList = accounts.data?.items ?? [];
  // (The list may still be the previous persona's while the new one loads.)
  const account = accountList.find((a) => a.id === v.platform_account_id && a.persona_id === v.persona_id);
  const platform = account?.platform_type as Platform | undefined;

  // A persona picked anew: its only account is taken, another persona's is dropped.
  useEffect(() => {
    if (!accounts.data) return;
    const items = accounts.data.items;
    const current = form.values.peek().platform_account_id;
    if (current && items.some((a) => a.id === current)) return;
    form.set("platform_account_id", items.length === 1 ? (items[0]?.id ?? "") : "");
  }, [accounts.data]);

  const rendering = useRendering(v.content_template_id, persona, platform);
  // A new rendering replaces the text unless the operator has written their own.
  const lastRendered = useRef<string | null>(null);
  useEffect(() => {
    if (!rendering.text) return;
    const current = form.values.peek().final_content;
    if (current === "" || current === lastRendered.current) form.set("final_content", rendering.text);
    lastRendered.current = rendering.text;
  }, [rendering.text]);

  const zone = persona?.timezone ?? browserZone();
  const at = v.scheduled_date && v.scheduled_for ? instantOfLocalInput(`${v.scheduled_date}T${v.scheduled_for}`, zone) : null;

  const check = usePostCheck(
    account && v.final_content
      ? {
          platform_account_id: account.id,
          final_content: v.final_content,
          scheduled_for: at ? rfc3339(at) : null,
          post_id: saved?.id ?? null,
        }
      : null,
  );
  // The server's measures count only for the text and account they were taken of.
  const measured = check?.request;
  const current =
    check && account && measured?.final_content === v.final_content && measured.platform_account_id === account.id ? check.result : null;

  const save = async (values: Values) => {
    const draft = asDraft.current;
    asDraft.current = false;
    setJustSaved(null);
    if (!values.platform_account_id) throw refusal("platform_account_id", "Pick the account to post on.");
    if (!values.final_content.trim()) throw refusal("final_content", "Write the post first.");
    let scheduledFor: string | null = null;
    if (!draft) {
      if (!at) throw refusal("scheduled_for", "Pick a date and a time to schedule, or save as a draft.");
      scheduledFor = rfc3339(at);
    }
    const post = saved
      ? await api.patch("/api/v1/posts/{id}", {
          path: { id: saved.id },
          body: { final_content: values.final_content, scheduled_for: scheduledFor },
        })
      : await api.post("/api/v1/posts", {
          body: {
            platform_account_id: values.platform_account_id,
            persona_id: values.persona_id,
            ...(values.content_template_id ? { content_template_id: values.content_template_id } : {}),
            final_content: values.final_content,
            ...(scheduledFor ? { scheduled_for: scheduledFor } : {}),
            creation_started_at: startedAt,
          },
        });
    setSaved(post);
    setJustSaved(post);
    // A draft has no time: the fields say so too.
    if (draft) {
      form.set("scheduled_date", "");
      form.set("scheduled_for", "");
    }
  };

  // The last answer's warnings stay until the next one (they seldom change per keystroke).
  const warnings = account && v.final_content && measured?.platform_account_id === account.id ? (check?.result.warnings ?? []) : [];
  const showDiff = rendering.text !== null && v.content_template_id !== "";

  const templateOptions = props.templates.filter(
    (t) =>
      t.id === v.content_template_id ||
      (t.is_active &&
        (!platform || t.target_platforms.includes(platform)) &&
        (t.target_personas.length === 0 || t.target_personas.includes(v.persona_id))),
  );

  return (
    <>
      <Form
        form={form}
        onSubmit={save}
        submitLabel="Schedule"
        busyLabel="Saving…"
        class="form compose-form"
        label="Compose"
        actions={
          <button type="submit" onClick={() => (asDraft.current = true)} disabled={form.submitting.value}>
            Save as draft
          </button>
        }
      >
        {props.post?.state === "published" ? (
          <p class="compose-note">
            This post is published: its text and time can no longer change. <Link href={`/posts/${props.post.id}`}>Open the post</Link>
          </p>
        ) : null}
        <fieldset class="compose-who">
          <legend>Who posts</legend>
          {locked ? <p class="field-hint compose-who-note">A saved post keeps its persona, account and template.</p> : null}
          <Field form={form} name="persona_id" label="Persona" as="select" disabled={locked}>
            <option value="">Pick a persona</option>
            {props.personas.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Field>
          <Field
            form={form}
            name="platform_account_id"
            label="Account"
            as="select"
            disabled={locked || !persona || accountList.length === 0}
            hint={accountHint(persona, accounts.loading, accounts.error, accountList.length)}
          >
            <option value="">{persona ? "Pick an account" : "Pick a persona first"}</option>
            {accountList.map((a) => (
              <option key={a.id} value={a.id}>
                @{a.username} on {platformLabel(a.platform_type)}
              </option>
            ))}
          </Field>
          <Field form={form} name="content_template_id" label="Template" as="select" disabled={locked}>
            <option value="">None: free text</option>
            {templateOptions.map((t) => (
              <option key={t.id} value={t.id}>
                {t.template_name}
              </option>
            ))}
          </Field>
          {rendering.error ? (
            <p class="field-error" role="alert">
              The template could not be rendered: {rendering.error}
            </p>
          ) : null}
        </fieldset>

        <div class={"compose-write" + (showDiff || warnings.length > 0 ? " compose-write-side" : "")}>
          <div class="compose-text">
            <Field
              form={form}
              name="final_content"
              label="Text"
              as="textarea"
              hint={lengthHint(platform)}
            />
            {platform && account ? <Counters text={v.final_content} platform={platform} account={account} check={current} /> : null}
          </div>
          <aside class="compose-side" aria-label="Checks">
            <Warnings warnings={warnings} />
            {showDiff && rendering.text !== null ? (
              <TemplateChanges
                rendered={rendering.text}
                text={v.final_content}
                onReset={() => form.set("final_content", rendering.text ?? "")}
              />
            ) : null}
          </aside>
        </div>

        <Schedule form={form} persona={persona} zone={zone} at={at} />
      </Form>
      {justSaved ? <SavedNotice post={justSaved} zone={zone} /> : null}
    </>
  );
}

function lengthHint(platform: Platform | undefined): string {
  if (!platform) return "Pick an account to see its limits.";
  if (platform === "twitter") return "As X counts it: a link is 23 characters, CJK and emoji 2.";
  return `${platformLabel(platform)} counts characters.`;
}

function accountHint(persona: Persona | undefined, loading: boolean, error: unknown, count: number): string | undefined {
  if (!persona) return undefined;
  if (loading) return "Loading the accounts…";
  if (error) return `The accounts could not be loaded: ${describeError(error)}`;
  if (count === 0) return `${persona.name} has no platform account yet.`;
  return undefined;
}

// The template rendered for the persona and platform: the text the edits are compared to.
function useRendering(templateId: string, persona: Persona | undefined, platform: Platform | undefined) {
  const [state, setState] = useState<{ text: string | null; error: string | null }>({ text: null, error: null });
  const personaId = persona?.id;
  useEffect(() => {
    setState({ text: null, error: null });
    if (!templateId || !personaId || !platform) return;
    const controller = new AbortController();
    api
      .post("/api/v1/templates/{id}/render", {
        path: { id: templateId },
        body: { persona_id: personaId, platform_type: platform },
        signal: controller.signal,
      })
      .then(
        (r) => !controller.signal.aborted && setState({ text: r.text, error: null }),
        (e: unknown) => !controller.signal.aborted && setState({ text: null, error: e instanceof ApiError ? e.detail : String(e) }),
      );
    return () => controller.abort();
  }, [templateId, personaId, platform]);
  return state;
}

// "263 / 280" and the hashtags against the account's limit. The server's measures win
// when they are of this text; a screen reader hears only the crossings of the limit.
function Counters({ text, platform, account, check }: { text: string; platform: Platform; account: Account; check: PostCheck | null }) {
  const length = check?.length ?? postLength(text, platform);
  const limit = check?.platform_limit ?? platformLimits[platform];
  const accountLimit = account.platform_settings["max_hashtags"];
  const hashtagLimit = check?.hashtag_limit ?? (typeof accountLimit === "number" ? accountLimit : defaultHashtagLimits[platform]);
  const hashtags = check?.hashtag_count ?? countHashtags(text);
  const over = length - limit;
  const tooManyTags = hashtags > hashtagLimit;

  const [announcement, setAnnouncement] = useState("");
  const was = useRef({ over: over > 0, tags: tooManyTags });
  useEffect(() => {
    const said: string[] = [];
    if (over > 0 !== was.current.over) said.push(over > 0 ? `Over the limit by ${over} characters.` : "Within the limit again.");
    if (tooManyTags !== was.current.tags) said.push(tooManyTags ? `More than ${hashtagLimit} hashtags.` : "Hashtags within the limit again.");
    was.current = { over: over > 0, tags: tooManyTags };
    if (said.length > 0) setAnnouncement(said.join(" "));
  }, [over > 0, tooManyTags]);

  return (
    <div class="compose-counters">
      <p class={"compose-count" + (over > 0 ? " compose-over" : "")}>
        <span>
          {length} / {limit}
        </span>
        <span class="visually-hidden"> characters</span>
        {over > 0 ? <strong> {over} over the limit</strong> : null}
      </p>
      <p class={"compose-count" + (tooManyTags ? " compose-over" : "")}>
        <span>
          {hashtags} / {hashtagLimit} hashtags
        </span>
        {tooManyTags ? <strong> {hashtags - hashtagLimit} too many</strong> : null}
      </p>
      <p class="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}

function Warnings({ warnings }: { warnings: PostCheck["warnings"] }) {
  if (warnings.length === 0) return null;
  return (
    <section class="compose-warnings" aria-labelledby="compose-warnings-title">
      <h2 id="compose-warnings-title">Warnings</h2>
      <ul>
        {warnings.map((w, i) => (
          <li key={`${w.code}-${i}`}>
            {sentence(w.message)}
            {w.post_id ? (
              <>
                {" "}
                <Link href={`/posts/${w.post_id}`}>{w.code === "duplicate_text" ? "See the post with this text" : "See the nearby post"}</Link>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

// What the operator changed of the rendered template, word by word.
function TemplateChanges({ rendered, text, onReset }: { rendered: string; text: string; onReset: () => void }) {
  const parts = useMemo(() => wordDiff(rendered, text), [rendered, text]);
  const { deleted, inserted } = diffCounts(parts);
  const unchanged = rendered === text;
  return (
    <section class="compose-diff" aria-labelledby="compose-diff-title">
      <h2 id="compose-diff-title">Changes from the template</h2>
      <p class="compose-diff-summary">
        {unchanged ? "The text is the template as rendered." : `${words(deleted)} deleted, ${inserted} inserted.`}
      </p>
      {unchanged ? null : (
        <p class="compose-diff-text" aria-label="The edits">
          {parts.map((p, i) =>
            p.op === "delete" ? <del key={i}>{p.text}</del> : p.op === "insert" ? <ins key={i}>{p.text}</ins> : <span key={i}>{p.text}</span>,
          )}
        </p>
      )}
      <button type="button" onClick={onReset} disabled={unchanged}>
        Reset to the template
      </button>
    </section>
  );
}

// The date and time on the persona's clock, with its posting times of that weekday as
// one-click slots.
interface ScheduleProps {
  form: FormState<Values>;
  persona: Persona | undefined;
  zone: string;
  at: Date | null;
}

function Schedule({ form, persona, zone, at }: ScheduleProps) {
  const v = form.values.value;
  const noon = v.scheduled_date ? instantOfLocalInput(`${v.scheduled_date}T12:00`, zone) : null;
  const weekday = noon ? weekdayNames[wallTime(noon, zone).weekday] : undefined;
  const postingTimes = persona?.activity_schedule.posting_times;
  const slots = weekday ? (postingTimes?.[weekday] ?? []) : [];
  const anyTimes = postingTimes ? Object.values(postingTimes).some((t) => t && t.length > 0) : false;
  const here = browserZone();

  return (
    <fieldset class="compose-when">
      <legend>When</legend>
      <p class="field-hint">Leave the time empty and save as a draft to decide later.</p>
      <div class="compose-when-row">
        <Field form={form} name="scheduled_date" label={`Date (${zone})`} type="date" min={dateKey(new Date(), zone)} />
        <Field form={form} name="scheduled_for" label={`Time (${zone})`} type="time" />
      </div>
      {weekday && persona ? (
        slots.length > 0 ? (
          <div class="compose-slots" role="group" aria-label={`Posting times of ${persona.name} on ${capital(weekday)}`}>
            <span class="compose-slots-label">Posting times, {capital(weekday)}:</span>
            {slots.map((t) => (
              <button key={t} type="button" class="compose-slot" aria-pressed={v.scheduled_for === t} onClick={() => form.set("scheduled_for", t)}>
                {t}
              </button>
            ))}
          </div>
        ) : (
          <p class="field-hint">
            {anyTimes
              ? `${persona.name} has no posting times on ${capital(weekday)}: the server accepts only times within 30 minutes of one.`
              : `${persona.name} has no posting times: any time is accepted.`}
          </p>
        )
      ) : null}
      {at ? (
        <p class="compose-at">
          Publish at <TimeInZone at={at} zone={zone} style="datetime" />
          {here !== zone ? (
            <>
              {" "}
              (<TimeInZone at={at} zone={here} style="datetime" /> here)
            </>
          ) : null}
          .{" "}
          <button
            type="button"
            class="link-button"
            onClick={() => {
              form.set("scheduled_date", "");
              form.set("scheduled_for", "");
            }}
          >
            Clear the time
          </button>
        </p>
      ) : null}
    </fieldset>
  );
}

function SavedNotice({ post, zone }: { post: Post; zone: string }) {
  const warnings = post.warnings ?? [];
  return (
    <div class="compose-saved" role="status">
      <p>
        {post.scheduled_for ? (
          <>
            Scheduled for <TimeInZone at={post.scheduled_for} zone={zone} style="datetime" />.
          </>
        ) : (
          "Saved as a draft."
        )}{" "}
        <Link href={`/posts/${post.id}`}>Open the post</Link> · <Link href="/calendar">Calendar</Link> ·{" "}
        <a href="/compose">Write another</a>
      </p>
      {warnings.length > 0 ? (
        <ul>
          {warnings.map((w, i) => (
            <li key={i}>{sentence(w.message)}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function words(n: number): string {
  return n === 1 ? "1 word" : `${n} words`;
}

function capital(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
