// The month grid, the week and day timetables, and the agenda. Days and slots are
// computed in the shown zone (calendar-math.ts); every post is a PostTile.
import { useEffect, useRef } from "preact/hooks";
import { ListState } from "../../components";
import {
  byDay,
  civilKey,
  civilOf,
  dayOver,
  daySlots,
  formatCivil,
  minuteLabel,
  sameDay,
  slotOf,
  slotPassed,
  weekdayHeads,
  type CivilDate,
} from "./calendar-math";
import { postTime, type Account, type Persona, type Post } from "./calendar-data";
import type { Drag, DropTarget } from "./drag";
import { PostTile } from "./PostTile";

export interface ViewProps {
  days: CivilDate[];
  anchor: CivilDate;
  zone: string;
  now: Date;
  posts: Post[];
  accounts: Map<string, Account>;
  personas: Map<string, Persona>;
  drag: Drag;
  onMove: (post: Post) => void;
  onOpenDay: (day: CivilDate) => void;
  // Name each post's persona (the agenda, when not filtered to one).
  showPersona: boolean;
  // Whether `post` may land on `target` (for the highlight while dragging).
  accepts: (post: Post, target: DropTarget) => boolean;
}

function tile(props: ViewProps, post: Post, full = false) {
  return (
    <PostTile
      post={post}
      account={props.accounts.get(post.platform_account_id)}
      persona={props.showPersona ? props.personas.get(post.persona_id) : undefined}
      zone={props.zone}
      drag={props.drag}
      onMove={props.onMove}
      full={full}
    />
  );
}

// How many tiles a month cell shows before "N more".
const monthCellPosts = 4;

export function MonthView(props: ViewProps) {
  const { zone, now } = props;
  const posts = byDay(props.posts, postTime, zone);
  const today = civilOf(now, zone);
  const weeks: CivilDate[][] = [];
  for (let i = 0; i < props.days.length; i += 7) weeks.push(props.days.slice(i, i + 7));
  return (
    <table class="cal-month">
      <caption class="cal-sr">
        {formatCivil(props.anchor, "month")}, times in {zone}
      </caption>
      <thead>
        <tr>
          {weekdayHeads.map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr key={civilKey(week[0] ?? props.anchor)}>
            {week.map((day) => {
              const key = civilKey(day);
              const list = posts.get(key) ?? [];
              const target = props.drag.target(key, { day }, (post) => props.accepts(post, { day }));
              const cls =
                "cal-day" +
                (day.month !== props.anchor.month ? " cal-outside" : "") +
                (sameDay(day, today) ? " cal-today" : "") +
                (dayOver(day, zone, now) ? " cal-past" : "") +
                target.class;
              return (
                <td key={key} {...target} class={cls}>
                  <button
                    type="button"
                    class="cal-daynum"
                    aria-label={formatCivil(day, "long") + (sameDay(day, today) ? " (today)" : "")}
                    title="Show this day"
                    onClick={() => props.onOpenDay(day)}
                  >
                    {day.day}
                  </button>
                  {list.length > 0 ? (
                    <ul class="cal-posts">
                      {list.slice(0, monthCellPosts).map((p) => (
                        <li key={p.id}>{tile(props, p)}</li>
                      ))}
                    </ul>
                  ) : null}
                  {list.length > monthCellPosts ? (
                    <button type="button" class="link-button cal-more" onClick={() => props.onOpenDay(day)}>
                      {list.length - monthCellPosts} more
                    </button>
                  ) : null}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

// The week (or one day): a row per half hour of the zone's wall clock, a column per day.
export function TimetableView(props: ViewProps & { label: string }) {
  const { zone, now } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const today = civilOf(now, zone);
  const slots = new Map<string, Post[]>();
  for (const [key, list] of byDay(props.posts, postTime, zone)) {
    for (const p of list) {
      const at = postTime(p);
      if (!at) continue;
      const k = `${key}|${slotOf(at, zone)}`;
      slots.set(k, [...(slots.get(k) ?? []), p]);
    }
  }
  // Opens at the first post of the period, else at 08:00.
  const times = props.posts.map((p) => postTime(p)).filter((t): t is Date => t !== null);
  const first = times.length > 0 ? Math.min(...times.map((t) => slotOf(t, zone))) : 8 * 60;
  const period = props.days.map(civilKey).join();
  useEffect(() => {
    const box = scroller.current;
    const row = box?.querySelector<HTMLElement>(`[data-minute="${Math.min(first, 8 * 60)}"]`);
    const head = box?.querySelector("thead");
    if (box && row) box.scrollTop = row.offsetTop - (head?.offsetHeight ?? 0);
  }, [period, zone]);

  return (
    <div class="cal-timetable-wrap" ref={scroller} role="region" aria-label={props.label} tabIndex={0}>
      <table class={`cal-timetable cal-days-${props.days.length}`}>
        <caption class="cal-sr">{props.label}</caption>
        <thead>
          <tr>
            <th scope="col" class="cal-time-head">
              <span class="cal-sr">Time</span>
            </th>
            {props.days.map((day) => (
              <th key={civilKey(day)} scope="col" class={sameDay(day, today) ? "cal-today" : ""}>
                {props.days.length > 1 ? (
                  <button type="button" class="cal-dayhead" title={`Show ${formatCivil(day, "long")} as a day`} onClick={() => props.onOpenDay(day)}>
                    {formatCivil(day, "short")}
                  </button>
                ) : (
                  formatCivil(day, "long")
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {daySlots.map((minute) => (
            <tr key={minute} data-minute={minute} class={minute % 60 === 0 ? "cal-hour" : "cal-half"}>
              <th scope="row">{minuteLabel(minute)}</th>
              {props.days.map((day) => {
                const key = `${civilKey(day)}|${minute}`;
                const list = slots.get(key) ?? [];
                const target = props.drag.target(key, { day, minute }, (post) => props.accepts(post, { day, minute }));
                const past = slotPassed(day, minute, zone, now);
                return (
                  <td key={key} {...target} class={"cal-slot" + (past ? " cal-past" : "") + target.class}>
                    {list.map((p) => (
                      <div key={p.id}>{tile(props, p)}</div>
                    ))}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export interface DraftList {
  posts: Post[] | undefined;
  loading: boolean;
  error: unknown;
  reload: () => void;
}

// The agenda: the month's days that have posts, in order, then the drafts (no date).
export function AgendaView(props: ViewProps & { drafts: DraftList | null; periodName: string }) {
  const { zone, now } = props;
  const posts = byDay(props.posts, postTime, zone);
  const today = civilOf(now, zone);
  const dated = props.days.filter((d) => posts.has(civilKey(d)));
  return (
    <div class="cal-agenda">
      {dated.length === 0 ? (
        <p class="cal-empty">Nothing scheduled or published in {props.periodName}.</p>
      ) : (
        dated.map((day) => {
          const key = civilKey(day);
          return (
            <section key={key} class="cal-agenda-day" aria-labelledby={`cal-day-${key}`}>
              <h3 id={`cal-day-${key}`} class={sameDay(day, today) ? "cal-today" : ""}>
                {formatCivil(day, "long")}
                {sameDay(day, today) ? <span class="cal-today-tag"> · today</span> : null}
              </h3>
              <ul class="cal-agenda-list">
                {(posts.get(key) ?? []).map((p) => (
                  <li key={p.id}>{tile(props, p, true)}</li>
                ))}
              </ul>
            </section>
          );
        })
      )}
      {props.drafts ? (
        <section class="cal-agenda-day cal-drafts" aria-labelledby="cal-drafts">
          <h3 id="cal-drafts">Drafts, not scheduled</h3>
          <ListState
            loading={props.drafts.loading}
            error={props.drafts.error}
            empty={!props.drafts.posts?.length}
            emptyText={<p>No drafts{props.drafts.posts ? "" : " yet"}.</p>}
            onRetry={props.drafts.reload}
          >
            <ul class="cal-agenda-list">
              {(props.drafts.posts ?? []).map((p) => (
                <li key={p.id}>{tile(props, p, true)}</li>
              ))}
            </ul>
          </ListState>
        </section>
      ) : null}
    </div>
  );
}
