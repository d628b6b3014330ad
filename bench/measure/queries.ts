import { isStopword } from "../../src/core/fold-text.js";
import type { Person } from "../../src/core/schema.js";
import type { Quote, Story } from "../../src/core/story.js";
import { type Random, seededRandom } from "../corpus/random.js";
import { typo, wordsOf } from "./perturb.js";

/** The queries the bench asks, made from the story itself so every method gets the same ones for a seed. */
export interface QuoteQuery {
  kind: "speaker typo" | "words typo" | "phrase" | "prefix" | "words and speaker";
  options: { query?: string; speaker?: string };
}

export interface AutocompleteQuery {
  typed: string;
}

export interface QualityQuery {
  query: string;
  /** The quote the words were taken from. */
  expected: string;
}

/** Words rare enough to pick a quote out: long, and seldom seen in a sample of the story. */
export function rarity(story: Story, sample = 50_000): (word: string) => number {
  const counts = new Map<string, number>();
  const step = Math.max(1, Math.floor(story.quotes.length / sample));
  for (let i = 0; i < story.quotes.length; i += step) {
    for (const word of new Set(wordsOf(story.quotes[i]!.text.toLowerCase()))) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return (word) => counts.get(word.toLowerCase()) ?? 0;
}

/** The words a person would search a quote by: no stopwords, rarest first. */
function contentWords(quote: Quote, frequency: (word: string) => number): string[] {
  return [...new Set(wordsOf(quote.text))].filter((w) => w.length >= 4 && !isStopword(w.toLowerCase())).sort((a, b) => frequency(a) - frequency(b));
}

function nameOf(person: Person, random: Random): string {
  return random.pick([person.name, ...person.aliases]);
}

export function quoteQueries(story: Story, count: number, seed: number): QuoteQuery[] {
  const random = seededRandom(seed);
  const frequency = rarity(story);
  const queries: QuoteQuery[] = [];
  while (queries.length < count) {
    const quote = random.pick(story.quotes);
    const words = contentWords(quote, frequency);
    const all = wordsOf(quote.text);
    const roll = random.next();
    if (roll < 0.25) {
      queries.push({ kind: "speaker typo", options: { speaker: typoSomewhere(nameOf(quote.speaker, random), random) } });
    } else if (roll < 0.55 && words.length > 0) {
      const picked = words.slice(0, 1 + random.int(Math.min(3, words.length)));
      const i = random.int(picked.length);
      picked[i] = typo(picked[i]!, random);
      queries.push({ kind: "words typo", options: { query: picked.join(" ") } });
    } else if (roll < 0.75 && all.length >= 3) {
      const length = 3 + random.int(3);
      const start = random.int(Math.max(1, all.length - length));
      queries.push({ kind: "phrase", options: { query: all.slice(start, start + length).join(" ") } });
    } else if (roll < 0.9 && words.length >= 2) {
      const last = words[1]!;
      queries.push({ kind: "prefix", options: { query: `${words[0]} ${last.slice(0, Math.max(4, last.length - 2))}` } });
    } else if (words.length > 0) {
      queries.push({ kind: "words and speaker", options: { query: words[0]!, speaker: nameOf(quote.speaker, random) } });
    }
  }
  return queries;
}

/** Speaker names as typed, keystroke by keystroke, some with a slip of the finger. */
export function autocompleteQueries(story: Story, count: number, seed: number): AutocompleteQuery[] {
  const random = seededRandom(seed + 1);
  const queries: AutocompleteQuery[] = [];
  while (queries.length < count) {
    const name = nameOf(random.pick(story.quotes).speaker, random);
    const full = random.chance(0.2) ? typoSomewhere(name, random) : name;
    for (let length = 1; length <= full.length && queries.length < count; length += 1 + random.int(2)) queries.push({ typed: full.slice(0, length) });
  }
  return queries;
}

/** Known quotes found again from two or three of their rarer words, one of them mistyped. */
export function qualityQueries(story: Story, count: number, seed: number): QualityQuery[] {
  const random = seededRandom(seed + 2);
  const frequency = rarity(story);
  const queries: QualityQuery[] = [];
  while (queries.length < count) {
    const quote = random.pick(story.quotes);
    const words = contentWords(quote, frequency).slice(0, 2 + random.int(2));
    if (words.length < 2) continue;
    const i = random.int(words.length);
    words[i] = typo(words[i]!, random);
    queries.push({ query: words.join(" "), expected: quote.id });
  }
  return queries;
}

function typoSomewhere(name: string, random: Random): string {
  const parts = name.split(" ");
  const long = parts.map((p, i) => [p, i] as const).filter(([p]) => p.length >= 4);
  if (long.length === 0) return name;
  const [, i] = random.pick(long);
  parts[i] = typo(parts[i]!, random);
  return parts.join(" ");
}
