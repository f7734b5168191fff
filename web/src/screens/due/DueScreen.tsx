// What is due now: scheduled posts whose time has come, each with its "I have published
// it" form, and engagement checkpoints due, late or missed, each with a compact form for
// its counts. Times in the persona's zone.
import type { ComponentChildren } from "preact";
import { useRef, useState } from "preact/hooks";
import { api } from "../../api/client";
import { loadDirectory, type Directory, type DueItem, type Post } from "../../api/posts";
import { useResource } from "../../api/resource";
import { Link, ListState, Screen, TimeInZone } from "../../components";
import { windowLabels } from "../../lib/engagement";
import type { ScreenProps } from "../../routes";
import { EngagementForm } from "../posts/EngagementForm";
import { PublishForm } from "../posts/PublishForm";
import { accountName, excerpt } from "../posts/post-parts";
import "../posts/posts.css";
import "./due.css";

async function loadDue(signal: AbortSignal): Promise<{ items: DueItem[]; directory: Directory }> {
  const due = await api.get("/api/v1/posts/due", { signal });
  const directory = await loadDirectory(
    due.items.map((i) => i.post.persona_id),
    signal,
  );
  return { items: due.items, directory };
}

export function DueScreen(_props: ScreenProps) {
  const due = useResource(loadDue, []);
  const [message, setMessage] = useState("");
  const statusRef = useRef<HTMLParagraphElement>(null);
  const items = due.data?.items ?? [];
  const toPublish = items.filter((i) => i.kind === "publish");
  const toMeasure = items.filter((i) => i.kind === "engagement");

  // The item's form goes away with the reload: focus moves to what was done.
  const done = (text: string) => {
    setMessage(text);
    due.reload();
    requestAnimationFrame(() => statusRef.current?.focus());
  };

  return (
    <Screen
      title="Due now"
      actions={
        <button type="button" onClick={due.reload} disabled={due.loading}>
          Refresh
        </button>
      }
    >
      <p ref={statusRef} class="due-status" role="status" tabIndex={-1}>
        {message}
      </p>
      <ListState loading={due.loading && !due.data} error={due.error} empty={false} emptyText="" onRetry={due.reload}>
        {due.data ? (
          <>
            <section class="due-section" aria-labelledby="due-publish-title">
              <h2 id="due-publish-title">
                To publish now <span class="due-count">{toPublish.length}</span>
              </h2>
              {toPublish.length === 0 ? (
                <p class="due-empty">Nothing to publish right now.</p>
              ) : (
                <ul class="due-list">
                  {toPublish.map((item) => (
                    <PublishItem
                      key={item.post.id}
                      item={item}
                      directory={due.data!.directory}
                      onPublished={(p) => done(`Recorded “${excerpt(p, 40)}” as published.`)}
                    />
                  ))}
                </ul>
              )}
            </section>
            <section class="due-section" aria-labelledby="due-engagement-title">
              <h2 id="due-engagement-title">
                Engagement to record <span class="due-count">{toMeasure.length}</span>
              </h2>
              {toMeasure.length === 0 ? (
                <p class="due-empty">No engagement checkpoint is due.</p>
              ) : (
                <ul class="due-list">
                  {toMeasure.map((item) => (
                    <EngagementItem
                      key={`${item.post.id}-${item.window ?? ""}`}
                      item={item}
                      directory={due.data!.directory}
                      onSaved={(p) => done(`${windowLabels[item.window ?? "immediate"].name} engagement of “${excerpt(p, 40)}” saved.`)}
                    />
                  ))}
                </ul>
              )}
            </section>
          </>
        ) : null}
      </ListState>
    </Screen>
  );
}

// The head of a due item: the post's text, whose it is, when it was due, its link.
function ItemHead(props: { item: DueItem; directory: Directory; zone: string; children?: ComponentChildren }) {
  const { post } = props.item;
  const persona = props.directory.personas.get(post.persona_id);
  const account = props.directory.accounts.get(post.platform_account_id);
  return (
    <div class="due-head">
      <p class="due-text">{excerpt(post, 140)}</p>
      <p class="due-meta">
        <span>{persona?.name ?? "Unknown persona"}</span>
        <span>{accountName(account)}</span>
        <span>
          due <TimeInZone at={props.item.due_at} zone={props.zone} />
        </span>
        {props.children}
      </p>
      <p class="due-open">
        <Link href={`/posts/${post.id}`} aria-label={`Open the post “${excerpt(post, 40)}”`}>
          Open the post
        </Link>
      </p>
    </div>
  );
}

function zoneOf(item: DueItem, directory: Directory): string {
  return directory.personas.get(item.post.persona_id)?.timezone ?? item.timezone ?? "UTC";
}

function PublishItem(props: { item: DueItem; directory: Directory; onPublished: (p: Post) => void }) {
  const zone = zoneOf(props.item, props.directory);
  return (
    <li class="due-item">
      <ItemHead item={props.item} directory={props.directory} zone={zone} />
      <PublishForm
        post={props.item.post}
        zone={zone}
        label={`Publish “${excerpt(props.item.post, 40)}”`}
        onPublished={props.onPublished}
      />
    </li>
  );
}

function EngagementItem(props: { item: DueItem; directory: Directory; onSaved: (p: Post) => void }) {
  const { item } = props;
  const window = item.window ?? "immediate";
  const zone = zoneOf(item, props.directory);
  const label = windowLabels[window];
  const mark = item.missed ? "missed" : item.late ? "late" : "due";
  return (
    <li class={`due-item due-item-${mark}`}>
      <ItemHead item={item} directory={props.directory} zone={zone}>
        <span class="due-window">
          {label.name} counts ({label.after} after)
        </span>
        <span class={`mark mark-${mark}`}>{mark === "missed" ? "Missed" : mark === "late" ? "Late" : "Due"}</span>
      </ItemHead>
      <EngagementForm
        post={item.post}
        window={window}
        label={`${label.name} engagement of “${excerpt(item.post, 40)}”`}
        onSaved={props.onSaved}
      />
    </li>
  );
}
