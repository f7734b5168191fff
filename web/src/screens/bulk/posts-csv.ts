// The CSV side of planning in bulk (docs/engagement.md, "Planning in bulk"): the import
// sends text/csv, the export answers it, so both go through `send` rather than the
// JSON client; and the example file offered to start from.
import { buildUrl, send, type QueryFor, type ResponseOf } from "../../api/client";
import { dateKey, secondsAfter } from "../../lib/time";

export type ImportResult = ResponseOf<"/api/v1/posts/import", "post">;
export type ExportFilters = QueryFor<"/api/v1/posts/export", "get">;

// POST /posts/import: each good row becomes a post, each bad one is reported by number.
export async function importPosts(csv: Blob | string, signal?: AbortSignal): Promise<ImportResult> {
  const res = await send("post", "/api/v1/posts/import", { rawBody: csv, contentType: "text/csv; charset=utf-8", signal });
  return (await res.json()) as ImportResult;
}

// GET /posts/export with the filters set (empty ones left out), as a file's content.
export async function exportPosts(filters: ExportFilters, signal?: AbortSignal): Promise<Blob> {
  const res = await send("get", buildUrl("/api/v1/posts/export", undefined, filters), {
    headers: { Accept: "text/csv" },
    signal,
  });
  return res.blob();
}

// The columns the import reads, for the screen to explain.
export const importColumns: { name: string; required: boolean; meaning: string }[] = [
  { name: "persona", required: true, meaning: "The persona's exact name (or its id)." },
  { name: "account", required: true, meaning: "The account's username on that persona (or its id)." },
  { name: "text", required: false, meaning: "The post's text. With a template, the edited version of it." },
  { name: "template", required: false, meaning: "A template's id, rendered for the persona as for a draft." },
  { name: "theme", required: false, meaning: "What {{theme}} becomes in the template." },
  {
    name: "local_time",
    required: false,
    meaning: "YYYY-MM-DD HH:MM on the persona's clock, to schedule it; empty for a draft.",
  },
];

// One CSV cell (RFC 4180): quoted when it holds a comma, a quote or a line break.
export function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvLine(cells: readonly string[]): string {
  return cells.map(csvCell).join(",") + "\r\n";
}

export interface ExampleSource {
  persona: string;
  account: string;
  // The persona's zone, for the example's dates (on its clock).
  zone: string;
  templateId?: string;
}

// An example file: two scheduled posts (one from a template when there is one) and a
// draft, for the operator's first persona and account when there are any, so it imports
// as it is.
export function exampleCsv(source: ExampleSource, now: Date = new Date()): string {
  const day = (days: number) => dateKey(secondsAfter(now, days * 86_400), source.zone);
  const rows = [
    ["persona", "account", "text", "template", "theme", "local_time"],
    [source.persona, source.account, "Good morning! Kape muna, then work.", "", "", `${day(2)} 08:30`],
    source.templateId
      ? [source.persona, source.account, "", source.templateId, "coffee", `${day(2)} 19:00`]
      : [source.persona, source.account, "Sunset walk by the bay, anyone?", "", "", `${day(3)} 18:15`],
    [source.persona, source.account, "An idea to finish later, a draft without a time", "", "", ""],
  ];
  return rows.map(csvLine).join("");
}
