import { paragraphSpans } from "./paragraphs.js";
import type { Span } from "./spans.js";

/** The inside of one pair of double quotation marks, never crossing a paragraph. */
export interface QuotedSpan extends Span {
  /** Index of the paragraph the span sits in. */
  paragraph: number;
  /** False when the paragraph ends before a closing mark: the news convention for a quote that runs on. */
  closed: boolean;
}

const OPEN = new Set(["“", "\"", "„", "«"]);
const CLOSE = new Set(["”", "\"", "»"]);

/**
 * Pairs double quotation marks paragraph by paragraph. Single marks are left alone:
 * ’ is far more often an apostrophe than a quote, and ‘ ’ mostly nest inside a double-quoted span.
 */
export function quotedSpans(text: string): QuotedSpan[] {
  const spans: QuotedSpan[] = [];
  paragraphSpans(text).forEach((paragraph, index) => {
    let open = -1;
    for (let i = paragraph.start; i < paragraph.end; i++) {
      const ch = text[i]!;
      if (open < 0) {
        // A straight mark after a digit is inches (6'3"); before a space it closes a quote we never saw open.
        if (ch === "\"" && (/\d/.test(text[i - 1] ?? "") || /\s/.test(text[i + 1] ?? " "))) continue;
        if (OPEN.has(ch) || (ch === "”" && opensHere(text, i, paragraph))) open = i + 1;
      } else if (CLOSE.has(ch) || (ch === "“" && closesHere(text, i, paragraph))) {
        if (i > open) spans.push({ start: open, end: i, paragraph: index, closed: true });
        open = -1;
      }
    }
    if (open >= 0 && open < paragraph.end) spans.push({ start: open, end: paragraph.end, paragraph: index, closed: false });
  });
  return spans;
}

// A mark typed the wrong way round still opens when it stands before a word, and closes after one.
function opensHere(text: string, i: number, paragraph: Span): boolean {
  return (i === paragraph.start || /\s/.test(text[i - 1]!)) && /\w/.test(text[i + 1] ?? "");
}

function closesHere(text: string, i: number, paragraph: Span): boolean {
  return i + 1 === paragraph.end || /[\s.,;:!?]/.test(text[i + 1]!);
}

export function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}
