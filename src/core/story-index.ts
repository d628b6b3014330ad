import { type NameIndex, createNameIndex } from "./name-index.js";
import type { Party, Person, Topic } from "./schema.js";
import { buildQuoteIndexData, buildTermRange, indexedText, type QuoteFinder, type QuoteIndexData } from "./search/quote-finder.js";
import { compareNewestFirst, mergeNewestFirst } from "./search/newest-first.js";
import { createSegmentedFinder, type LiveQuoteIndex, type QuoteSegment, speakerLists } from "./search/segmented-finder.js";
import { type StatusFinder, createStatusFinder } from "./search/status-finder.js";
import { runSteps, type Steps } from "./steps.js";
import type { Quote, Story } from "./story.js";

/** Search structures for one story, built once per loaded story and reused by every command. */
export interface StoryIndex {
  people: NameIndex<Person>;
  parties: NameIndex<Party>;
  topics: NameIndex<Topic>;
  quotes: QuoteFinder;
  /** People who are quoted, most quoted first (first quoted first among equals). */
  quotedPeople: Person[];
  /** Status items by their words, for /status topics no thread is named after. */
  status: StatusFinder;
}

const cache = new WeakMap<Story, StoryIndex>();
/** Quotes walked between two steps: a few milliseconds' work. */
const STEP = 16_384;

export function indexStory(story: Story): StoryIndex {
  const cached = cache.get(story);
  if (cached) return cached;
  return runSteps(indexStorySteps(story));
}

/**
 * Builds a story's index a chunk at a time (each `yield` is a safe point to let other work
 * run) and registers it, so indexStory answers from it afterwards. With `saved`, the quote
 * index comes from a cache instead of being rebuilt.
 */
export function* indexStorySteps(story: Story, saved?: QuoteIndexData): Steps<StoryIndex> {
  const data = saved ?? (yield* buildQuoteIndexData(story));
  const index = assemble(story, yield* wholeParts(story, data));
  cache.set(story, index);
  return index;
}

/** The quote index data of an indexed story, to save in a cache; undefined while it is not indexed, or indexed in parts since a live reload. */
const dataOf = new WeakMap<Story, QuoteIndexData>();
export function quoteIndexData(story: Story): QuoteIndexData | undefined {
  return dataOf.get(story);
}

/** What a later version of a story builds its index from. */
interface Parts {
  live: LiveQuoteIndex;
  /** Per speaker id, in order of first quote. */
  counts: Map<string, { person: Person; count: number }>;
}
const partsOf = new WeakMap<Story, Parts>();

/** How many quotes an indexed story holds outside its main index: past some size, a full rebuild (see indexStorySteps) pays. */
export function quotesOutsideMainIndex(story: Story): number {
  const live = partsOf.get(story)?.live;
  return live ? live.segments.slice(1).reduce((n, s) => n + s.quotes.length, 0) + live.removed.size : 0;
}

/** Quotes that entered and left a story in one update. */
export interface QuoteChange {
  added: readonly Quote[];
  removed: readonly Quote[];
}

/**
 * The index of `next`, a version of `previous` with `added` and `removed` quotes (see
 * updateStory), built from the index of `previous` in time proportional to the quotes added
 * since that index was built whole: those go into a small second index (in steps: it grows
 * until the next whole build), removed quotes are masked. Undefined when `previous` is not indexed.
 */
export function* updateStoryIndexSteps(previous: Story, next: Story, change: QuoteChange): Steps<StoryIndex | undefined> {
  const parts = partsOf.get(previous);
  if (!parts) return undefined;
  const { live } = parts;
  const gone = new Set(change.removed);
  const delta = live.segments[1]?.quotes ?? [];
  const inDelta = new Set(delta);
  const removed = new Set(live.removed);
  for (const quote of change.removed) if (!inDelta.has(quote)) removed.add(quote);
  const added = [...change.added].sort(compareNewestFirst);
  const deltaQuotes = mergeNewestFirst([gone.size === 0 ? delta : delta.filter((q) => !gone.has(q)), added]);
  const segments: QuoteSegment[] = [live.segments[0]!];
  if (deltaQuotes.length > 0) {
    const terms = yield* buildTermRange(deltaQuotes.length, 0, deltaQuotes.length, (doc) => indexedText(deltaQuotes[doc]!), live.stopwordsIndexed);
    segments.push({ terms, quotes: deltaQuotes });
  }

  const speakers = new Map(live.speakers);
  const counts = new Map(parts.counts);
  const addedBy = speakerLists(added);
  const touched = new Set([...addedBy.keys(), ...change.removed.map((q) => q.speaker.id)]);
  for (const id of touched) {
    const old = speakers.get(id) ?? [];
    const list = mergeNewestFirst([gone.size === 0 ? old : old.filter((q) => !gone.has(q)), addedBy.get(id) ?? []]);
    if (list.length > 0) speakers.set(id, list);
    else speakers.delete(id);
    const entry = counts.get(id);
    const count = list.length;
    if (count === 0) counts.delete(id);
    else counts.set(id, { person: entry?.person ?? list[0]!.speaker, count });
  }
  const index = assemble(next, { live: { stopwordsIndexed: live.stopwordsIndexed, segments, removed, speakers }, counts }, { story: previous, index: cache.get(previous)! });
  cache.set(next, index);
  return index;
}

function surname(name: string): string[] {
  const words = name.split(/\s+/);
  return words.length > 1 ? [words[words.length - 1]!] : [];
}

function* wholeParts(story: Story, data: QuoteIndexData): Steps<Parts> {
  dataOf.set(story, data);
  // Built now rather than on first use, so the first /quote after start is as fast as the rest.
  const newest: Quote[] = [];
  for (let i = 0; i < data.order.length; i++) {
    newest.push(story.quotes[data.order[i]!]!);
    if (i % STEP === STEP - 1) yield;
  }
  const speakers = new Map<string, Quote[]>();
  for (let i = 0; i < newest.length; i++) {
    const quote = newest[i]!;
    const list = speakers.get(quote.speaker.id);
    if (list) list.push(quote);
    else speakers.set(quote.speaker.id, [quote]);
    if (i % STEP === STEP - 1) yield;
  }
  const counts = new Map<string, { person: Person; count: number }>();
  for (let i = 0; i < story.quotes.length; i++) {
    const quote = story.quotes[i]!;
    const entry = counts.get(quote.speaker.id);
    if (entry) entry.count += 1;
    else counts.set(quote.speaker.id, { person: quote.speaker, count: 1 });
    if (i % STEP === STEP - 1) yield;
  }
  const live = { stopwordsIndexed: data.stopwordsIndexed, segments: [{ terms: data.terms, quotes: newest }], removed: new Set<Quote>(), speakers };
  return { live, counts };
}

/** With `earlier`, its name indexes are kept where the names did not change (an added article seldom brings new people). */
function assemble(story: Story, parts: Parts, earlier?: { story: Story; index: StoryIndex }): StoryIndex {
  partsOf.set(story, parts);
  const same = <T>(a: readonly T[], b: readonly T[] | undefined) => b !== undefined && a.length === b.length && a.every((x, i) => x === b[i]);
  const people = same(story.people, earlier?.story.people)
    ? earlier!.index.people
    : createNameIndex(
        story.people,
        (p) => [p.name, ...p.aliases, ...surname(p.name), ...(p.role ? [p.role] : [])],
        (p) => p.name,
      );
  const parties = same(story.parties, earlier?.story.parties) ? earlier!.index.parties : createNameIndex(story.parties, (p) => [p.name, ...p.aliases], (p) => p.name);
  const topics = same(story.topics, earlier?.story.topics) ? earlier!.index.topics : createNameIndex(story.topics, (t) => [t.name, ...t.aliases], (t) => t.name);
  let status: StatusFinder | undefined;
  let quotedPeople: Person[] | undefined;
  return {
    people,
    parties,
    topics,
    quotes: createSegmentedFinder(parts.live),
    get quotedPeople() {
      // A stable sort: among equals, the first quoted first.
      return (quotedPeople ??= [...parts.counts.values()].sort((a, b) => b.count - a.count).map((e) => e.person));
    },
    // Built on first use: /status is rarely asked, and a large story need not wait for it at start.
    get status() {
      return (status ??= createStatusFinder(story.status));
    },
  };
}
