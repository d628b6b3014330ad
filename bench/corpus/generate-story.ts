import { FIRMNESS, STATES, type ArticleFile, type StoryFile } from "../../src/core/schema.js";
import { buildParties, buildPeople, buildTopics } from "./cast.js";
import { type Random, seededRandom, zipfSampler } from "./random.js";
import { buildVocabulary } from "./vocabulary.js";

export interface CorpusOptions {
  quotes: number;
  seed?: number;
  /** Quotes per article on average; real coverage quotes about twenty people and lines. */
  perArticle?: number;
}

export interface Corpus {
  story: StoryFile;
  /** Generated lazily, oldest first, so a million quotes never sit in memory at once. */
  articles(): Generator<ArticleFile>;
}

export const STORY_ID = "synthetic-talks";

/** Sizes grow with the corpus, as a long-followed story gains speakers and words. */
export function castSizes(quotes: number) {
  return {
    people: Math.round(Math.min(1500, Math.max(30, quotes / 600))),
    parties: Math.min(30, Math.max(4, Math.round(Math.sqrt(quotes) / 30))),
    topics: Math.min(60, Math.max(6, Math.round(Math.sqrt(quotes) / 15))),
    vocabulary: Math.round(Math.min(60_000, Math.max(3_000, quotes / 15))),
  };
}

export function generateCorpus(options: CorpusOptions): Corpus {
  const seed = options.seed ?? 1;
  const perArticle = options.perArticle ?? 20;
  const random = seededRandom(seed);
  const sizes = castSizes(options.quotes);
  const parties = buildParties(sizes.parties);
  const people = buildPeople(sizes.people, parties, random);
  const topics = buildTopics(sizes.topics);
  const vocabulary = buildVocabulary(sizes.vocabulary, random);
  const story: StoryFile = {
    id: STORY_ID,
    title: "Synthetic talks",
    summary: "A made-up story generated for benchmarks; every name and quote is invented.",
    parties,
    people,
    topics,
  };

  function* articles(): Generator<ArticleFile> {
    // Each pass restarts from the seed, so the articles are the same however often they are read.
    const random = seededRandom(seed * 7919 + 1);
    const word = zipfSampler(vocabulary.length, 1.05, random);
    const speaker = zipfSampler(people.length, 0.9, random);
    const articleCount = Math.max(1, Math.round(options.quotes / perArticle));
    const days = Math.min(1000, Math.max(1, Math.ceil(articleCount / 3)));
    let left = options.quotes;
    for (let i = 0; i < articleCount; i++) {
      const date = dayAfter("2024-01-01", Math.floor((i * days) / articleCount));
      // The last article takes what is left, so the corpus has exactly the quotes asked for.
      const count = i === articleCount - 1 ? left : Math.min(left, perArticle - 5 + random.int(11));
      left -= count;
      const sentence = (min: number, spread: number) => {
        const words = Array.from({ length: min + random.int(spread) }, () => vocabulary[word()]!);
        return `${words[0]![0]!.toUpperCase()}${words.join(" ").slice(1)}.`;
      };
      const lead = people[speaker()]!;
      const quotes = Array.from({ length: count }, () => {
        const who = random.chance(0.3) ? lead : people[speaker()]!;
        return {
          speaker: who.id,
          text: sentence(8, 22),
          kind: random.chance(0.8) ? ("direct" as const) : ("reported" as const),
          ...(random.chance(0.4) ? { context: `${who.aliases[0] ?? who.name} ${random.pick(CONTEXTS)}` } : {}),
          ...(random.chance(0.1) ? { date: dayAfter(date, -1) } : {}),
        };
      });
      const conditions = Array.from({ length: random.int(3) }, () => ({
        party: random.pick(parties).id,
        ...(random.chance(0.6) ? { holder: random.pick(people).id } : {}),
        text: sentence(5, 8),
        firmness: random.pick(FIRMNESS),
      }));
      const status = Array.from({ length: random.int(3) }, () => ({
        topic: random.pick(topics).id,
        state: random.pick(STATES),
        detail: sentence(5, 8),
        date,
      }));
      yield {
        id: `${date}-${lead.id}-${i}`,
        title: `${lead.name} on ${vocabulary[word()]}`,
        date,
        source: { name: random.pick(SOURCES), url: `https://news.example.com/${date}/${i}` },
        summary: sentence(10, 10),
        people: [],
        quotes,
        conditions,
        status,
      };
    }
  }

  return { story, articles };
}

const CONTEXTS = ["to reporters", "at a press conference", "in a televised address", "in an interview", "on social media", "after the talks", "to parliament"];
const SOURCES = ["Test Wire", "Daily Example", "The Synthetic Times", "Agence Exemple", "Radio Nowhere"];

function dayAfter(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export type { Random };
