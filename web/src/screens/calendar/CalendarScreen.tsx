// Calendar: drafts, scheduled and published posts by day, week, month or as an agenda,
// filtered by persona and account, on the browser's clock or one persona's (a switch,
// always named). Posts move by dragging (a month keeps the time of day, a week or day
// the slot's time) or by their Move… dialog; both end in the same movePost. On a phone
// the week and month fall back to the agenda. The state lives in the URL query.
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { Field, Link, ListState, Screen, TimeInZone, useNow } from "../../components";
import { browserZone, isValidZone } from "../../lib/time";
import { dropAt, civilKey, civilOf, parseCivil, periodLabel, shiftAnchor, viewDays, viewRange, type CalendarView, type CivilDate } from "./calendar-math";
import {
  accountHandle,
  movePost,
  platformShort,
  postTime,
  refusalText,
  snippet,
  useDrafts,
  usePeriodPosts,
  usePersonasAndAccounts,
  type Account,
  type Persona,
  type Post,
} from "./calendar-data";
import { useCalendarUrl, useMedia, type CalendarUrl } from "./calendar-url";
import { useDrag, type DropTarget } from "./drag";
import { MoveDialog } from "./MoveDialog";
import { AgendaView, MonthView, TimetableView, type ViewProps } from "./views";
import "./calendar.css";

const viewLabels: Record<CalendarView, string> = { day: "Day", week: "Week", month: "Month", list: "List" };
const periodUnit: Record<CalendarView, string> = { day: "day", week: "week", month: "month", list: "month" };
const wide = (v: CalendarView) => v === "week" || v === "month";

// `focus`: after the Move… dialog, whose button may be gone once the post moved.
type Notice = { kind: "moving" | "moved"; post: Post; focus?: boolean } | { kind: "refused"; post: Post; text: string };

export function CalendarScreen() {
  const url = useCalendarUrl();
  const people = usePersonasAndAccounts();
  // Week and month need room; below this the agenda stands in for them.
  const narrow = useMedia("(max-width: 40rem)");
  const now = useNow(60_000);
  const browser = browserZone();
  const persona = people.persona.get(url.persona);
  // The zone asked for, else the picked persona's, else the browser's.
  const zone = url.zone && isValidZone(url.zone) ? url.zone : (persona?.timezone ?? browser);
  const view: CalendarView = narrow && wide(url.view) ? "list" : url.view;
  const anchor = parseCivil(url.date) ?? civilOf(now, zone);
  const anchorKey = civilKey(anchor);
  const days = useMemo(() => viewDays(view, anchor), [view, anchorKey]);
  const range = useMemo(() => viewRange(view, anchor, zone), [view, anchorKey, zone]);
  const filters = { persona: url.persona, account: url.account, state: url.state };
  const posts = usePeriodPosts(filters, range.from, range.to);
  const draftsShown = view === "list" && (url.state === "" || url.state === "draft");
  const drafts = useDrafts(filters, draftsShown);

  const [moving, setMoving] = useState<Post | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const moved = (post: Post, focus = false) => {
    setNotice({ kind: "moved", post, focus });
    posts.reload();
    if (draftsShown) drafts.reload();
  };
  const verdict = (post: Post, target: DropTarget) =>
    dropAt({ published: post.state === "published", current: postTime(post) }, target, zone, new Date());
  const drag = useDrag(async (post, target) => {
    const v = verdict(post, target);
    if (!v.ok) return setNotice({ kind: "refused", post, text: v.reason });
    if (v.same) return;
    setNotice({ kind: "moving", post });
    try {
      moved(await movePost(post, v.at));
    } catch (error) {
      setNotice({ kind: "refused", post, text: refusalText(error) });
    }
  });

  const period = periodLabel(view, anchor);
  const viewProps: ViewProps = {
    days,
    anchor,
    zone,
    now,
    posts: posts.data?.posts ?? [],
    accounts: people.account,
    personas: people.persona,
    drag,
    onMove: setMoving,
    showPersona: !url.persona,
    onOpenDay: (day: CivilDate) => url.set({ view: "day", date: civilKey(day) }),
    accepts: (post, target) => verdict(post, target).ok,
  };

  return (
    <Screen
      title="Calendar"
      actions={
        <>
          <Link href="/compose" class="cal-button primary">
            New post
          </Link>
          <Link href="/posts/import" class="cal-button">
            Import posts
          </Link>
        </>
      }
    >
      <Filters url={url} personas={people.personas} accounts={people.accounts} zone={zone} browser={browser} />
      <div class="cal-toolbar">
        <div class="cal-nav" role="group" aria-label="Period">
          <button type="button" aria-label={`Previous ${periodUnit[view]}`} onClick={() => url.set({ date: civilKey(shiftAnchor(view, anchor, -1)) })}>
            ‹ Previous
          </button>
          <button type="button" onClick={() => url.set({ date: "" })}>
            Today
          </button>
          <button type="button" aria-label={`Next ${periodUnit[view]}`} onClick={() => url.set({ date: civilKey(shiftAnchor(view, anchor, 1)) })}>
            Next ›
          </button>
        </div>
        <h2 class="cal-period" aria-live="polite">
          {period}
        </h2>
        <div class="cal-views" role="group" aria-label="View">
          {(Object.keys(viewLabels) as CalendarView[]).map((v) => (
            <button
              key={v}
              type="button"
              aria-pressed={view === v}
              disabled={narrow && wide(v)}
              aria-describedby={narrow && wide(v) ? "cal-narrow" : undefined}
              onClick={() => url.set({ view: v })}
            >
              {viewLabels[v]}
            </button>
          ))}
        </div>
      </div>
      <p class="cal-zone">
        {zone === browser ? `Times in your zone, ${zone}` : `Times in ${zone}`}
        <ZoneOwners zone={zone} personas={people.personas} />
        {posts.loading && posts.data ? (
          <span class="cal-updating" role="status">
            {" "}
            · Updating…
          </span>
        ) : null}
      </p>
      {narrow ? (
        <p id="cal-narrow" class="cal-note">
          Week and month need a wider screen{wide(url.view) ? `: the ${url.view} is shown as a list by day` : ""}.
        </p>
      ) : null}
      <NoticeBar notice={notice} zone={zone} onDismiss={() => setNotice(null)} />
      <ListState loading={posts.loading || people.loading} error={posts.error ?? people.error} empty={!posts.data || !people.personas} emptyText="" onRetry={posts.error ? posts.reload : people.reload}>
        {view === "month" ? (
          <MonthView {...viewProps} />
        ) : view === "list" ? (
          <AgendaView {...viewProps} drafts={draftsShown ? { posts: drafts.data?.posts, loading: drafts.loading, error: drafts.error, reload: drafts.reload } : null} periodName={period} />
        ) : (
          <TimetableView {...viewProps} label={`${view === "day" ? "Day" : "Week"}: ${period}, times in ${zone}`} />
        )}
        {posts.data?.truncated ? <p class="cal-note">This period has more posts than the calendar loads at once: only the newest are shown. Narrow it with the filters.</p> : null}
        {view !== "list" && url.state !== "scheduled" && url.state !== "published" ? (
          <p class="cal-note">
            Drafts have no date, so they are not on the grid:{" "}
            <button type="button" class="link-button" onClick={() => url.set({ view: "list" })}>
              see them in the list
            </button>
            .
          </p>
        ) : null}
      </ListState>
      {moving ? (
        <MoveDialog
          key={moving.id}
          post={moving}
          account={people.account.get(moving.platform_account_id)}
          persona={people.persona.get(moving.persona_id)}
          zone={zone}
          now={now}
          onClose={() => setMoving(null)}
          onMoved={(post) => {
            setMoving(null);
            moved(post, true);
          }}
        />
      ) : null}
    </Screen>
  );
}

// "(Priya Sharma)": whose zone is shown, when it is personas'.
function ZoneOwners(props: { zone: string; personas: Persona[] | undefined }) {
  const names = (props.personas ?? []).filter((p) => p.timezone === props.zone).map((p) => p.name);
  if (names.length === 0) return null;
  return <span class="cal-muted"> ({names.length > 3 ? `${names.slice(0, 3).join(", ")} and ${names.length - 3} more` : names.join(", ")})</span>;
}

function NoticeBar(props: { notice: Notice | null; zone: string; onDismiss: () => void }) {
  const n = props.notice;
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (n && "focus" in n && n.focus) ref.current?.focus();
  }, [n]);
  if (!n) return null;
  const what = `“${snippet(n.post, 50)}”`;
  const dismiss = (
    <button type="button" class="link-button" onClick={props.onDismiss}>
      Dismiss
    </button>
  );
  if (n.kind === "refused") {
    return (
      <div class="cal-notice cal-refused" role="alert">
        <p>
          <strong>Not moved:</strong> {what}. {n.text}
        </p>
        {dismiss}
      </div>
    );
  }
  return (
    <div class="cal-notice" role="status" ref={ref} tabIndex={-1}>
      <p>
        {n.kind === "moving" ? (
          <>Moving {what}…</>
        ) : (
          <>
            Moved {what} to <TimeInZone at={n.post.scheduled_for} zone={props.zone} />.
          </>
        )}
      </p>
      {n.kind === "moved" ? dismiss : null}
    </div>
  );
}

function accountLabel(a: Account): string {
  return `${platformShort[a.platform_type]} ${accountHandle(a)}`;
}

function Filters(props: { url: CalendarUrl; personas: Persona[] | undefined; accounts: Account[] | undefined; zone: string; browser: string }) {
  const { url, personas } = props;
  const accounts = (props.accounts ?? []).filter((a) => !url.persona || a.persona_id === url.persona);
  const zones = [...new Set([props.browser, ...(personas ?? []).map((p) => p.timezone), props.zone])];
  const owners = (zone: string) => (personas ?? []).filter((p) => p.timezone === zone).map((p) => p.name);
  return (
    <section class="cal-filters" aria-label="Calendar filters">
      <Field
        name="persona_id"
        label="Persona"
        as="select"
        value={url.persona}
        onValue={(v) => {
          const id = String(v);
          const account = props.accounts?.find((a) => a.id === url.account);
          const before = personas?.find((p) => p.id === url.persona);
          url.set({
            persona: id,
            // An account of another persona would match nothing.
            account: account && id && account.persona_id !== id ? "" : url.account,
            // Shown on the persona's clock, the calendar follows to the next persona's.
            zone: before && url.zone === before.timezone ? "" : url.zone,
          });
        }}
      >
        <option value="">All personas</option>
        {url.persona && !personas?.some((p) => p.id === url.persona) ? <option value={url.persona}>{personas ? "Unknown persona" : "Loading…"}</option> : null}
        {(personas ?? []).map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </Field>
      <Field name="platform_account_id" label="Account" as="select" value={url.account} onValue={(v) => url.set({ account: String(v) })}>
        <option value="">All accounts</option>
        {url.account && !accounts.some((a) => a.id === url.account) ? <option value={url.account}>{props.accounts ? "Unknown account" : "Loading…"}</option> : null}
        {accounts.map((a) => (
          <option key={a.id} value={a.id}>
            {accountLabel(a)}
          </option>
        ))}
      </Field>
      <Field name="state" label="Show" as="select" value={url.state} onValue={(v) => url.set({ state: String(v) })}>
        <option value="">All posts</option>
        <option value="scheduled">Scheduled</option>
        <option value="published">Published</option>
        <option value="draft">Drafts</option>
      </Field>
      <Field name="zone" label="Show times in" as="select" value={props.zone} onValue={(v) => url.set({ zone: String(v) })}>
        {zones.map((z) => (
          <option key={z} value={z}>
            {z === props.browser ? `Your zone, ${z}` : z}
            {owners(z).length ? ` (${owners(z).join(", ")})` : ""}
          </option>
        ))}
      </Field>
    </section>
  );
}
