// A small router over the history API: `location` is a signal, `navigate` pushes a
// path, `<Link>` (components/Link.tsx) intercepts clicks. Routes are matched by
// patterns such as "/personas/:id" (see routes.tsx).
import { signal } from "@preact/signals";

export interface Location {
  path: string; // "/personas/42"
  search: URLSearchParams;
}

function current(): Location {
  return { path: window.location.pathname, search: new URLSearchParams(window.location.search) };
}

export const location = signal<Location>(current());
// How many navigations happened since the page loaded (0: the first screen).
export const navigations = signal(0);

window.addEventListener("popstate", () => {
  location.value = current();
  navigations.value++;
});

// Goes to `to` (a path, with an optional query): a new history entry unless `replace`.
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  const url = new URL(to, window.location.origin);
  if (url.origin !== window.location.origin) throw new Error("navigate: not a path of this site: " + to);
  const target = url.pathname + url.search + url.hash;
  if (options.replace) window.history.replaceState(null, "", target);
  else window.history.pushState(null, "", target);
  location.value = current();
  navigations.value++;
  if (!options.replace) window.scrollTo(0, 0);
}

// The path and query the user is on, for ?next= links.
export function currentTarget(): string {
  return window.location.pathname + window.location.search;
}

// A `next` parameter is followed only when it is a path of this site ("/x", not
// "//evil.example" or "https://…"), so a crafted login link cannot send the user away.
export function safeNext(next: string | null | undefined, fallback = "/"): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return fallback;
  if (next === "/login" || next.startsWith("/login?")) return fallback;
  return next;
}

// Matches "/personas/:id" against "/personas/42" → { id: "42" }; null when it does not.
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split("/");
  const got = path.length > 1 && path.endsWith("/") ? path.slice(0, -1).split("/") : path.split("/");
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i] ?? "";
    const g = got[i] ?? "";
    if (w.startsWith(":")) {
      if (g === "") return null;
      try {
        params[w.slice(1)] = decodeURIComponent(g);
      } catch {
        return null;
      }
    } else if (w !== g) {
      return null;
    }
  }
  return params;
}
