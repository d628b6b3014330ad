import { paragraphSpans } from "./paragraphs.js";
import type { QuotedSpan } from "./quoted-spans.js";
import type { Span } from "./spans.js";

/** Abbreviations whose period does not end a sentence. */
const ABBREVIATIONS = new Set(
  "mr mrs ms dr sen rep gov gen lt col sgt capt adm st jr sr vs no u.s u.n u.k d.c a.m p.m jan feb aug sept sep oct nov dec inc corp co ltd rev prof fig"
    .split(" "),
);

/**
 * Splits each paragraph into sentences, never inside a quotation: a quote of several
 * sentences stays within the sentence that frames it, which is what attribution needs.
 */
export function sentenceSpans(text: string, quotes: readonly QuotedSpan[]): Span[] {
  const sentences: Span[] = [];
  for (const paragraph of paragraphSpans(text)) {
    let start = paragraph.start;
    for (let i = paragraph.start; i < paragraph.end; i++) {
      const ch = text[i]!;
      if (!/[.!?]/.test(ch) || insideQuote(i, quotes)) continue;
      let end = i + 1;
      while (end < paragraph.end && /[”"’)\]]/.test(text[end]!)) end++;
      const next = text.slice(end, paragraph.end);
      if (!/^\s+[“"‘(\p{Lu}\p{N}]/u.test(next)) continue;
      if (ch === "." && isAbbreviation(text, start, i)) continue;
      sentences.push({ start, end });
      start = end + (next.length - next.trimStart().length);
    }
    if (start < paragraph.end) sentences.push({ start, end: paragraph.end });
  }
  return sentences;
}

function insideQuote(i: number, quotes: readonly QuotedSpan[]): boolean {
  // The closing period of a quote sits inside it but also ends the framing sentence when the mark follows.
  return quotes.some((q) => q.start <= i && i < q.end && !(q.closed && i === q.end - 1));
}

function isAbbreviation(text: string, sentenceStart: number, period: number): boolean {
  const word = /([\p{L}.]+)$/u.exec(text.slice(sentenceStart, period))?.[1] ?? "";
  if (/^\p{Lu}$/u.test(word)) return true; // an initial, as in "John F. Kennedy"
  // "No. 10" abbreviates "number"; "neither yes nor no. Varrasque …" ends a sentence.
  if (word.toLowerCase() === "no") return /^\s*\d/.test(text.slice(period + 1, period + 4));
  return ABBREVIATIONS.has(word.toLowerCase());
}
