// Small wording helpers for what the server and the data say.

// "pending" → "Pending".
export function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// A phrase of the server's ("the same text is already scheduled…") as a sentence.
export function sentence(text: string): string {
  const t = text.trim();
  return capitalised(t) + (/[.!?]$/.test(t) ? "" : ".");
}

// "1 post", "3 posts".
export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
