// What the calendar loads and changes: the posts of a period (every page of GET /posts),
// the unscheduled drafts, the personas with their accounts (for names, zones and the
// filters), and the one move both the drag and the Move… dialog use.
import { useMemo } from "preact/hooks";
import { allPages, api, ApiError, type QueryFor, type Schemas } from "../../api/client";
import { useResource } from "../../api/resource";
import { parseInstant, rfc3339 } from "../../lib/time";
import { sortedByName } from "../../api/personas";

export type Post = Schemas["Post"];
export type Persona = Schemas["Persona"];
export type Account = Schemas["Account"];
export type PostState = Post["state"];

export interface PostFilters {
  persona: string;
  account: string;
  state: string;
}

// A calendar period holds a few hundred posts at most; past this many pages the
// calendar says it shows the first ones only.
const maxPages = 10;

export interface PostsPage {
  posts: Post[];
  truncated: boolean;
}

type ListQuery = QueryFor<"/api/v1/posts", "get">;

async function postsOf(query: ListQuery, signal: AbortSignal): Promise<PostsPage> {
  const all = await allPages((cursor) => api.get("/api/v1/posts", { query: { ...query, cursor }, signal }), maxPages);
  return { posts: all.items, truncated: all.truncated };
}

function stateOf(text: string): PostState | undefined {
  return text === "draft" || text === "scheduled" || text === "published" ? text : undefined;
}

// The posts whose time (published, else scheduled) is in [from, to): drafts have no
// place on the grid (the API files them under the time they were begun), so they are
// left out here and listed on their own (useDrafts).
export function usePeriodPosts(filters: PostFilters, from: Date, to: Date) {
  const state = stateOf(filters.state);
  return useResource(
    async (signal) => {
      if (state === "draft") return { posts: [], truncated: false };
      const page = await postsOf(
        {
          limit: 200,
          persona_id: filters.persona || undefined,
          platform_account_id: filters.account || undefined,
          state,
          from: rfc3339(from),
          to: rfc3339(to),
        },
        signal,
      );
      return { ...page, posts: page.posts.filter((p) => p.state !== "draft") };
    },
    [filters.persona, filters.account, state, from.getTime(), to.getTime()],
  );
}

// Every draft (none has a date on the calendar), for the list view; `enabled` false
// loads nothing (other views, or a state filter that excludes drafts).
export function useDrafts(filters: PostFilters, enabled: boolean) {
  return useResource(
    async (signal) =>
      enabled
        ? postsOf(
            { limit: 200, persona_id: filters.persona || undefined, platform_account_id: filters.account || undefined, state: "draft" },
            signal,
          )
        : { posts: [], truncated: false },
    [filters.persona, filters.account, enabled],
  );
}

// The personas and every account of theirs (there is no list of all accounts: one call
// per persona, and a user has a handful).
export function usePersonasAndAccounts() {
  const resource = useResource(async (signal) => {
    const personas = (await api.get("/api/v1/personas", { query: { limit: 200 }, signal })).items;
    const lists = await Promise.all(
      personas.map((p) => api.get("/api/v1/personas/{id}/accounts", { path: { id: p.id }, query: { limit: 200 }, signal })),
    );
    return { personas, accounts: lists.flatMap((l) => l.items) };
  }, []);
  const data = resource.data;
  return useMemo(
    () => ({
      personas: data ? sortedByName(data.personas) : undefined,
      accounts: data?.accounts,
      persona: new Map((data?.personas ?? []).map((p) => [p.id, p])),
      account: new Map((data?.accounts ?? []).map((a) => [a.id, a])),
      loading: resource.loading,
      error: resource.error,
      reload: resource.reload,
    }),
    [data, resource.loading, resource.error, resource.reload],
  );
}

// When a post is on the calendar: published, else scheduled; null for a draft.
export function postTime(post: Post): Date | null {
  return parseInstant(post.published_manually_at ?? post.scheduled_for ?? null);
}

// The one way a post moves (a drop, the Move… dialog, scheduling a draft).
export function movePost(post: Post, at: Date): Promise<Post> {
  return api.patch("/api/v1/posts/{id}", { path: { id: post.id }, body: { scheduled_for: rfc3339(at) } });
}

// A refusal said plainly: the server's words about scheduled_for (outside the posting
// windows, in the past), else its detail.
export function refusalText(error: unknown): string {
  if (error instanceof ApiError) return error.fieldErrors.get("scheduled_for") ?? error.detail;
  return error instanceof Error ? error.message : String(error);
}

// A post's text cut for a tile or a label.
export function snippet(post: Post, length = 60): string {
  const text = post.final_content.replace(/\s+/g, " ").trim();
  return text.length > length ? text.slice(0, length - 1).trimEnd() + "…" : text || "(no text)";
}

// "@maria_x" for an account; "" while the accounts load.
export function accountHandle(account: Account | undefined): string {
  return account ? "@" + account.username.trim().replace(/^@+/, "") : "";
}

export const platformShort: Record<Account["platform_type"], string> = {
  twitter: "X",
  instagram: "Instagram",
  tiktok: "TikTok",
  linkedin: "LinkedIn",
};
