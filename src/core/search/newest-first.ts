import type { Quote } from "../story.js";

/**
 * The order quotes are listed in when equally good: newest first by the quote's date, then in
 * story order (articles by date and file, a quote's place in its article). The same order
 * newestFirstOrder gives a whole story, so quotes added later sort exactly where a full
 * rebuild would put them.
 */
export function compareNewestFirst(a: Quote, b: Quote): number {
  if (a.date !== b.date) return a.date < b.date ? 1 : -1;
  if (a.article !== b.article) {
    const byArticle = a.article.date.localeCompare(b.article.date) || a.article.file.localeCompare(b.article.file);
    if (byArticle !== 0) return byArticle;
  }
  return placeInArticle(a) - placeInArticle(b);
}

/** Quote ids end in `#q<place>`; see addArticle. */
function placeInArticle(quote: Quote): number {
  return Number(quote.id.slice(quote.id.lastIndexOf("#q") + 2));
}

/**
 * Lists sorted newest first, merged into one. The longest is copied once and the others'
 * items (in practice a few new articles' quotes) are placed by binary search, so merging
 * a few quotes into a million costs a copy, not a million comparisons.
 */
export function mergeNewestFirst(lists: readonly (readonly Quote[])[]): Quote[] {
  const nonEmpty = lists.filter((list) => list.length > 0);
  if (nonEmpty.length === 0) return [];
  if (nonEmpty.length === 1) return nonEmpty[0]!.slice();
  const longest = nonEmpty.reduce((a, b) => (b.length > a.length ? b : a));
  const others = nonEmpty.filter((list) => list !== longest).flat().sort(compareNewestFirst);
  return insertAll(longest, others, (list, quote, from) => upperBound(list, (q) => q, quote, from));
}

/**
 * Lists sorted newest first, walked as one merged list (without the quotes in `skip`): the
 * heads are compared at each step, so the first page of a large merge costs a page, not a
 * sort or a copy of everything.
 */
export function* walkNewestFirst(lists: readonly (readonly Quote[])[], skip?: ReadonlySet<Quote>): Generator<Quote, void, void> {
  const at = lists.map(() => 0);
  for (;;) {
    let best = -1;
    for (let l = 0; l < lists.length; l++) {
      const list = lists[l]!;
      while (skip && at[l]! < list.length && skip.has(list[at[l]!]!)) at[l]!++;
      if (at[l]! < list.length && (best < 0 || compareNewestFirst(list[at[l]!]!, lists[best]![at[best]!]!) < 0)) best = l;
    }
    if (best < 0) return;
    yield lists[best]![at[best]!++]!;
  }
}

/** The first `limit` quotes of walkNewestFirst. */
export function firstNewest(lists: readonly (readonly Quote[])[], limit: number, skip?: ReadonlySet<Quote>): Quote[] {
  const quotes: Quote[] = [];
  if (limit <= 0) return quotes;
  for (const quote of walkNewestFirst(lists, skip)) if (quotes.push(quote) >= limit) break;
  return quotes;
}

/**
 * `added` placed into `kept` at the positions `place` finds (ascending), as one new list.
 * Runs of `kept` are copied with slice and concat, which copy memory rather than walk items:
 * a few inserts into a million items cost a few milliseconds.
 */
export function insertAll<T>(kept: readonly T[], added: readonly T[], place: (list: readonly T[], item: T, from: number) => number): T[] {
  const pieces: T[][] = [];
  let from = 0;
  let run: T[] = [];
  for (const item of added) {
    const at = place(kept, item, from);
    if (at > from) {
      if (run.length > 0) pieces.push(run);
      pieces.push(kept.slice(from, at));
      run = [];
    }
    run.push(item);
    from = at;
  }
  if (run.length > 0) pieces.push(run);
  if (from < kept.length) pieces.push(kept.slice(from));
  return ([] as T[]).concat(...pieces);
}

/** The first position from `from` on whose quote (`quoteAt` of the item) sorts after `quote`. */
export function upperBound<T>(list: ArrayLike<T>, quoteAt: (item: T) => Quote, quote: Quote, from: number): number {
  let low = from;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compareNewestFirst(quoteAt(list[mid]!), quote) <= 0) low = mid + 1;
    else high = mid;
  }
  return low;
}
