// A word-level diff of the rendered template against the edited text, for showing what
// the operator changed (<del>/<ins>). Words and the spaces between them are tokens; the
// common start and end are cut off first, so a usual edit leaves a small middle to
// compare by longest common subsequence.

export interface DiffPart {
  op: "keep" | "delete" | "insert";
  text: string;
}

// Beyond this many cells of the comparison table, the middle is told as one deletion and
// one insertion (a whole rewrite; not worth the memory).
const maxCells = 2_000_000;

function tokens(text: string): string[] {
  return text.match(/\s+|[^\s]+/g) ?? [];
}

export function wordDiff(before: string, after: string): DiffPart[] {
  const a = tokens(before);
  const b = tokens(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const parts: DiffPart[] = [];
  const push = (op: DiffPart["op"], text: string) => {
    if (!text) return;
    const last = parts[parts.length - 1];
    if (last && last.op === op) last.text += text;
    else parts.push({ op, text });
  };
  push("keep", a.slice(0, start).join(""));
  middle(a.slice(start, endA), b.slice(start, endB), push);
  push("keep", a.slice(endA).join(""));
  return parts;
}

function middle(a: string[], b: string[], push: (op: DiffPart["op"], text: string) => void): void {
  const n = a.length;
  const m = b.length;
  if (n * m > maxCells) {
    push("delete", a.join(""));
    push("insert", b.join(""));
    return;
  }
  // lcs[i][j]: the longest common subsequence of a[i..] and b[j..], row-major.
  const w = m + 1;
  const lcs = new Uint32Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * w + j] = a[i] === b[j] ? (lcs[(i + 1) * w + j + 1] ?? 0) + 1 : Math.max(lcs[(i + 1) * w + j] ?? 0, lcs[i * w + j + 1] ?? 0);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      push("keep", a[i++] ?? "");
      j++;
    } else if ((lcs[(i + 1) * w + j] ?? 0) >= (lcs[i * w + j + 1] ?? 0)) {
      push("delete", a[i++] ?? "");
    } else {
      push("insert", b[j++] ?? "");
    }
  }
  while (i < n) push("delete", a[i++] ?? "");
  while (j < m) push("insert", b[j++] ?? "");
}

// How many words were deleted and inserted, for the summary above the diff.
export function diffCounts(parts: DiffPart[]): { deleted: number; inserted: number } {
  const words = (text: string) => tokens(text).filter((t) => /\S/.test(t)).length;
  let deleted = 0;
  let inserted = 0;
  for (const p of parts) {
    if (p.op === "delete") deleted += words(p.text);
    if (p.op === "insert") inserted += words(p.text);
  }
  return { deleted, inserted };
}
