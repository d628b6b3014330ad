import { runSteps, type Steps } from "../steps.js";

/**
 * An inverted index: for each term, the documents that contain it, as ascending ids in
 * one flat array. Plain typed arrays and a sorted term list, so it is compact at a million
 * documents and can be written to disk and read back as it is.
 */
export interface TermIndex {
  /** Sorted, unique. */
  terms: string[];
  /** Term i's documents are postings[offsets[i]] up to postings[offsets[i + 1]]. */
  offsets: Uint32Array;
  postings: Uint32Array;
  docCount: number;
}

export interface TermIndexBuilder {
  /** Documents must be added in ascending id order, so every postings list comes out sorted. */
  add(docId: number, terms: readonly string[]): void;
  /** The ids of terms, for terms many documents share (a speaker's names): added by id, no lookups. */
  idsOf(terms: readonly string[]): number[];
  addIds(docId: number, termIds: readonly number[]): void;
  finish(): TermIndex;
  /** finish a step at a time. */
  finishSteps(): Steps<TermIndex>;
}

/** Terms or postings handled between two steps: a few milliseconds' work. */
const MERGE_STEP = 8_192;
/** (Document, term) pairs per block while an index is built. */
const BLOCK_BITS = 16;
const BLOCK = 1 << BLOCK_BITS;
const POSTINGS_BLOCKS_PER_STEP = 16;

/** `docCount`: the documents of the whole index, when this builder makes only part of it. */
export function termIndexBuilder(wholeDocCount = 0): TermIndexBuilder {
  // Terms get ids in order of first appearance; every (document, term) pair goes into typed
  // arrays. Millions of pairs in per-term JS arrays would keep the garbage collector busy for
  // seconds on a large story; typed arrays it does not have to scan. They come in blocks: one
  // array doubled and copied held the event loop for a fifth of a second at a million quotes.
  const ids = new Map<string, number>();
  const terms: string[] = [];
  let lastDoc = new Int32Array(1024).fill(-1);
  let frequency = new Uint32Array(1024);
  const pairBlocks: Uint32Array[] = [];
  const docBlocks: Uint32Array[] = [];
  let count = 0;
  let docCount = wholeDocCount;
  const idOf = (term: string) => {
    let id = ids.get(term);
    if (id === undefined) {
      id = terms.length;
      ids.set(term, id);
      terms.push(term);
      if (id >= lastDoc.length) {
        lastDoc = grow(lastDoc, -1);
        frequency = grow(frequency, 0);
      }
    }
    return id;
  };
  const addPair = (docId: number, id: number) => {
    if (lastDoc[id] === docId) return;
    lastDoc[id] = docId;
    frequency[id]! += 1;
    const block = count >>> BLOCK_BITS;
    if (block === pairBlocks.length) {
      pairBlocks.push(new Uint32Array(BLOCK));
      docBlocks.push(new Uint32Array(BLOCK));
    }
    pairBlocks[block]![count & (BLOCK - 1)] = id;
    docBlocks[block]![count & (BLOCK - 1)] = docId;
    count++;
  };
  return {
    add(docId, docTerms) {
      docCount = Math.max(docCount, docId + 1);
      for (const term of docTerms) addPair(docId, idOf(term));
    },
    idsOf: (shared) => shared.map(idOf),
    addIds(docId, termIds) {
      docCount = Math.max(docCount, docId + 1);
      for (const id of termIds) addPair(docId, id);
    },
    finish() {
      return runSteps(this.finishSteps());
    },
    *finishSteps() {
      const byName = terms.map((_, id) => id).sort((a, b) => (terms[a]! < terms[b]! ? -1 : 1));
      yield;
      const offsets = new Uint32Array(terms.length + 1);
      const start = new Uint32Array(terms.length);
      let at = 0;
      byName.forEach((id, rank) => {
        offsets[rank] = at;
        start[id] = at;
        at += frequency[id]!;
      });
      offsets[terms.length] = at;
      // Pairs were added document by document, so each term's documents land in ascending order.
      const postings = new Uint32Array(count);
      for (let block = 0; block < pairBlocks.length; block++) {
        const pairs = pairBlocks[block]!;
        const docs = docBlocks[block]!;
        const size = Math.min(BLOCK, count - block * BLOCK);
        for (let i = 0; i < size; i++) postings[start[pairs[i]!]!++] = docs[i]!;
        if (block % POSTINGS_BLOCKS_PER_STEP === POSTINGS_BLOCKS_PER_STEP - 1) yield;
      }
      return { terms: byName.map((id) => terms[id]!), offsets, postings, docCount };
    },
  };
}

function grow<T extends Int32Array | Uint32Array>(array: T, fill: number): T {
  const bigger = new (array.constructor as new (length: number) => T)(array.length * 2);
  bigger.set(array);
  if (fill !== 0) bigger.fill(fill, array.length);
  return bigger;
}

export function documentFrequency(index: TermIndex, termId: number): number {
  return index.offsets[termId + 1]! - index.offsets[termId]!;
}

/**
 * The index of two ranges of documents, `first` holding the lower ids: each term's postings
 * are `first`'s then `second`'s, so they stay ascending.
 */
export function mergeTermIndexes(first: TermIndex, second: TermIndex): TermIndex {
  return runSteps(mergeTermIndexesSteps(first, second));
}

export function* mergeTermIndexesSteps(first: TermIndex, second: TermIndex): Steps<TermIndex> {
  const terms: string[] = [];
  // Per merged term, its id in each index (-1 where it is absent).
  const fromFirst: number[] = [];
  const fromSecond: number[] = [];
  let a = 0;
  let b = 0;
  while (a < first.terms.length || b < second.terms.length) {
    const ta = first.terms[a];
    const tb = second.terms[b];
    const takeA = tb === undefined || (ta !== undefined && ta <= tb);
    const takeB = ta === undefined || (tb !== undefined && tb <= ta);
    terms.push((takeA ? ta : tb)!);
    fromFirst.push(takeA ? a++ : -1);
    fromSecond.push(takeB ? b++ : -1);
    if (terms.length % MERGE_STEP === 0) yield;
  }
  const offsets = new Uint32Array(terms.length + 1);
  for (let i = 0; i < terms.length; i++) {
    const ia = fromFirst[i]!;
    const ib = fromSecond[i]!;
    offsets[i + 1] = offsets[i]! + (ia >= 0 ? documentFrequency(first, ia) : 0) + (ib >= 0 ? documentFrequency(second, ib) : 0);
  }
  yield;
  const postings = new Uint32Array(offsets[terms.length]!);
  for (let i = 0; i < terms.length; i++) {
    const ia = fromFirst[i]!;
    const ib = fromSecond[i]!;
    let at = offsets[i]!;
    if (ia >= 0) {
      postings.set(first.postings.subarray(first.offsets[ia]!, first.offsets[ia + 1]!), at);
      at += documentFrequency(first, ia);
    }
    if (ib >= 0) postings.set(second.postings.subarray(second.offsets[ib]!, second.offsets[ib + 1]!), at);
    if (i % MERGE_STEP === MERGE_STEP - 1) yield;
  }
  return { terms, offsets, postings, docCount: Math.max(first.docCount, second.docCount) };
}
