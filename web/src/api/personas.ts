// The user's personas, for names, zones and the persona pickers. One page holds them
// all: a user has at most max_personas (100 for enterprise), a page up to 200.
import { useMemo } from "preact/hooks";
import { api, type Schemas } from "./client";
import { useResource } from "./resource";

export type Persona = Schemas["Persona"];

export function usePersonas() {
  const resource = useResource((signal) => api.get("/api/v1/personas", { query: { limit: 200 }, signal }), []);
  const list = resource.data?.items;
  const byId = useMemo(() => new Map((list ?? []).map((p) => [p.id, p])), [list]);
  return { list, byId, error: resource.error, loading: resource.loading, reload: resource.reload };
}

// The personas by name, for pickers and lists.
export function sortedByName<P extends { name: string }>(personas: P[] | undefined): P[] {
  return [...(personas ?? [])].sort((a, b) => a.name.localeCompare(b.name));
}
