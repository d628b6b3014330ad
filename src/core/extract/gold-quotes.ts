import type { BratAttribution } from "./brat.js";
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
 * lying inside annotated Content. PolNeAR often splits a quote of several sentences
 * into one attribution per sentence, so the span must lie inside the contents taken
 * together, and its source is that of the attribution covering most of it. "Inside"
 * ignores punctuation, since annotators differ on whether the final period belongs.
 */
export function goldQuotes(text: string, attributions: readonly BratAttribution[]): GoldQuote[] {
  const gold: GoldQuote[] = [];
  for (const quoted of quotedSpans(text)) {
    if (wordCount(text.slice(quoted.start, quoted.end)) < MIN_QUOTE_WORDS) continue;
    if (wordsLeftOver(text, quoted, attributions.flatMap((a) => a.content)) !== "") continue;
    const owner = mostCovering(quoted, attributions);
    if (!owner) continue;
    const source = owner.source.map((s) => text.slice(s.start, s.end)).join(" ").trim();
    gold.push({ start: quoted.start, end: quoted.end, source });
  }
  return gold;
}

/** The letters and digits of `span` that no fragment covers. */
function wordsLeftOver(text: string, span: Span, fragments: readonly Span[]): string {
  let left = "";
  for (let i = span.start; i < span.end; i++) {
    if (!fragments.some((f) => f.start <= i && i < f.end)) left += text[i];
  }
  return left.replace(/[^\p{L}\p{N}]/gu, "");
}

function mostCovering(span: Span, attributions: readonly BratAttribution[]): BratAttribution | undefined {
  let best: { attribution: BratAttribution; covered: number } | undefined;
  for (const attribution of attributions) {
    const covered = attribution.content.reduce((sum, c) => sum + Math.max(0, Math.min(c.end, span.end) - Math.max(c.start, span.start)), 0);
    if (covered > 0 && (!best || covered > best.covered)) best = { attribution, covered };
  }
  return best?.attribution;
}
