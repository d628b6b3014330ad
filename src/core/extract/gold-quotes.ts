import type { BratAttribution } from "./brat.js";
import { withDoubledApostrophesAsMarks } from "./quote-marks.js";
import { quotedSpans, wordCount } from "./quoted-spans.js";
import type { Span } from "./spans.js";

/** A quotation the corpus annotators attributed, with the words naming its source. */
export interface GoldQuote extends Span {
  /** The attribution's Source text; empty when the annotators marked none. */
  source: string;
}

export const MIN_QUOTE_WORDS = 3;

/**
 * Gold quotes per the rule: a span in quotation marks of three words or more
 * within annotated Content, its source that of the attribution covering most of it.
 * "Within" means touching the Content at all: PolNeAR leaves a transcript's speaker
 * label ("PENCE: ...") out of the Content, and annotates single sentences of a long
 * quote, and the baseline figures (F1 0.984) only come out under this reading
 * (docs/extraction.md lists the others). The NYT's '' marks are quotation marks too.
 */
export function goldQuotes(rawText: string, attributions: readonly BratAttribution[]): GoldQuote[] {
  const text = withDoubledApostrophesAsMarks(rawText);
  const gold: GoldQuote[] = [];
  for (const quoted of quotedSpans(text)) {
    if (wordCount(text.slice(quoted.start, quoted.end)) < MIN_QUOTE_WORDS) continue;
    const owner = mostCovering(quoted, attributions);
    if (!owner) continue;
    const source = owner.source.map((s) => rawText.slice(s.start, s.end)).join(" ").trim();
    gold.push({ start: quoted.start, end: quoted.end, source });
  }
  return gold;
}

function mostCovering(span: Span, attributions: readonly BratAttribution[]): BratAttribution | undefined {
  let best: { attribution: BratAttribution; covered: number } | undefined;
  for (const attribution of attributions) {
    const covered = attribution.content.reduce((sum, c) => sum + Math.max(0, Math.min(c.end, span.end) - Math.max(c.start, span.start)), 0);
    if (covered > 0 && (!best || covered > best.covered)) best = { attribution, covered };
  }
  return best?.attribution;
}
