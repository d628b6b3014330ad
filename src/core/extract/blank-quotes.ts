import type { Span } from "./spans.js";

/** The text with the inside of every span blanked, offsets kept, so rules never read quoted words as narration. */
export function blankSpans(text: string, spans: readonly Span[]): string {
  let out = "";
  let at = 0;
  for (const s of spans) {
    if (s.start < at) continue;
    out += text.slice(at, s.start) + text.slice(s.start, s.end).replace(/[^\n]/g, " ");
    at = s.end;
  }
  return out + text.slice(at);
}
