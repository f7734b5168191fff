// One post: its text and times (in the persona's zone), where it goes, its warnings,
// what can be done with it (edit while not published, delete, record the publication),
// and its three engagement checkpoints side by side, each with its form.
import { useState } from "preact/hooks";
import { api } from "../../api/client";
import { currentWarnings, type Account, type Persona, type Post, type PostWarning, type Template } from "../../api/posts";
import { useResource } from "../../api/resource";
import { ConfirmButton, Link, ListState, Screen, TimeInZone, useNow } from "../../components";
import {
  checkpointDueAt,
  checkpointState,
  engagementWindows,
  formatRate,
  metricNames,
  postSnapshot,
  weightedRate,
  windowLabels,
  type CheckpointState,
  type EngagementWindow,
} from "../../lib/engagement";
import { navigate } from "../../lib/router";
import type { ScreenProps } from "../../routes";
import { EngagementForm } from "./EngagementForm";
import { PublishForm } from "./PublishForm";
import { accountName, excerpt, metricLabels } from "./post-parts";
import "./posts.css";

interface Loaded {
  post: Post;
  persona: Persona;
  account: Account;
  template: Template | null;
  warnings: PostWarning[];
}

async function loadPost(id: string, signal: AbortSignal): Promise<Loaded> {
  const post = await api.get("/api/v1/posts/{id}", { path: { id }, signal });
  const [persona, account, template, warnings] = await Promise.all([
    api.get("/api/v1/personas/{id}", { path: { id: post.persona_id }, signal }),
    api.get("/api/v1/accounts/{id}", { path: { id: post.platform_account_id }, signal }),
    post.content_template_id
      ? api.get("/api/v1/templates/{id}", { path: { id: post.content_template_id }, signal }).catch(() => null)
      : Promise.resolve(null),
    currentWarnings(post, signal),
  ]);
  return { post, persona, account, template, warnings };
}

const stateLabels: Record<Post["state"], string> = { draft: "Draft", scheduled: "Scheduled", published: "Published" };

export function PostScreen({ params }: ScreenProps) {
  const id = params.id ?? "";
  const loaded = useResource((signal) => loadPost(id, signal), [id]);
  // The answer of the last publication or snapshot, newer than what was loaded.
  const [saved, setSaved] = useState<Post | null>(null);
  const [message, setMessage] = useState("");
  const data = loaded.data;
  const post = saved && saved.id === id ? saved : data?.post;

  const title = post ? `${stateLabels[post.state]} post: ${excerpt(post, 40)}` : "Post";
  return (
    <Screen title={title} actions={post && data ? <PostActions post={post} /> : null}>
      <ListState loading={loaded.loading} error={loaded.error} empty={!post} emptyText="" onRetry={loaded.reload}>
        {post && data ? (
          <>
            <p class="post-status" role="status">
              {message}
            </p>
            <div class="post-screen">
            <PostSummary
              post={post}
              persona={data.persona}
              account={data.account}
              template={data.template}
              warnings={post.state === "published" ? [] : data.warnings}
            />
            {post.state !== "published" ? (
              <section class="post-card" aria-labelledby="post-publish-title">
                <h2 id="post-publish-title">Record the publication</h2>
                <p class="post-muted">
                  Post it on {accountName(data.account)} by hand, then record it here.
                </p>
                <PublishForm
                  post={post}
                  zone={data.persona.timezone}
                  label="Record the publication"
                  onPublished={(p) => {
                    setSaved(p);
                    setMessage(`Recorded as published (platform id ${p.platform_post_id ?? "—"}).`);
                  }}
                />
              </section>
            ) : null}
            <Checkpoints
              post={post}
              zone={data.persona.timezone}
              onSaved={(p, window) => {
                setSaved(p);
                setMessage(`${windowLabels[window].name} engagement saved.`);
              }}
            />
            </div>
          </>
        ) : null}
      </ListState>
    </Screen>
  );
}

function PostActions({ post }: { post: Post }) {
  return (
    <>
      {post.state !== "published" ? (
        <Link class="post-button" href={`/compose?post=${post.id}`}>
          Edit
        </Link>
      ) : null}
      <ConfirmButton
        title="Delete this post?"
        message={
          post.state === "published"
            ? "Its record and engagement numbers are deleted here; the post on the platform stays. This cannot be undone."
            : `The ${post.state === "draft" ? "draft" : "scheduled post"} is deleted. This cannot be undone.`
        }
        confirmLabel="Delete post"
        onConfirm={async () => {
          await api.delete("/api/v1/posts/{id}", { path: { id: post.id } });
          navigate("/calendar", { replace: true });
        }}
      >
        Delete post
      </ConfirmButton>
    </>
  );
}

function PostSummary(props: { post: Post; persona: Persona; account: Account; template: Template | null; warnings: PostWarning[] }) {
  const { post, persona, account, template, warnings } = props;
  const zone = persona.timezone;
  return (
    <section class="post-card post-summary" aria-labelledby="post-text-title">
      <h2 id="post-text-title">The post</h2>
      <blockquote class="post-text">{post.final_content || <span class="post-muted">(no text)</span>}</blockquote>
      {(post.final_hashtags ?? []).length > 0 ? (
        <ul class="post-tags" aria-label="Hashtags">
          {(post.final_hashtags ?? []).map((tag) => (
            <li key={tag}>{tag}</li>
          ))}
        </ul>
      ) : null}
      {warnings.length > 0 ? (
        <div class="post-warnings" role="note" aria-label="Warnings">
          <h3>Warnings</h3>
          <ul>
            {warnings.map((w, i) => (
              <li key={i}>
                {w.message}
                {w.post_id ? (
                  <>
                    {" "}
                    (<Link href={`/posts/${w.post_id}`}>the other post</Link>)
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <dl class="post-facts">
        <div>
          <dt>State</dt>
          <dd>
            <span class={`post-state post-state-${post.state}`}>{stateLabels[post.state]}</span>
          </dd>
        </div>
        <div>
          <dt>Persona</dt>
          <dd>
            <Link href={`/personas/${persona.id}`}>{persona.name}</Link>
          </dd>
        </div>
        <div>
          <dt>Account</dt>
          <dd>
            <Link href={`/accounts/${account.id}`}>{accountName(account)}</Link>
          </dd>
        </div>
        <div>
          <dt>Template</dt>
          <dd>{template ? <Link href={`/templates/${template.id}`}>{template.template_name}</Link> : post.content_template_id ? "(deleted)" : "None (free text)"}</dd>
        </div>
        <div>
          <dt>Scheduled for</dt>
          <dd>
            <TimeInZone at={post.scheduled_for} zone={zone} fallback="not scheduled" />
          </dd>
        </div>
        <div>
          <dt>Published</dt>
          <dd>
            <TimeInZone at={post.published_manually_at} zone={zone} fallback="not yet" />
          </dd>
        </div>
        {post.platform_post_id ? (
          <div>
            <dt>Platform post id</dt>
            <dd>
              <code>{post.platform_post_id}</code>
            </dd>
          </div>
        ) : null}
        <div>
          <dt>Weighted rate</dt>
          <dd>{post.template_effectiveness == null ? "—" : formatRate(post.template_effectiveness)}</dd>
        </div>
        <div>
          <dt>Customisation</dt>
          <dd>{post.content_template_id ? (post.manual_customization_level ?? "—") : "— (free text)"}</dd>
        </div>
        <div>
          <dt>Started</dt>
          <dd>
            <TimeInZone at={post.creation_started_at} zone={zone} />
          </dd>
        </div>
      </dl>
    </section>
  );
}

const stateText: Record<CheckpointState, string> = {
  unpublished: "after publication",
  captured: "recorded",
  upcoming: "not due yet",
  due: "due now",
  late: "late",
  missed: "missed",
};

function Checkpoints(props: { post: Post; zone: string; onSaved: (post: Post, window: EngagementWindow) => void }) {
  const now = useNow(30_000);
  const { post, zone } = props;
  return (
    <section class="post-checkpoints" aria-labelledby="post-engagement-title">
      <h2 id="post-engagement-title">Engagement</h2>
      <div class="checkpoint-grid">
        {engagementWindows.map((window) => {
          const snapshot = postSnapshot(post, window);
          const state = checkpointState(post.published_manually_at, window, snapshot, now);
          const label = windowLabels[window];
          const dueAt = snapshot?.due_at ?? checkpointDueAt(post.published_manually_at, window);
          return (
            <section key={window} class={`post-card checkpoint checkpoint-${state}`} aria-labelledby={`cp-${window}`}>
              <h3 id={`cp-${window}`}>
                {label.name} <span class="post-muted">({label.after} after)</span>
              </h3>
              <p class="checkpoint-marks">
                <span class={`mark mark-${state}`}>{stateText[state]}</span>
                {snapshot?.early ? <span class="mark mark-early">early</span> : null}
                {snapshot?.late ? <span class="mark mark-late">late</span> : null}
              </p>
              <dl class="checkpoint-facts">
                <div>
                  <dt>Due</dt>
                  <dd>
                    <TimeInZone at={dueAt} zone={zone} fallback={`${label.after} after publication`} />
                  </dd>
                </div>
                <div>
                  <dt>Captured</dt>
                  <dd>
                    <TimeInZone at={snapshot?.captured_at ?? null} zone={zone} fallback="not yet" />
                  </dd>
                </div>
                <div>
                  <dt>Weighted rate</dt>
                  <dd class="checkpoint-rate">{snapshot ? formatRate(weightedRate(snapshot.metrics)) : "—"}</dd>
                </div>
              </dl>
              {snapshot ? (
                <dl class="checkpoint-counts" aria-label={`${label.name} counts`}>
                  {metricNames.map((name) => (
                    <div key={name}>
                      <dt>{metricLabels[name]}</dt>
                      <dd>{snapshot.metrics[name] ?? "—"}</dd>
                    </div>
                  ))}
                </dl>
              ) : null}
              {post.state === "published" ? (
                <details class="checkpoint-edit" open={!snapshot}>
                  <summary>{snapshot ? "Update the counts" : "Record the counts"}</summary>
                  <EngagementForm
                    key={`${post.id}-${window}-${snapshot?.captured_at ?? ""}`}
                    post={post}
                    window={window}
                    label={`${label.name} engagement`}
                    onSaved={(p) => props.onSaved(p, window)}
                  />
                </details>
              ) : (
                <p class="post-muted">Counts can be recorded once the post is published.</p>
              )}
            </section>
          );
        })}
      </div>
    </section>
  );
}
