// Where in a template's text the server's placeholder problems are: the server names a
// placeholder in its message ("unknown placeholder {{persona.nickname}}; use …",
// "{{persona.demographics.age}} has no value for this persona"), trimmed of the spaces
// inside its braces and cut after 60 bytes ("{{…}}"), so the text is scanned the same
// way (src/domain/template_render.cpp) and each placeholder a message names is marked.

export interface Segment {
  text: string;
  // The messages about this piece of the text; none for plain text.
  messages?: string[];
}

// The server's cut of a long name: at most 60 bytes of UTF-8, not inside a character.
const maxQuotedBytes = 60;

export function quotedName(name: string): string {
  const bytes = new TextEncoder().encode(name);
  if (bytes.length <= maxQuotedBytes) return `{{${name}}}`;
  let cut = maxQuotedBytes;
  while (cut > 0 && ((bytes[cut] ?? 0) & 0xc0) === 0x80) cut--;
  return `{{${new TextDecoder().decode(bytes.slice(0, cut))}…}}`;
}

// White space the server trims inside the braces (ASCII, as std::isspace does).
function trimSpace(s: string): string {
  return s.replace(/^[ \t\n\v\f\r]+|[ \t\n\v\f\r]+$/g, "");
}

const unclosed = 'has a "{{" without a closing "}}"';

// `text` cut into plain pieces and the placeholders that `messages` are about, in order.
export function markPlaceholders(text: string, messages: readonly string[]): Segment[] {
  const marks: { start: number; end: number; messages: string[] }[] = [];
  let pos = 0;
  for (;;) {
    const open = text.indexOf("{{", pos);
    if (open < 0) break;
    const close = text.indexOf("}}", open + 2);
    if (close < 0) {
      // The server stops at an unclosed "{{": everything from it on is the problem.
      const about = messages.filter((m) => m.includes(unclosed));
      if (about.length > 0) marks.push({ start: open, end: text.length, messages: about });
      break;
    }
    const quoted = quotedName(trimSpace(text.slice(open + 2, close)));
    const about = messages.filter((m) => m.includes(quoted));
    if (about.length > 0) marks.push({ start: open, end: close + 2, messages: about });
    pos = close + 2;
  }
  const segments: Segment[] = [];
  let at = 0;
  for (const m of marks) {
    if (m.start > at) segments.push({ text: text.slice(at, m.start) });
    segments.push({ text: text.slice(m.start, m.end), messages: m.messages });
    at = m.end;
  }
  if (at < text.length) segments.push({ text: text.slice(at) });
  return segments;
}

// Whether any piece is marked.
export function hasMarks(segments: readonly Segment[]): boolean {
  return segments.some((s) => s.messages !== undefined);
}
