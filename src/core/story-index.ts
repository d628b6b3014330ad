import { type NameIndex, createNameIndex } from "./name-index.js";
import type { Party, Person, Topic } from "./schema.js";
import { type QuoteFinder, type QuoteIndexData, buildQuoteIndexData, createQuoteFinder } from "./search/quote-finder.js";
import { type StatusFinder, createStatusFinder } from "./search/status-finder.js";
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

export function indexStory(story: Story): StoryIndex {
  const cached = cache.get(story);
  if (cached) return cached;
  const steps = indexStorySteps(story);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/** Uses a prepared index for a story (from a cache, or another design being compared in the bench). */
export function setStoryIndex(story: Story, index: StoryIndex): void {
  cache.set(story, index);
}

/**
 * Builds a story's index a chunk at a time (each `yield` is a safe point to let other work
 * run) and registers it, so indexStory answers from it afterwards. With `saved`, the quote
 * index comes from a cache instead of being rebuilt.
 */
export function* indexStorySteps(story: Story, saved?: QuoteIndexData): Generator<void, StoryIndex> {
  const data = saved ?? (yield* buildQuoteIndexData(story));
  const index = assemble(story, data);
  cache.set(story, index);
  return index;
}

/** The quote index data of an indexed story, to save in a cache; undefined while it is not indexed. */
const dataOf = new WeakMap<Story, QuoteIndexData>();
export function quoteIndexData(story: Story): QuoteIndexData | undefined {
  return dataOf.get(story);
}

function surname(name: string): string[] {
  const words = name.split(/\s+/);
  return words.length > 1 ? [words[words.length - 1]!] : [];
}

function assemble(story: Story, data: QuoteIndexData): StoryIndex {
  dataOf.set(story, data);
  const people = createNameIndex(
    story.people,
    (p) => [p.name, ...p.aliases, ...surname(p.name), ...(p.role ? [p.role] : [])],
    (p) => p.name,
  );
  const parties = createNameIndex(story.parties, (p) => [p.name, ...p.aliases], (p) => p.name);
  const topics = createNameIndex(story.topics, (t) => [t.name, ...t.aliases], (t) => t.name);
  let status: StatusFinder | undefined;
  return {
    people,
    parties,
    topics,
    quotes: createQuoteFinder(story, data),
    quotedPeople: mostQuoted(story.quotes),
    // Built on first use: /status is rarely asked, and a large story need not wait for it at start.
    get status() {
      return (status ??= createStatusFinder(story.status));
    },
  };
}

function mostQuoted(quotes: readonly Quote[]): Person[] {
  const counts = new Map<string, { person: Person; count: number }>();
  for (const q of quotes) {
    const entry = counts.get(q.speaker.id);
    if (entry) entry.count += 1;
    else counts.set(q.speaker.id, { person: q.speaker, count: 1 });
  }
  return [...counts.values()].sort((a, b) => b.count - a.count).map((e) => e.person);
}
