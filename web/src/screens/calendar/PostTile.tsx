// One post on the calendar: its time (in the shown zone), account and text, linking to
// the post; draggable (a published one only to be told it stays); with its keyboard alternative, a Move… button
// (Schedule… for a draft).
import { Link, TimeInZone } from "../../components";
import { formatInZone } from "../../lib/time";
import { accountHandle, platformShort, postTime, snippet, type Account, type Persona, type Post } from "./calendar-data";
import type { Drag } from "./drag";

export interface PostTileProps {
  post: Post;
  account: Account | undefined;
  zone: string;
  drag: Drag;
  onMove: (post: Post) => void;
  // The agenda's tiles say more: the persona, the platform, a longer text.
  persona?: Persona | undefined;
  full?: boolean;
}

const stateLabel = { draft: "Draft", scheduled: "Scheduled", published: "Published" } as const;

// "Move “Chai at dawn…”, Tue 09:30": the row action's accessible name.
export function postName(post: Post, zone: string): string {
  const at = postTime(post);
  return `“${snippet(post, 40)}”${at ? ", " + formatInZone(at, zone, "weekday-time") : ""}`;
}

export function PostTile(props: PostTileProps) {
  const { post, account, zone } = props;
  const published = post.state === "published";
  const at = postTime(post);
  // Published posts can be picked up too: their drop is refused with the reason.
  const drag = post.state === "draft" ? {} : props.drag.source(post);
  const dragging = props.drag.dragging?.id === post.id;
  return (
    <div class={`cal-post cal-${post.state}${props.full ? " cal-post-full" : ""}${dragging ? " cal-dragging" : ""}`} {...drag}>
      <Link href={`/posts/${post.id}`} class="cal-post-link" draggable={false}>
        <span class="cal-post-head">
          {at ? <TimeInZone at={at} zone={zone} style="time" /> : null}
          <span class="cal-post-account">
            {props.full && account ? platformShort[account.platform_type] + " " : ""}
            {accountHandle(account)}
          </span>
          {props.full && props.persona ? <span class="cal-post-persona">{props.persona.name}</span> : null}
          {props.full || published ? <span class={`cal-state cal-state-${post.state}`}>{stateLabel[post.state]}</span> : null}
        </span>
        <span class="cal-post-text">{snippet(post, props.full ? 140 : 60)}</span>
      </Link>
      {published ? null : (
        <button type="button" class="cal-move" aria-label={`${post.state === "draft" ? "Schedule" : "Move"} ${postName(post, zone)}`} onClick={() => props.onMove(post)}>
          {post.state === "draft" ? "Schedule…" : "Move…"}
        </button>
      )}
    </div>
  );
}
