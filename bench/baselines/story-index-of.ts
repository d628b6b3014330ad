import type { NameIndex } from "../../src/core/name-index.js";
import type { Party, Person, Topic } from "../../src/core/schema.js";
import type { QuoteFinder } from "../../src/core/search/quote-finder.js";
import { type StatusFinder, createStatusFinder } from "../../src/core/search/status-finder.js";
import type { Quote, Story } from "../../src/core/story.js";
import type { StoryIndex } from "../../src/core/story-index.js";

/** Puts a baseline's quote finder and name indexes into the shape the commands read, so the bench runs the real /quote. */
export function storyIndexOf(
  story: Story,
  parts: { quotes: QuoteFinder; names: <T>(items: readonly T[], labels: (item: T) => string[], display: (item: T) => string) => NameIndex<T>; quotedPeople: () => Person[] },
): StoryIndex {
  let status: StatusFinder | undefined;
  return {
    people: parts.names<Person>(story.people, (p) => [p.name, ...p.aliases, ...surname(p.name), ...(p.role ? [p.role] : [])], (p) => p.name),
    parties: parts.names<Party>(story.parties, (p) => [p.name, ...p.aliases], (p) => p.name),
    topics: parts.names<Topic>(story.topics, (t) => [t.name, ...t.aliases], (t) => t.name),
    quotes: parts.quotes,
    get quotedPeople() {
      return parts.quotedPeople();
    },
    get status() {
      return (status ??= createStatusFinder(story.status));
    },
  };
}

function surname(name: string): string[] {
  const words = name.split(/\s+/);
  return words.length > 1 ? [words[words.length - 1]!] : [];
}

/** Quotes newest first, ties in story order: the order every design shows without words. */
export function newestFirst(quotes: readonly Quote[]): Quote[] {
  return quotes.map((quote, i) => ({ quote, i })).sort((a, b) => b.quote.date.localeCompare(a.quote.date) || a.i - b.i).map((e) => e.quote);
}

/** Speakers, most quoted first, counted on every call as the first design did. */
export function countQuotedPeople(quotes: readonly Quote[]): Person[] {
  const counts = new Map<string, { person: Person; count: number }>();
  for (const q of quotes) {
    const entry = counts.get(q.speaker.id) ?? { person: q.speaker, count: 0 };
    entry.count += 1;
    counts.set(q.speaker.id, entry);
  }
  return [...counts.values()].sort((a, b) => b.count - a.count).map((e) => e.person);
}
