import { isStopword } from "../fold-text.js";
import type { Quote } from "../story.js";
import { expandWord } from "./expand-word.js";
import { createScratch, type Matches, matchEveryWord, type Scratch } from "./match-every-word.js";
import { compareNewestFirst, firstNewest, mergeNewestFirst, upperBound, walkNewestFirst } from "./newest-first.js";
import type { TermIndex } from "./term-index.js";
import { queryTerms, textTerms } from "./terms.js";

/** Finds quotes by their words and speakers; the part of a story's index that grows with the story. */
export interface QuoteFinder {
  /**
   * Quotes that match every word of `query` (in their text, speaker's names or context, typos
   * allowed), from one of `speakerIds` when given: best first, newest first among equally good
   * matches. Without words, all of them (or all the speakers'), newest first.
   */
  find(request: { query?: string; speakerIds?: ReadonlySet<string>; limit?: number }): FoundQuotes;
}

export interface FoundQuotes {
  /** The best `limit` of them (all without a limit). Shared: do not modify. */
  quotes: readonly Quote[];
  /** How many match in all. */
  total: number;
}

/** A term index over some of a story's quotes. */
export interface QuoteSegment {
  terms: TermIndex;
  /** Document id to quote; ids run newest first. */
  quotes: readonly Quote[];
}

/**
 * A story's quote index in parts: the one built at load, and one for the quotes added since
 * (rebuilt whole at each reload, it stays small), minus the quotes whose article changed or
 * went. A live reload then costs in proportion to what changed, not to the story.
 */
export interface LiveQuoteIndex {
  /** Large stories leave stopwords out of the index (nearly half of all words); see buildTermRange. */
  stopwordsIndexed: boolean;
  segments: readonly QuoteSegment[];
  /** Quotes still in a segment that are no longer in the story. */
  removed: ReadonlySet<Quote>;
  /** Each speaker's quotes, newest first. */
  speakers: ReadonlyMap<string, readonly Quote[]>;
}

/** Past this many costs above the best, a match is noise next to the best ones (one prefix step). */
const SLACK = 1;
/** How many of the newest quotes a query of stopwords alone reads: bounded, so it stays fast at any size. */
const STOPWORD_SCAN = 20_000;

/** Work arrays are per term index and reused by every finder over it: a reload does not allocate a million slots again. */
const scratches = new WeakMap<TermIndex, Scratch>();
function scratchOf(terms: TermIndex): Scratch {
  let scratch = scratches.get(terms);
  if (!scratch) {
    scratch = createScratch(terms.docCount);
    scratches.set(terms, scratch);
  }
  return scratch;
}

/** Every quote of `segments` not `removed`, newest first. */
export function liveQuotes(segments: readonly QuoteSegment[], removed: ReadonlySet<Quote>): readonly Quote[] {
  const kept = segments.map((s) => (removed.size === 0 ? s.quotes : s.quotes.filter((q) => !removed.has(q))));
  return kept.length === 1 ? kept[0]! : mergeNewestFirst(kept);
}

export function createSegmentedFinder(index: LiveQuoteIndex): QuoteFinder {
  const { segments, removed, speakers } = index;
  const whole = segments.length === 1 && removed.size === 0;
  const segmentQuotes = segments.map((s) => s.quotes);
  let newestCache: readonly Quote[] | undefined;
  // All quotes newest first, built only for a caller that asks for all of them.
  const newest = () => (newestCache ??= liveQuotes(segments, removed));

  const quotesOf = (ids: ReadonlySet<string>, limit: number): FoundQuotes => {
    const lists = [...ids].map((id) => speakers.get(id) ?? []).filter((list) => list.length > 0);
    const total = lists.reduce((n, list) => n + list.length, 0);
    // Several people answer to one name: their lists are merged, newest first, as far as the page needs.
    if (lists.length === 1) return { quotes: limit >= total ? lists[0]! : lists[0]!.slice(0, limit), total };
    return { quotes: limit >= total ? mergeNewestFirst(lists) : firstNewest(lists, limit), total };
  };

  /** Every quote, newest first: the segments merged as far as the page needs, removed quotes skipped. */
  const allQuotes = (limit: number): FoundQuotes => {
    const total = segments.reduce((n, s) => n + s.quotes.length, 0) - removed.size;
    if (limit >= total) return { quotes: newest(), total };
    return { quotes: whole ? segments[0]!.quotes.slice(0, limit) : firstNewest(segmentQuotes, limit, removed), total };
  };

  const scanForWords = (words: string[], speakerIds: ReadonlySet<string> | undefined, limit: number): FoundQuotes => {
    const quotes: Quote[] = [];
    let total = 0;
    let read = 0;
    for (const quote of walkNewestFirst(segmentQuotes, removed)) {
      if (read++ >= STOPWORD_SCAN) break;
      if (speakerIds && !speakerIds.has(quote.speaker.id)) continue;
      const text = `${quote.text} ${quote.context ?? ""}`;
      const lower = text.toLowerCase();
      // A cheap substring test first; the exact word test only for the few that pass it.
      if (!words.every((word) => lower.includes(word))) continue;
      const terms = new Set(textTerms(text));
      if (!words.every((word) => terms.has(word))) continue;
      total++;
      if (quotes.length < limit) quotes.push(quote);
    }
    return { quotes, total };
  };

  const search = (words: string[], fuzzy: boolean): Matches[] =>
    segments.map((s) =>
      matchEveryWord(
        s.terms,
        words.map((word) => expandWord(s.terms, word, { fuzzy })),
        scratchOf(s.terms),
        SLACK,
      ),
    );
  const bestOf = (found: Matches[]) => Math.min(...found.map((m) => m.best));

  /**
   * Visits the matches of every segment within SLACK of the best of all, best first, newest
   * first among equals. The first segment is the large one: its matches are walked as they
   * are, and the few of the others are slotted in by binary search, so a query allocates
   * nothing in proportion to its matches.
   */
  const visitRanked = (found: Matches[], best: number, visit: (quote: Quote) => void) => {
    const atLevel = (m: Matches, level: number) => {
      const k = level - m.best;
      if (k < 0 || k >= m.levelEnds.length) return m.docs.subarray(0, 0);
      return m.docs.subarray(k === 0 ? 0 : m.levelEnds[k - 1]!, m.levelEnds[k]!);
    };
    const main = segments[0]!.quotes;
    for (let level = best; level <= best + SLACK; level++) {
      const docs = atLevel(found[0]!, level);
      const others = found.slice(1).flatMap((m, s) => Array.from(atLevel(m, level), (doc) => segments[s + 1]!.quotes[doc]!)).sort(compareNewestFirst);
      let at = 0;
      for (const quote of others) {
        const until = upperBound(docs, (doc) => main[doc]!, quote, at);
        for (; at < until; at++) if (!removed.has(main[docs[at]!]!)) visit(main[docs[at]!]!);
        if (!removed.has(quote)) visit(quote);
      }
      for (; at < docs.length; at++) if (!removed.has(main[docs[at]!]!)) visit(main[docs[at]!]!);
    }
  };

  return {
    find({ query, speakerIds, limit = Infinity }) {
      const words = query ? queryTerms(query) : [];
      if (words.length === 0) {
        return speakerIds ? quotesOf(speakerIds, limit) : allQuotes(limit);
      }
      // Stopwords are not indexed; a query of nothing else ("we will") is looked for among the newest quotes.
      if (!index.stopwordsIndexed && words.every(isStopword)) return scanForWords(words, speakerIds, limit);
      // Exact words and prefixes first: typo variants can only matter when nothing matches exactly.
      let found = search(words, false);
      if (bestOf(found) > 0) found = search(words, true);
      const best = bestOf(found);
      if (best === Infinity) return { quotes: [], total: 0 };
      const quotes: Quote[] = [];
      let total = 0;
      const take = (quote: Quote) => {
        if (speakerIds && !speakerIds.has(quote.speaker.id)) return;
        total++;
        if (quotes.length < limit) quotes.push(quote);
      };
      if (whole) for (const doc of found[0]!.docs) take(segments[0]!.quotes[doc]!);
      else visitRanked(found, best, take);
      return { quotes, total };
    },
  };
}

/** Each speaker's quotes, newest first, from quotes listed newest first. */
export function speakerLists(newest: readonly Quote[]): Map<string, Quote[]> {
  const lists = new Map<string, Quote[]>();
  for (const quote of newest) {
    const list = lists.get(quote.speaker.id);
    if (list) list.push(quote);
    else lists.set(quote.speaker.id, [quote]);
  }
  return lists;
}
