import { foldText } from "../core/fold-text.js";
import type { StoryFile } from "../core/schema.js";

/** How many of the story's known people and topics an article must name when no keyword matches. */
export const KNOWN_NAMES_NEEDED = 2;

export type Relevance = { relevant: true; reason: string } | { relevant: false; reason: string };

/**
 * Whether an article belongs to the story: one of the story's or the feed's keywords as a
 * whole phrase, or enough of the people and topics the story already knows. A story with
 * no keywords and nothing known yet takes everything its feeds bring.
 */
export function judgeRelevance(story: StoryFile, feedKeywords: readonly string[], text: string): Relevance {
  const haystack = ` ${words(text)} `;
  const keywords = [...(story.keywords ?? []), ...feedKeywords];
  const keyword = keywords.find((k) => words(k) !== "" && haystack.includes(` ${words(k)} `));
  if (keyword) return { relevant: true, reason: `mentions "${keyword}"` };

  const known = [...story.people, ...story.topics].filter((entry) => [entry.name, ...entry.aliases].some((form) => {
    const folded = words(form);
    // One-word forms ("Brask", "talks") match too much on their own.
    return folded.includes(" ") && haystack.includes(` ${folded} `);
  }));
  if (known.length >= KNOWN_NAMES_NEEDED) return { relevant: true, reason: `names ${known.map((k) => k.name).slice(0, 3).join(", ")}` };
  if (keywords.length === 0 && story.people.length === 0 && story.topics.length === 0) return { relevant: true, reason: "the story has no keywords yet" };
  return {
    relevant: false,
    reason: keywords.length > 0 ? `none of the keywords (${keywords.slice(0, 5).join(", ")}) and fewer than ${KNOWN_NAMES_NEEDED} known people or topics` : `fewer than ${KNOWN_NAMES_NEEDED} known people or topics`,
  };
}

function words(text: string): string {
  return foldText(text).replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}
