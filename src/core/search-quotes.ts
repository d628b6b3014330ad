import type { Person } from "./schema.js";
import type { Quote, Story } from "./story.js";
import { indexStory, type StoryIndex } from "./story-index.js";

export interface QuoteSearch {
  /** Best first: by how well they match, then newest first among equally good matches; at most `limit`. Shared: do not modify. */
  quotes: readonly Quote[];
  /** How many quotes match in all, shown or not. */
  total: number;
  /** The people `speaker` named; empty when it named nobody. Absent without `speaker`. */
  speakers?: Person[];
}

/**
 * Quotes by words and/or speaker. The words go through the story's term index (typos,
 * prefixes, folded accents and name spellings; every word must match); the speaker through
 * the small name index, fuzzy over names, aliases and roles.
 */
export function searchQuotes(
  story: Story,
  request: { query?: string; speaker?: string },
  options: { limit?: number } = {},
  // Another index only where the bench compares designs; commands use the story's own.
  index: StoryIndex = indexStory(story),
): QuoteSearch {
  const speakers = request.speaker?.trim() ? index.people.find(request.speaker) : undefined;
  if (speakers?.length === 0) return { quotes: [], total: 0, speakers };
  const speakerIds = speakers ? new Set(speakers.map((p) => p.id)) : undefined;
  const found = index.quotes.find({ ...(request.query ? { query: request.query } : {}), ...(speakerIds ? { speakerIds } : {}), ...options });
  return speakers ? { ...found, speakers } : found;
}
