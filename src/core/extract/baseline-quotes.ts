import { MIN_QUOTE_WORDS } from "./gold-quotes.js";
import { nameMentions } from "./name-mentions.js";
import { withDoubledApostrophesAsMarks } from "./quote-marks.js";
import type { PredictedQuote } from "./quote-score.js";
import { quotedSpans, wordCount } from "./quoted-spans.js";

/**
 * The yardstick, kept scorable so the gold reading can be checked against the
 * figures the issue gives for it: every quoted span of three words or more, credited to
 * the capitalised name nearest to it on either side, counted in characters, from the
 * same name finder as the extractor (capitalised runs outside quotation marks, titles
 * and sentence-opening common words dropped).
 */
export function baselineQuotes(rawText: string): PredictedQuote[] {
  const text = withDoubledApostrophesAsMarks(rawText);
  const quoted = quotedSpans(text);
  const names = nameMentions(text, quoted.map((q) => ({ start: q.start - 1, end: q.end + 1 })));
  return quoted
    .filter((q) => wordCount(text.slice(q.start, q.end)) >= MIN_QUOTE_WORDS)
    .map((q) => {
      let nearest: { distance: number; name: string } | undefined;
      for (const m of names) {
        const distance = m.end <= q.start ? q.start - m.end : m.start >= q.end ? m.start - q.end : -1;
        if (distance >= 0 && (!nearest || distance < nearest.distance)) nearest = { distance, name: m.name };
      }
      return { start: q.start, end: q.end, ...(nearest ? { speaker: nearest.name } : {}) };
    });
}
