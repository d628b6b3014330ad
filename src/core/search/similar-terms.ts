/**
 * Finds the terms of a sorted list within a few edits of a word (Damerau–Levenshtein,
 * adjacent swaps counting as one edit, as typing errors do). Consecutive sorted terms share
 * prefixes, so each edit-distance row is computed once per shared prefix, and a prefix that
 * is already too far skips every term that starts with it: the walk touches a small part
 * of a large vocabulary.
 */
export function similarTerms(
  terms: readonly string[],
  word: string,
  maxEdits: number,
  visit: (termId: number, edits: number) => void,
  options: { prefix?: boolean } = {},
): void {
  const m = word.length;
  const width = m + 1;
  const codes = new Int32Array(m);
  for (let j = 0; j < m; j++) codes[j] = word.charCodeAt(j);
  // Row d (the distances after d characters of a term) lives at table[d * width]; one flat
  // array grown as needed, rather than an array per row, keeps a call cheap on short lists.
  let table = new Int32Array(width * 16);
  for (let j = 0; j <= m; j++) table[j] = j;
  // With `prefix`, a term matches when some beginning of it is within reach (typing "zlensk" finds "zelensky").
  let bestPrefix = new Int32Array(16);
  bestPrefix[0] = m;
  let previous = "";
  let i = 0;
  while (i < terms.length) {
    const term = terms[i]!;
    if ((term.length + 1) * width > table.length) {
      const bigger = new Int32Array((term.length + 1) * width * 2);
      bigger.set(table);
      table = bigger;
      const longer = new Int32Array((term.length + 1) * 2);
      longer.set(bestPrefix);
      bestPrefix = longer;
    }
    let depth = 0;
    const limit = Math.min(previous.length, term.length);
    while (depth < limit && previous.charCodeAt(depth) === term.charCodeAt(depth)) depth++;
    let pruned = -1;
    for (let d = depth + 1; d <= term.length; d++) {
      const row = d * width;
      const above = row - width;
      const aboveTwo = above - width;
      const c = term.charCodeAt(d - 1);
      const cBefore = d > 1 ? term.charCodeAt(d - 2) : -1;
      table[row] = d;
      let min = d;
      for (let j = 1; j <= m; j++) {
        const w = codes[j - 1]!;
        let value = table[above + j - 1]! + (w === c ? 0 : 1);
        const up = table[above + j]! + 1;
        const left = table[row + j - 1]! + 1;
        if (up < value) value = up;
        if (left < value) value = left;
        if (d > 1 && j > 1 && w === cBefore && codes[j - 2] === c && table[aboveTwo + j - 2]! + 1 < value) value = table[aboveTwo + j - 2]! + 1;
        table[row + j] = value;
        if (value < min) min = value;
      }
      const last = table[row + m]!;
      bestPrefix[d] = last < bestPrefix[d - 1]! ? last : bestPrefix[d - 1]!;
      if (min > maxEdits) {
        pruned = d;
        break;
      }
    }
    previous = term;
    if (pruned > 0) {
      // No term that starts with these characters can come within reach: jump past them all.
      const stem = term.slice(0, pruned);
      const next = firstAfterStem(terms, stem, i + 1);
      // Too far to go on, but a beginning already matched: so does every term that shares it.
      if (options.prefix && bestPrefix[pruned - 1]! <= maxEdits) for (let k = i; k < next; k++) visit(k, bestPrefix[pruned - 1]!);
      i = next;
      previous = stem;
      continue;
    }
    const edits = options.prefix ? bestPrefix[term.length]! : table[term.length * width + m]!;
    if (edits <= maxEdits) visit(i, edits);
    i++;
  }
}

/** The index of the first term, from `from` on, that does not start with `stem`. */
function firstAfterStem(terms: readonly string[], stem: string, from: number): number {
  let low = from;
  let high = terms.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (terms[mid]!.startsWith(stem)) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The index of the first term not less than `word` in a sorted list. */
export function lowerBound(terms: readonly string[], word: string): number {
  let low = 0;
  let high = terms.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (terms[mid]! < word) low = mid + 1;
    else high = mid;
  }
  return low;
}
