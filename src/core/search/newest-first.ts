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
  if (nonEmpty.length === 1) return [...nonEmpty[0]!];
  const longest = nonEmpty.reduce((a, b) => (b.length > a.length ? b : a));
  const others = nonEmpty.filter((list) => list !== longest).flat().sort(compareNewestFirst);
  const merged: Quote[] = [];
  let from = 0;
  for (const quote of others) {
    const at = upperBound(longest, quote, from);
    for (let i = from; i < at; i++) merged.push(longest[i]!);
    merged.push(quote);
    from = at;
  }
  for (let i = from; i < longest.length; i++) merged.push(longest[i]!);
  return merged;
}

/** The first position from `from` on whose quote sorts after `quote`. */
function upperBound(list: readonly Quote[], quote: Quote, from: number): number {
  let low = from;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compareNewestFirst(list[mid]!, quote) <= 0) low = mid + 1;
    else high = mid;
  }
  return low;
}
