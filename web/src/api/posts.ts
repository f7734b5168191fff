// Posts and what the post screens show beside them (docs/engagement.md): every
// published post (all pages), the personas and accounts by id (names, zones), and the
// limit refusals of a publication.
import { allPages, ApiError, api, type Schemas } from "./client";

export type Post = Schemas["Post"];
export type Persona = Schemas["Persona"];
export type Account = Schemas["Account"];
export type Template = Schemas["Template"];
export type DueItem = Schemas["DueList"]["items"][number];

// Every published post, page after page (a handful of personas posting by hand makes a
// few thousand at most).
export async function loadPublishedPosts(signal?: AbortSignal): Promise<Post[]> {
  const all = await allPages((cursor) =>
    api.get("/api/v1/posts", { query: { state: "published", limit: 200, cursor }, signal }),
  );
  return all.items;
}

// Every template of the user (for names and success rates).
export async function loadTemplates(signal?: AbortSignal): Promise<Template[]> {
  const all = await allPages((cursor) => api.get("/api/v1/templates", { query: { limit: 200, cursor }, signal }));
  return all.items;
}

export interface Directory {
  personas: Map<string, Persona>;
  accounts: Map<string, Account>;
}

// The personas (one page holds them all: at most 100) and the accounts of those named.
export async function loadDirectory(personaIds: Iterable<string>, signal?: AbortSignal): Promise<Directory> {
  const page = await api.get("/api/v1/personas", { query: { limit: 200 }, signal });
  const personas = new Map(page.items.map((p) => [p.id, p]));
  const wanted = [...new Set(personaIds)].filter((id) => personas.has(id));
  const lists = await Promise.all(
    wanted.map((id) => api.get("/api/v1/personas/{id}/accounts", { path: { id }, query: { limit: 200 }, signal })),
  );
  const accounts = new Map<string, Account>();
  for (const list of lists) for (const a of list.items) accounts.set(a.id, a);
  return { personas, accounts };
}

export interface LimitRefusal {
  code: "daily_limit_reached" | "cooldown";
  detail: string;
  // When the account may publish again (UTC; shown in the persona's zone).
  freesAt: string | null;
}

// A publication the account's limits refused (409 daily_limit_reached or cooldown).
export function limitRefusal(error: unknown): LimitRefusal | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  if (error.code !== "daily_limit_reached" && error.code !== "cooldown") return null;
  const freesAt = error.problem?.["frees_at"];
  return { code: error.code, detail: error.detail, freesAt: typeof freesAt === "string" ? freesAt : null };
}

export type PostWarning = Schemas["PostWarning"];

// The warnings a draft or scheduled post would get now (duplicate text, spacing,
// hashtags: POST /posts/check). Warnings are advice: when the check itself fails (an
// older server without it answers 404), there are none to show.
export async function currentWarnings(post: Post, signal?: AbortSignal): Promise<PostWarning[]> {
  if (post.state === "published") return post.warnings ?? [];
  try {
    const check = await api.post("/api/v1/posts/check", {
      body: {
        platform_account_id: post.platform_account_id,
        final_content: post.final_content,
        scheduled_for: post.scheduled_for ?? null,
        post_id: post.id,
      },
      signal,
    });
    return check.warnings;
  } catch (e) {
    if (e instanceof DOMException && e.name === "AbortError") throw e;
    return post.warnings ?? [];
  }
}
