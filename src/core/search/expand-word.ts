import { documentFrequency, type TermIndex } from "./term-index.js";
import { lowerBound, similarTerms } from "./similar-terms.js";

/**
 * What one query word may match, each with a cost: the word itself (0), a longer word it
 * begins (1: "negotiat" for "negotiations"), or a word a typo or two away (2 per edit).
 * Expansion is bounded, so a short or common word cannot drag in thousands of terms.
 */
export interface Expansion {
  /** Ascending cost. */
  termIds: number[];
  costs: number[];
}

export const COST = { exact: 0, prefix: 1, perEdit: 2 } as const;

const MAX_PREFIX_TERMS = 60;
const MAX_FUZZY_TERMS = 40;
/** Shorter words begin too many others ("the": there, then, they) for a prefix to mean anything. */
const MIN_PREFIX_LENGTH = 4;

/**
 * Typo tolerance grows with length. A short word one edit away is often just another word,
 * but typo variants are only tried when the words as typed match nothing, so a mistyped
 * short word ("rak" for "rark") can still be found.
 */
export function allowedEdits(word: string): number {
  return word.length >= 8 ? 2 : word.length >= 3 ? 1 : 0;
}

export function expandWord(index: TermIndex, word: string, options: { fuzzy: boolean }): Expansion {
  const termIds: number[] = [];
  const costs: number[] = [];
  const start = lowerBound(index.terms, word);
  if (index.terms[start] === word) {
    termIds.push(start);
    costs.push(COST.exact);
  }
  if (word.length >= MIN_PREFIX_LENGTH) {
    const longer: number[] = [];
    for (let i = index.terms[start] === word ? start + 1 : start; i < index.terms.length && index.terms[i]!.startsWith(word); i++) longer.push(i);
    for (const id of mostFrequent(index, longer, MAX_PREFIX_TERMS)) {
      termIds.push(id);
      costs.push(COST.prefix);
    }
  }
  const maxEdits = allowedEdits(word);
  if (options.fuzzy && maxEdits > 0) {
    const taken = new Set(termIds);
    const near: { id: number; edits: number }[] = [];
    similarTerms(index.terms, word, maxEdits, (id, edits) => {
      if (edits > 0 && !taken.has(id)) near.push({ id, edits });
    });
    near.sort((a, b) => a.edits - b.edits || documentFrequency(index, b.id) - documentFrequency(index, a.id));
    for (const { id, edits } of near.slice(0, MAX_FUZZY_TERMS)) {
      termIds.push(id);
      costs.push(edits * COST.perEdit);
    }
  }
  return { termIds, costs };
}

function mostFrequent(index: TermIndex, ids: number[], limit: number): number[] {
  if (ids.length <= limit) return ids;
  return [...ids].sort((a, b) => documentFrequency(index, b) - documentFrequency(index, a)).slice(0, limit);
}
