import type { Expansion } from "./expand-word.js";
import type { TermIndex } from "./term-index.js";

/**
 * Per-index work arrays, one slot per document, reused by every search so a query
 * allocates nothing in proportion to the corpus. Searches are synchronous, so one set suffices.
 */
export interface Scratch {
  /** How many query words a document has matched so far in this search. */
  matched: Uint8Array;
  /** The summed cost of those matches. */
  cost: Uint16Array;
  touched: Uint32Array;
}

export function createScratch(docCount: number): Scratch {
  return { matched: new Uint8Array(docCount), cost: new Uint16Array(docCount), touched: new Uint32Array(docCount) };
}

/**
 * The documents that match every word, best first: lowest total cost, then lowest id
 * (ids are given newest first, so equally good matches come newest first). Only documents
 * within `slack` of the best cost are kept: once some quotes match well, far-fetched
 * typo matches are noise.
 */
export interface Matches {
  docs: Uint32Array;
  best: number;
  /** Where each cost level ends in `docs`: level best + k is docs[levelEnds[k - 1] ?? 0] up to docs[levelEnds[k]]. */
  levelEnds: number[];
}

export function matchEveryWord(index: TermIndex, words: readonly Expansion[], scratch: Scratch, slack: number): Matches {
  if (words.length === 0 || words.some((w) => w.termIds.length === 0)) return { docs: new Uint32Array(0), best: Infinity, levelEnds: [] };
  const { matched, cost, touched } = scratch;
  const { offsets, postings } = index;
  // The rarest word first: only documents it matched are candidates for the rest.
  const ordered = [...words].sort((a, b) => postingsOf(index, a) - postingsOf(index, b));
  let count = 0;
  ordered.forEach((word, w) => {
    word.termIds.forEach((termId, t) => {
      const c = word.costs[t]!;
      const end = offsets[termId + 1]!;
      if (w === 0) {
        for (let p = offsets[termId]!; p < end; p++) {
          const doc = postings[p]!;
          // Terms come cheapest first, so a document's first match for a word is its best one.
          if (matched[doc] === 0) {
            matched[doc] = 1;
            cost[doc] = c;
            touched[count++] = doc;
          }
        }
      } else {
        for (let p = offsets[termId]!; p < end; p++) {
          const doc = postings[p]!;
          if (matched[doc] === w) {
            matched[doc] = w + 1;
            cost[doc] = cost[doc]! + c;
          }
        }
      }
    });
  });

  const all = ordered.length;
  let best = Infinity;
  for (let i = 0; i < count; i++) {
    const doc = touched[i]!;
    if (matched[doc] === all && cost[doc]! < best) best = cost[doc]!;
  }
  const ranked: number[] = [];
  const levelEnds: number[] = [];
  if (best !== Infinity) {
    const sortedScan = count > index.docCount / 8;
    for (let level = best; level <= best + slack; level++) {
      if (sortedScan) {
        // Many matches: walking every id in order is cheaper than sorting them.
        for (let doc = 0; doc < index.docCount; doc++) if (matched[doc] === all && cost[doc] === level) ranked.push(doc);
      } else {
        const bucket: number[] = [];
        for (let i = 0; i < count; i++) {
          const doc = touched[i]!;
          if (matched[doc] === all && cost[doc] === level) bucket.push(doc);
        }
        const sorted = Uint32Array.from(bucket).sort();
        for (const doc of sorted) ranked.push(doc);
      }
      levelEnds.push(ranked.length);
    }
  }
  for (let i = 0; i < count; i++) matched[touched[i]!] = 0;
  return { docs: Uint32Array.from(ranked), best, levelEnds };
}

function postingsOf(index: TermIndex, word: Expansion): number {
  let total = 0;
  for (const id of word.termIds) total += index.offsets[id + 1]! - index.offsets[id]!;
  return total;
}
