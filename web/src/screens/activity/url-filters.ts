// A screen's filters kept in the URL query, so a reload or a shared link shows the same
// list. Changing one replaces the history entry (filters are no pages to go back to).
import { location, navigate } from "../../lib/router";

export interface UrlFilters<K extends string> {
  values: Record<K, string>;
  // Sets (or, with "", removes) some of them.
  set(changes: Partial<Record<K, string>>): void;
  clear(): void;
  // Whether any is set, and how many.
  active: boolean;
  count: number;
  // Changes whenever the filters do: the InfiniteList's resetKey.
  key: string;
}

export function useUrlFilters<K extends string>(keys: readonly K[]): UrlFilters<K> {
  const { path, search } = location.value;
  const values = {} as Record<K, string>;
  for (const k of keys) values[k] = search.get(k) ?? "";

  const go = (next: URLSearchParams) => {
    const qs = next.toString();
    navigate(path + (qs ? "?" + qs : ""), { replace: true });
  };
  const set = (changes: Partial<Record<K, string>>) => {
    const next = new URLSearchParams(location.peek().search);
    for (const [k, v] of Object.entries(changes) as [K, string | undefined][]) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    go(next);
  };
  const clear = () => {
    const next = new URLSearchParams(location.peek().search);
    for (const k of keys) next.delete(k);
    go(next);
  };
  return {
    values,
    set,
    clear,
    active: keys.some((k) => values[k] !== ""),
    count: keys.filter((k) => values[k] !== "").length,
    key: keys.map((k) => `${k}=${values[k]}`).join("&"),
  };
}
