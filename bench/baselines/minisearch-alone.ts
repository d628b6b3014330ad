import MiniSearch, { type SearchOptions } from "minisearch";
import { foldName, foldText } from "../../src/core/fold-text.js";
import type { NameIndex } from "../../src/core/name-index.js";
import type { Story } from "../../src/core/story.js";
import type { StoryIndex } from "../../src/core/story-index.js";
import { countQuotedPeople, newestFirst, storyIndexOf } from "./story-index-of.js";

/** Baseline (b): MiniSearch alone, for quotes and for names, with its usual prefix and fuzzy options. */
const OPTIONS: SearchOptions = { prefix: true, fuzzy: 0.2, combineWith: "AND" };

export function miniSearchIndex(story: Story): StoryIndex {
  const quotes = new MiniSearch<{ id: number; text: string; speaker: string; context: string }>({
    fields: ["text", "speaker", "context"],
    processTerm: (term) => foldText(term) || null,
    searchOptions: { ...OPTIONS, boost: { text: 3 } },
  });
  quotes.addAll(
    story.quotes.map((quote, id) => ({ id, text: quote.text, speaker: [quote.speaker.name, ...quote.speaker.aliases].join(" "), context: quote.context ?? "" })),
  );
  const ordered = newestFirst(story.quotes);
  const people = countQuotedPeople(story.quotes);
  return storyIndexOf(story, {
    names: miniSearchNames,
    quotedPeople: () => people,
    quotes: {
      find({ query, speakerIds, limit = Infinity }) {
        const keep = (quote: Story["quotes"][number]) => !speakerIds || speakerIds.has(quote.speaker.id);
        const found = query?.trim() ? quotes.search(query).map((hit) => story.quotes[hit.id as number]!).filter(keep) : ordered.filter(keep);
        return { quotes: found.slice(0, limit), total: found.length };
      },
    },
  });
}

function miniSearchNames<T>(items: readonly T[], labels: (item: T) => string[], display: (item: T) => string): NameIndex<T> {
  const index = new MiniSearch<{ id: number; label: string }>({ fields: ["label"], processTerm: (term) => foldName(term) || null });
  index.addAll(items.map((item, id) => ({ id, label: labels(item).join(" ") })));
  const search = (query: string, options: SearchOptions) => [...new Set(index.search(query, options).map((hit) => items[hit.id as number]!))];
  return {
    find(query) {
      const hits = index.search(query, OPTIONS);
      const best = hits[0]?.score ?? 0;
      return [...new Set(hits.filter((h) => h.score >= best / 2).map((h) => items[h.id as number]!))];
    },
    suggest: (query, limit = 3) => search(query, { fuzzy: 0.4, prefix: true, combineWith: "OR" }).slice(0, limit).map(display),
    complete: (typed, limit) => (typed.trim() ? search(typed, OPTIONS).slice(0, limit) : items.slice(0, limit)),
  };
}
