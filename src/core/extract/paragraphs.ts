import type { Span } from "./spans.js";

/** Paragraphs are runs of non-blank lines; news text puts one paragraph per line or per block. */
export function paragraphSpans(text: string): Span[] {
  const spans: Span[] = [];
  const line = /[^\n]+/g;
  for (let match = line.exec(text); match; match = line.exec(text)) {
    const raw = match[0];
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed) spans.push({ start: match.index + lead, end: match.index + lead + trimmed.length });
  }
  return spans;
}
