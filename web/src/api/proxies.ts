// Proxy calls that need shaping: the import takes text/plain (not JSON), and the
// inventory screen wants every proxy at once (a few pages at most).
import { allPages, api, buildUrl, send, type ResponseOf, type Schemas } from "./client";

export type ProxyImportResult = ResponseOf<"/api/v1/proxies/import", "post">;

// POST /proxies/import: one proxy a line; every line is imported or reported on its own.
export async function importProxies(
  text: string,
  where: { city: string; country_code?: string },
  signal?: AbortSignal,
): Promise<ProxyImportResult> {
  const url = buildUrl("/api/v1/proxies/import", undefined, where);
  const res = await send("post", url, { rawBody: text, contentType: "text/plain; charset=utf-8", signal });
  return (await res.json()) as ProxyImportResult;
}

// Every proxy of the inventory, newest first, following next_cursor.
export async function listAllProxies(signal?: AbortSignal): Promise<Schemas["Proxy"][]> {
  const all = await allPages((cursor) => api.get("/api/v1/proxies", { query: { limit: 200, cursor }, signal }));
  return all.items;
}

// The lines of `text` the import refused, in order, for the box to keep for fixing.
// Numbered as the server counts them: from 1, split at \n (a \r before it and a byte
// order mark at the start are not part of the line).
export function refusedLines(text: string, errors: { line: number }[]): string {
  const lines = text.replace(/^\uFEFF/, "").split("\n");
  return errors
    .map((e) => (lines[e.line - 1] ?? "").replace(/\r$/, ""))
    .join("\n");
}
