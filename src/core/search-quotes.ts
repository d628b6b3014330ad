import type { Expression } from "fuse.js";
import { queryWords } from "./fold-text.js";
import type { Person } from "./schema.js";
import type { Quote, Story } from "./story.js";
import { indexStory } from "./story-index.js";

export interface QuoteSearch {
  /** Best first: by how well they match, then newest first among equally good matches. */
  quotes: Quote[];
  /** The people `speaker` named; empty when it named nobody. Absent without `speaker`. */
  speakers?: Person[];
}

/** Fuse scores within this distance count as equally good, so the newer quote goes first. */
const SCORE_BAND = 0.05;
const RELATIVE_CUTOFF = 0.15;

export function searchQuotes(story: Story, request: { query?: string; speaker?: string }): QuoteSearch {
  const index = indexStory(story);
  const speakers = request.speaker?.trim() ? index.people.find(request.speaker) : undefined;
  if (speakers?.length === 0) return { quotes: [], speakers };
  const bySpeaker = speakers ? new Set(speakers.map((p) => p.id)) : undefined;

  const words = request.query ? queryWords(request.query) : [];
  let scored: { quote: Quote; score: number }[];
  if (words.length === 0) {
    scored = story.quotes.map((quote) => ({ quote, score: 0 }));
  } else {
    // Every word must match somewhere (with typos allowed), as a person expects of a search box.
    const expression: Expression = {
      $and: words.map((word): Expression => ({ $or: (["text", "speaker", "context"] as const).map((key): Expression => ({ [key]: word })) })),
    };
    const hits = index.quoteText.search(expression).map((hit) => ({ quote: hit.item.quote, score: hit.score ?? 0 }));
    // Fuzzy matching finds "ending" for "dying"; when some quotes match much better, the rest are noise.
    const best = Math.min(...hits.map((h) => h.score));
    scored = hits.filter((h) => h.score <= best + RELATIVE_CUTOFF);
  }
  const quotes = scored
    .filter(({ quote }) => !bySpeaker || bySpeaker.has(quote.speaker.id))
    .sort((a, b) => band(a.score) - band(b.score) || b.quote.date.localeCompare(a.quote.date))
    .map(({ quote }) => quote);
  return speakers ? { quotes, speakers } : { quotes };
}

function band(score: number): number {
  return Math.floor(score / SCORE_BAND);
}
