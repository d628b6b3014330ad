import { runSteps, type Steps } from "../steps.js";
import type { Quote, Story } from "../story.js";
import { createSegmentedFinder, type QuoteFinder, speakerLists } from "./segmented-finder.js";
import { type TermIndex, termIndexBuilder } from "./term-index.js";
import { textTerms } from "./terms.js";

export type { FoundQuotes, QuoteFinder } from "./segmented-finder.js";

/** The costly, data-only part of a finder: what an index cache stores. */
export interface QuoteIndexData {
  /** Large stories leave stopwords out of the index (nearly half of all words); see buildTermRange. */
  stopwordsIndexed: boolean;
  /** Document id to position in story.quotes; document ids run newest first. */
  order: Uint32Array;
  terms: TermIndex;
}

/** Quotes indexed between two steps: a few milliseconds' work. */
const CHUNK = 500;
/** Quotes walked between two steps where each costs little (a map lookup). */
const STEP = 16_384;
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
export function* buildQuoteIndexData(story: Story): Steps<QuoteIndexData> {
  const order = yield* newestFirstOrderSteps(story.quotes);
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
): Steps<TermIndex> {
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
  return yield* builder.finishSteps();
}

/** The finder over a whole story's index, as built at load or read from a snapshot. */
export function createQuoteFinder(story: Story, data: QuoteIndexData): QuoteFinder {
  // Built now rather than on first use, so the first /quote after start is as fast as the rest.
  const newest = Array.from(data.order, (i) => story.quotes[i]!);
  return createSegmentedFinder({ stopwordsIndexed: data.stopwordsIndexed, segments: [{ terms: data.terms, quotes: newest }], removed: new Set(), speakers: speakerLists(newest) });
}

/**
 * Positions in story.quotes, newest first; quotes of the same date keep story order, the
 * order a stable sort by date would give. Bucketing by date makes this linear.
 */
export function newestFirstOrder(quotes: readonly Quote[]): Uint32Array {
  return runSteps(newestFirstOrderSteps(quotes));
}

export function* newestFirstOrderSteps(quotes: readonly Quote[]): Steps<Uint32Array> {
  const byDate = new Map<string, number[]>();
  for (let i = 0; i < quotes.length; i++) {
    const date = quotes[i]!.date;
    const list = byDate.get(date);
    if (list) list.push(i);
    else byDate.set(date, [i]);
    if (i % STEP === STEP - 1) yield;
  }
  const order = new Uint32Array(quotes.length);
  let at = 0;
  for (const date of [...byDate.keys()].sort().reverse()) {
    for (const i of byDate.get(date)!) order[at++] = i;
    yield;
  }
  return order;
}
