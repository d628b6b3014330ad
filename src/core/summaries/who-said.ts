import { expandWord } from "../search/expand-word.js";
import { queryTerms, textTerms } from "../search/terms.js";
import { lowerBound } from "../search/similar-terms.js";
import { documentFrequency } from "../search/term-index.js";
import type { Quote, Story } from "../story.js";
import { indexStory, quoteIndexData } from "../story-index.js";

/**
 * Finds the quotes a pasted message repeats. Unlike /quote, not every word has to match:
 * a message adds words of its own ("lol, Peskov really said…") and misspells some, so
 * each quote is scored by how much of the shorter side, the message or the quote, the
 * other covers, with rare words counting more than common ones.
 */
export interface SaidMatch {
  quote: Quote;
  /** 0..1: the share of the shorter side's word weight the other covers. */
  score: number;
}

/** Below this share a match is a coincidence of common words. */
const MIN_SCORE = 0.6;
/** A message's first words are enough to find a quote; bounds the work a long message costs. */
const MAX_WORDS = 40;
const MAX_CANDIDATES = 5_000;
/** A message must share at least this many words with a quote (fewer if the quote is that short). */
const MIN_WORDS = 3;

export function whoSaid(story: Story, message: string, options: { limit?: number } = {}): SaidMatch[] {
  const words = queryTerms(message).slice(0, MAX_WORDS);
  if (words.length === 0) return [];
  indexStory(story);
  const data = quoteIndexData(story);
  if (!data) return [];
  const { terms: index, order } = data;
  const n = Math.max(1, index.docCount);
  const weightOf = (df: number) => Math.log(1 + n / Math.max(1, df));

  // Per message word: its weight and what it may match, with a credit (a typo counts a little less).
  const expanded = words.map((word) => {
    const expansion = expandWord(index, word, { fuzzy: true });
    const df = expansion.termIds.length > 0 ? documentFrequency(index, expansion.termIds[0]!) : 1;
    const weight = weightOf(df);
    const credits = new Map<string, number>();
    expansion.termIds.forEach((termId, t) => {
      const cost = expansion.costs[t]!;
      const term = index.terms[termId]!;
      if (!credits.has(term)) credits.set(term, cost === 0 ? 1 : cost <= 2 ? 0.85 : 0.7);
    });
    return { weight, termIds: expansion.termIds, credits };
  });
  const messageWeight = expanded.reduce((sum, w) => sum + w.weight, 0);

  // Candidates: quotes sharing the most word weight with the message, anywhere in their document.
  const covered = new Map<number, number>();
  // Words in a tenth of all quotes would make every quote a candidate; the rarer words find them.
  const common = weightOf(n / 10);
  const anyRare = expanded.some((w) => w.weight > common);
  for (const word of expanded) {
    if (anyRare && word.weight <= common) continue;
    const seen = new Set<number>();
    for (const termId of word.termIds) {
      for (let p = index.offsets[termId]!; p < index.offsets[termId + 1]!; p++) {
        const doc = index.postings[p]!;
        if (seen.has(doc)) continue;
        seen.add(doc);
        covered.set(doc, (covered.get(doc) ?? 0) + word.weight);
      }
    }
  }
  const candidates = [...covered].sort((a, b) => b[1] - a[1]).slice(0, MAX_CANDIDATES);

  // Scored on the quote's own words only: a speaker's name or the context is not what was said.
  const matches: SaidMatch[] = [];
  for (const [doc] of candidates) {
    const quote = story.quotes[order[doc]!]!;
    const own = new Set(textTerms(quote.text, true));
    let hit = 0;
    let hits = 0;
    for (const word of expanded) {
      let credit = 0;
      for (const term of own) credit = Math.max(credit, word.credits.get(term) ?? 0);
      if (credit > 0) {
        hit += credit * word.weight;
        hits++;
      }
    }
    const ownWeight = [...own].reduce((sum, term) => sum + weightOf(termFrequency(term)), 0);
    const score = Math.min(1, hit / Math.max(1e-9, Math.min(messageWeight, ownWeight || messageWeight)));
    if (score >= MIN_SCORE && hits >= Math.min(MIN_WORDS, own.size)) matches.push({ quote, score });
  }
  matches.sort((a, b) => b.score - a.score || b.quote.date.localeCompare(a.quote.date));
  return matches.slice(0, options.limit ?? 3);

  function termFrequency(term: string): number {
    const i = lowerBound(index.terms, term);
    return index.terms[i] === term ? documentFrequency(index, i) : 1;
  }
}
