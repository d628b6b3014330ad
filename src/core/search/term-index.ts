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
}

/** `docCount`: the documents of the whole index, when this builder makes only part of it. */
export function termIndexBuilder(wholeDocCount = 0): TermIndexBuilder {
  // Terms get ids in order of first appearance; every (document, term) pair goes into one
  // flat typed array. Millions of pairs in per-term JS arrays would keep the garbage
  // collector busy for seconds on a large story; typed arrays it does not have to scan.
  const ids = new Map<string, number>();
  const terms: string[] = [];
  let lastDoc = new Int32Array(1024).fill(-1);
  let frequency = new Uint32Array(1024);
  let pairs = new Uint32Array(1 << 16);
  let docs = new Uint32Array(1 << 16);
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
    if (count === pairs.length) {
      pairs = grow(pairs, 0);
      docs = grow(docs, 0);
    }
    pairs[count] = id;
    docs[count++] = docId;
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
      const byName = terms.map((_, id) => id).sort((a, b) => (terms[a]! < terms[b]! ? -1 : 1));
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
      for (let i = 0; i < count; i++) postings[start[pairs[i]!]!++] = docs[i]!;
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
  const terms: string[] = [];
  const sizes: number[] = [];
  const sources: [number, number][] = [];
  let a = 0;
  let b = 0;
  while (a < first.terms.length || b < second.terms.length) {
    const ta = first.terms[a];
    const tb = second.terms[b];
    const takeA = tb === undefined || (ta !== undefined && ta <= tb);
    const takeB = ta === undefined || (tb !== undefined && tb <= ta);
    terms.push((takeA ? ta : tb)!);
    sources.push([takeA ? a : -1, takeB ? b : -1]);
    sizes.push((takeA ? documentFrequency(first, a) : 0) + (takeB ? documentFrequency(second, b) : 0));
    if (takeA) a++;
    if (takeB) b++;
  }
  const offsets = new Uint32Array(terms.length + 1);
  for (let i = 0; i < terms.length; i++) offsets[i + 1] = offsets[i]! + sizes[i]!;
  const postings = new Uint32Array(offsets[terms.length]!);
  sources.forEach(([ia, ib], i) => {
    let at = offsets[i]!;
    if (ia >= 0) {
      postings.set(first.postings.subarray(first.offsets[ia]!, first.offsets[ia + 1]!), at);
      at += documentFrequency(first, ia);
    }
    if (ib >= 0) postings.set(second.postings.subarray(second.offsets[ib]!, second.offsets[ib + 1]!), at);
  });
  return { terms, offsets, postings, docCount: Math.max(first.docCount, second.docCount) };
}
