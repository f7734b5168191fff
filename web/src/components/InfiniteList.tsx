// Pages through a keyset-paged list of the API ({items, next_cursor}): the first page on
// mount (and again whenever `resetKey` changes, e.g. new filters), the next one when the
// end of the list scrolls into view (IntersectionObserver) or when "Load more" is
// pressed (keyboard users, and browsers without the observer).
import type { ComponentChildren } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { describeError } from "../api/client";
import { ListState } from "./ListState";

export interface Page<T> {
  items: T[];
  next_cursor?: string | null;
}

export interface InfiniteListProps<T> {
  // Loads the page after `cursor` (null: the first page).
  load: (cursor: string | null, signal: AbortSignal) => Promise<Page<T>>;
  itemKey: (item: T) => string;
  // One item as the content of an <li>; or use `render` for a table of all items.
  renderItem?: (item: T) => ComponentChildren;
  render?: (items: T[]) => ComponentChildren;
  // The list's accessible name ("Activity").
  label: string;
  emptyText: ComponentChildren;
  resetKey?: unknown;
}

// How close to the viewport the end of the list may come before the next page loads.
const kMargin = 200;

interface State<T> {
  items: T[];
  cursor: string | null;
  done: boolean;
  loading: boolean;
  error: unknown;
}

export function InfiniteList<T>(props: InfiniteListProps<T>) {
  const [state, setState] = useState<State<T>>({ items: [], cursor: null, done: false, loading: true, error: null });
  const sentinel = useRef<HTMLDivElement>(null);
  const controller = useRef<AbortController | null>(null);
  const stateRef = useRef(state);
  stateRef.current = state;
  const loadRef = useRef(props.load);
  loadRef.current = props.load;

  const fetchPage = (reset: boolean) => {
    const s = stateRef.current;
    if (!reset && (s.loading || s.done || s.error)) return;
    controller.current?.abort();
    const c = new AbortController();
    controller.current = c;
    const cursor = reset ? null : s.cursor;
    setState((prev) => ({ ...(reset ? { items: [], cursor: null, done: false } : prev), loading: true, error: null }) as State<T>);
    loadRef.current(cursor, c.signal).then(
      (page) => {
        if (c.signal.aborted) return;
        setState((prev) => ({
          items: [...(reset ? [] : prev.items), ...page.items],
          cursor: page.next_cursor ?? null,
          done: !page.next_cursor,
          loading: false,
          error: null,
        }));
      },
      (error: unknown) => {
        if (c.signal.aborted) return;
        setState((prev) => ({ ...prev, loading: false, error }));
      },
    );
  };

  useEffect(() => {
    fetchPage(true);
    return () => controller.current?.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.resetKey]);

  useEffect(() => {
    const el = sentinel.current;
    if (!el || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver(
      (entries) => {
        // Entries queued before a re-render can arrive after it (a first page that came
        // fast): the sentinel's position now decides, not what the entry saw.
        const near = el.getBoundingClientRect().top < window.innerHeight + kMargin;
        if (entries.some((e) => e.isIntersecting) && near) fetchPage(false);
      },
      { rootMargin: `${kMargin}px` },
    );
    // Observed anew after every page: the first callback then tells whether the end is
    // still in view (a tall screen, short pages), and the next page follows at once.
    observer.observe(el);
    return () => observer.disconnect();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state.items.length, state.loading]);

  const retry = () => {
    setState((prev) => ({ ...prev, error: null }));
    stateRef.current = { ...stateRef.current, error: null };
    fetchPage(stateRef.current.items.length === 0);
  };

  const firstPageFailed = state.error && state.items.length === 0;
  return (
    <div class="infinite-list">
      <ListState
        loading={state.loading}
        error={firstPageFailed ? state.error : null}
        empty={state.items.length === 0}
        emptyText={props.emptyText}
        onRetry={retry}
      >
        {props.render ? (
          props.render(state.items)
        ) : (
          <ul class="item-list" aria-label={props.label}>
            {state.items.map((item) => (
              <li key={props.itemKey(item)}>{props.renderItem?.(item)}</li>
            ))}
          </ul>
        )}
      </ListState>
      <div ref={sentinel} class="infinite-sentinel" aria-hidden="true" />
      {state.items.length > 0 && state.loading ? (
        <p class="list-state" role="status">
          Loading more…
        </p>
      ) : null}
      {state.error && state.items.length > 0 ? (
        <div class="list-state list-error" role="alert">
          <p>Could not load more: {describeError(state.error)}</p>
          <button type="button" onClick={retry}>
            Retry
          </button>
        </div>
      ) : null}
      {!state.done && !state.loading && !state.error && state.items.length > 0 ? (
        <button type="button" class="load-more" onClick={() => fetchPage(false)}>
          Load more
        </button>
      ) : null}
    </div>
  );
}
