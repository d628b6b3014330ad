import type { Quote, Story } from "../story.js";
import { expandWord } from "./expand-word.js";
import { createScratch, matchEveryWord, type Scratch } from "./match-every-word.js";
import { type TermIndex, termIndexBuilder } from "./term-index.js";
import { isStopword } from "../fold-text.js";
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

/** The costly, data-only part of a finder: what an index cache stores. */
export interface QuoteIndexData {
  /** Large stories leave stopwords out of the index (nearly half of all words); see buildTermRange. */
  stopwordsIndexed: boolean;
  /** Document id to position in story.quotes; document ids run newest first. */
  order: Uint32Array;
  terms: TermIndex;
}

/** Past this many costs above the best, a match is noise next to the best ones (one prefix step). */
const SLACK = 1;
const CHUNK = 5_000;
/** How many of the newest quotes a query of stopwords alone reads: bounded, so it stays fast at any size. */
const STOPWORD_SCAN = 20_000;
const STOPWORDS_OUT_FROM = 100_000;

/** What the term index reads of one quote: plain strings, so another thread can index it too. */
export interface IndexedText {
  text: string;
  context?: string;
  /** The speaker's name and aliases, joined. */
  speaker: string;
}

const speakerLabels = new WeakMap<Quote["speaker"], string>();

export function indexedText(quote: Quote): IndexedText {
  // One string per person, not per quote: the same string object is also a cheap map key.
  let speaker = speakerLabels.get(quote.speaker);
  if (speaker === undefined) {
    speaker = [quote.speaker.name, ...quote.speaker.aliases].join(" ");
    speakerLabels.set(quote.speaker, speaker);
  }
  return { text: quote.text, ...(quote.context ? { context: quote.context } : {}), speaker };
}

/**
 * Builds the index data step by step: the generator yields after every chunk of quotes,
 * so a caller can let other work (a gateway heartbeat) run while a large story is indexed.
 */
export function* buildQuoteIndexData(story: Story): Generator<void, QuoteIndexData> {
  const order = newestFirstOrder(story.quotes);
  yield;
  const stopwordsIndexed = indexesStopwords(story.quotes.length);
  const terms = yield* buildTermRange(order.length, 0, order.length, (doc) => indexedText(story.quotes[order[doc]!]!), stopwordsIndexed);
  return { order, terms, stopwordsIndexed };
}

/**
 * Stopwords are nearly half of all words and queries drop them, so leaving them out halves
 * the index build of a large story; a query of stopwords alone then reads the newest quotes.
 * Small stories keep them: their index builds in moments and such queries stay exact.
 */
export function indexesStopwords(quoteCount: number): boolean {
  return quoteCount < STOPWORDS_OUT_FROM;
}

export function* buildTermRange(
  docCount: number,
  from: number,
  to: number,
  textOf: (doc: number) => IndexedText,
  stopwords: boolean,
): Generator<void, TermIndex> {
  const builder = termIndexBuilder(docCount);
  // A speaker's terms are looked up once, then added by id to each of their quotes.
  const speakerTerms = new Map<string, number[]>();
  for (let doc = from; doc < to; doc++) {
    const { text, context, speaker } = textOf(doc);
    let speakerIds = speakerTerms.get(speaker);
    if (!speakerIds) {
      speakerIds = builder.idsOf(textTerms(speaker));
      speakerTerms.set(speaker, speakerIds);
    }
    builder.add(doc, textTerms(text, !stopwords));
    if (context) builder.add(doc, textTerms(context, !stopwords));
    builder.addIds(doc, speakerIds);
    if ((doc - from) % CHUNK === CHUNK - 1) yield;
  }
  const terms = builder.finish();
  yield;
  return terms;
}

export function createQuoteFinder(story: Story, data: QuoteIndexData): QuoteFinder {
  const { order, terms: index } = data;
  let scratch: Scratch | undefined;
  // Built now rather than on first use, so the first /quote after start is as fast as the rest.
  const newest = Array.from(order, (i) => story.quotes[i]!);
  const speakerDocs = new Map<string, number[]>();
  for (let doc = 0; doc < order.length; doc++) {
    const speaker = newest[doc]!.speaker.id;
    const list = speakerDocs.get(speaker);
    if (list) list.push(doc);
    else speakerDocs.set(speaker, [doc]);
  }
  const quoteAt = (doc: number) => newest[doc]!;
  const docsOf = (id: string) => speakerDocs.get(id) ?? [];
  const speakerQuotes = new Map<string, Quote[]>();
  const quotesOf = (ids: ReadonlySet<string>, limit: number): FoundQuotes => {
    const lists = [...ids].map(docsOf);
    const total = lists.reduce((n, list) => n + list.length, 0);
    if (lists.length === 1 && limit >= total) {
      const id = [...ids][0]!;
      let quotes = speakerQuotes.get(id);
      if (!quotes) {
        quotes = lists[0]!.map(quoteAt);
        speakerQuotes.set(id, quotes);
      }
      return { quotes, total };
    }
    // Several people answer to one name: take their newest quotes by merging their lists.
    const heads = lists.map(() => 0);
    const quotes: Quote[] = [];
    while (quotes.length < Math.min(limit, total)) {
      let pick = -1;
      lists.forEach((list, i) => {
        if (heads[i]! < list.length && (pick < 0 || list[heads[i]!]! < lists[pick]![heads[pick]!]!)) pick = i;
      });
      quotes.push(quoteAt(lists[pick]![heads[pick]!++]!));
    }
    return { quotes, total };
  };

  const scanForWords = (words: string[], speakerIds: ReadonlySet<string> | undefined, limit: number): FoundQuotes => {
    const quotes: Quote[] = [];
    let total = 0;
    for (let doc = 0; doc < Math.min(newest.length, STOPWORD_SCAN); doc++) {
      const quote = newest[doc]!;
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

  const search = (words: string[], fuzzy: boolean) =>
    matchEveryWord(
      index,
      words.map((word) => expandWord(index, word, { fuzzy })),
      (scratch ??= createScratch(index.docCount)),
      SLACK,
    );

  return {
    find({ query, speakerIds, limit = Infinity }) {
      const words = query ? queryTerms(query) : [];
      if (words.length === 0) {
        if (speakerIds) return quotesOf(speakerIds, limit);
        return { quotes: limit >= newest.length ? newest : newest.slice(0, limit), total: newest.length };
      }
      // Stopwords are not indexed; a query of nothing else ("we will") is looked for among the newest quotes.
      if (!data.stopwordsIndexed && words.every(isStopword)) return scanForWords(words, speakerIds, limit);
      // Exact words and prefixes first: typo variants can only matter when nothing matches exactly.
      let found = search(words, false);
      if (found.best > 0) found = search(words, true);
      const quotes: Quote[] = [];
      let total = 0;
      for (const doc of found.docs) {
        const quote = quoteAt(doc);
        if (speakerIds && !speakerIds.has(quote.speaker.id)) continue;
        total++;
        if (quotes.length < limit) quotes.push(quote);
      }
      return { quotes, total };
    },
  };
}

/**
 * Positions in story.quotes, newest first; quotes of the same date keep story order, the
 * order a stable sort by date would give. Bucketing by date makes this linear.
 */
export function newestFirstOrder(quotes: readonly Quote[]): Uint32Array {
  const byDate = new Map<string, number[]>();
  quotes.forEach((quote, i) => {
    const list = byDate.get(quote.date);
    if (list) list.push(i);
    else byDate.set(quote.date, [i]);
  });
  const order = new Uint32Array(quotes.length);
  let at = 0;
  for (const date of [...byDate.keys()].sort().reverse()) {
    for (const i of byDate.get(date)!) order[at++] = i;
  }
  return order;
}
