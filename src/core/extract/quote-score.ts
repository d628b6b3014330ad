import type { GoldQuote } from "./gold-quotes.js";
import { nameWords, sharesNameWord } from "./name-words.js";
import { type Span, overlaps } from "./spans.js";

/** A quotation the extractor found, with the display name of whom it credits. */
export interface PredictedQuote extends Span {
  speaker?: string;
}

export interface QuoteCounts {
  gold: number;
  predicted: number;
  matched: number;
  /** Gold quotes whose source holds a name: the base of speaker accuracy. */
  named: number;
  /** Of those, how many the extractor found and credited to a speaker sharing a name word. */
  speakerRight: number;
}

export interface ScoredDocument {
  counts: QuoteCounts;
  /** Gold quotes with a named source that got a wrong or no speaker, for error reading. */
  speakerMisses: { gold: GoldQuote; predicted?: PredictedQuote }[];
  missed: GoldQuote[];
  spurious: PredictedQuote[];
}

export function emptyCounts(): QuoteCounts {
  return { gold: 0, predicted: 0, matched: 0, named: 0, speakerRight: 0 };
}

/** Scores one document; a predicted quote matches the gold quote it overlaps, one to one. */
export function scoreDocument(gold: readonly GoldQuote[], predicted: readonly PredictedQuote[]): ScoredDocument {
  const counts: QuoteCounts = { ...emptyCounts(), gold: gold.length, predicted: predicted.length };
  const used = new Set<PredictedQuote>();
  const speakerMisses: ScoredDocument["speakerMisses"] = [];
  const missed: GoldQuote[] = [];
  for (const g of gold) {
    const match = predicted.find((p) => !used.has(p) && overlaps(p, g));
    if (match) {
      used.add(match);
      counts.matched++;
    } else missed.push(g);
    if (nameWords(g.source).size === 0) continue;
    counts.named++;
    if (match?.speaker && sharesNameWord(match.speaker, g.source)) counts.speakerRight++;
    else speakerMisses.push(match ? { gold: g, predicted: match } : { gold: g });
  }
  return { counts, speakerMisses, missed, spurious: predicted.filter((p) => !used.has(p)) };
}

export function addCounts(a: QuoteCounts, b: QuoteCounts): QuoteCounts {
  return {
    gold: a.gold + b.gold,
    predicted: a.predicted + b.predicted,
    matched: a.matched + b.matched,
    named: a.named + b.named,
    speakerRight: a.speakerRight + b.speakerRight,
  };
}

export interface QuoteMetrics {
  precision: number;
  recall: number;
  f1: number;
  speakerAccuracy: number;
}

export function quoteMetrics(counts: QuoteCounts): QuoteMetrics {
  const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
  const precision = ratio(counts.matched, counts.predicted);
  const recall = ratio(counts.matched, counts.gold);
  return {
    precision,
    recall,
    f1: ratio(2 * precision * recall, precision + recall),
    speakerAccuracy: ratio(counts.speakerRight, counts.named),
  };
}
