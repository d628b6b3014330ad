import Fuse from "fuse.js";
import { foldText } from "./fold-text.js";
import { type NameIndex, createNameIndex } from "./name-index.js";
import type { Party, Person, Topic } from "./schema.js";
import type { Quote, StatusItem, Story } from "./story.js";

/** Search structures for one story, built once per loaded story and reused by every command. */
export interface StoryIndex {
  people: NameIndex<Person>;
  parties: NameIndex<Party>;
  topics: NameIndex<Topic>;
  quoteText: Fuse<QuoteDoc>;
  statusText: Fuse<StatusDoc>;
}

export interface QuoteDoc {
  quote: Quote;
  text: string;
  speaker: string;
  context: string;
}

export interface StatusDoc {
  item: StatusItem;
  detail: string;
}

const cache = new WeakMap<Story, StoryIndex>();

export function indexStory(story: Story): StoryIndex {
  const cached = cache.get(story);
  if (cached) return cached;
  const built = buildIndex(story);
  cache.set(story, built);
  return built;
}

function surname(name: string): string[] {
  const words = name.split(/\s+/);
  return words.length > 1 ? [words[words.length - 1]!] : [];
}

const textSearch = { includeScore: true, ignoreLocation: true, ignoreFieldNorm: true, threshold: 0.34, useExtendedSearch: false } as const;

function buildIndex(story: Story): StoryIndex {
  const people = createNameIndex(
    story.people,
    (p) => [p.name, ...p.aliases, ...surname(p.name), ...(p.role ? [p.role] : [])],
    (p) => p.name,
  );
  const parties = createNameIndex(story.parties, (p) => [p.name, ...p.aliases], (p) => p.name);
  const topics = createNameIndex(story.topics, (t) => [t.name, ...t.aliases], (t) => t.name);
  const quoteDocs = story.quotes.map((quote) => ({
    quote,
    text: foldText(quote.text),
    speaker: foldText([quote.speaker.name, ...quote.speaker.aliases].join(" ")),
    context: foldText(quote.context ?? ""),
  }));
  const quoteText = new Fuse(quoteDocs, {
    ...textSearch,
    keys: [
      { name: "text", weight: 3 },
      { name: "speaker", weight: 1 },
      { name: "context", weight: 1 },
    ],
  });
  const statusDocs = story.status.map((item) => ({ item, detail: foldText(`${item.topic.name} ${item.detail}`) }));
  const statusText = new Fuse(statusDocs, { ...textSearch, keys: ["detail"] });
  return { people, parties, topics, quoteText, statusText };
}
