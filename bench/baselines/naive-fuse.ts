import Fuse, { type Expression } from "fuse.js";
import { foldText, queryWords } from "../../src/core/fold-text.js";
import type { Story } from "../../src/core/story.js";
import type { StoryIndex } from "../../src/core/story-index.js";
import { createNameIndex } from "./original-name-index.js";
import { countQuotedPeople, newestFirst, storyIndexOf } from "./story-index-of.js";

/** Baseline (a): Fuse.js over every quote, the design Storyline started with (its search-quotes.ts at fd64562). */
const SCORE_BAND = 0.05;
const RELATIVE_CUTOFF = 0.15;

export function naiveFuseIndex(story: Story): StoryIndex {
  const docs = story.quotes.map((quote) => ({
    quote,
    text: foldText(quote.text),
    speaker: foldText([quote.speaker.name, ...quote.speaker.aliases].join(" ")),
    context: foldText(quote.context ?? ""),
  }));
  const fuse = new Fuse(docs, {
    includeScore: true,
    ignoreLocation: true,
    ignoreFieldNorm: true,
    threshold: 0.34,
    keys: [
      { name: "text", weight: 3 },
      { name: "speaker", weight: 1 },
      { name: "context", weight: 1 },
    ],
  });
  return storyIndexOf(story, {
    names: createNameIndex,
    quotedPeople: () => countQuotedPeople(story.quotes),
    quotes: {
      find({ query, speakerIds, limit = Infinity }) {
        const words = query ? queryWords(query) : [];
        let scored: { quote: Story["quotes"][number]; score: number }[];
        if (words.length === 0) {
          scored = story.quotes.map((quote) => ({ quote, score: 0 }));
        } else {
          const expression: Expression = {
            $and: words.map((word): Expression => ({ $or: (["text", "speaker", "context"] as const).map((key): Expression => ({ [key]: word })) })),
          };
          const hits = fuse.search(expression).map((hit) => ({ quote: hit.item.quote, score: hit.score ?? 0 }));
          const best = Math.min(...hits.map((h) => h.score));
          scored = hits.filter((h) => h.score <= best + RELATIVE_CUTOFF);
        }
        const band = (score: number) => Math.floor(score / SCORE_BAND);
        const quotes = scored
          .filter(({ quote }) => !speakerIds || speakerIds.has(quote.speaker.id))
          .sort((a, b) => band(a.score) - band(b.score) || b.quote.date.localeCompare(a.quote.date))
          .map(({ quote }) => quote);
        return { quotes: quotes.slice(0, limit), total: quotes.length };
      },
    },
  });
}

export { newestFirst };
