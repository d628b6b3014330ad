import type { Person } from "../core/schema.js";
import type { Catalog, Quote, Story } from "../core/story.js";

/**
 * A catalog in a form that is quick to save and to load back. V8's serializer keeps shared
 * objects shared, but creating a million quote objects one property at a time is most of a
 * warm start; so quotes travel as columns (their strings as one long string and lengths,
 * their speaker and article as indexes) and are rebuilt in one tight loop.
 */
export interface PackedCatalog {
  stories: PackedStory[];
}

interface PackedStory {
  story: Omit<Story, "quotes">;
  /** The person objects quotes point at: an article can update a person, so there may be several versions of one id. */
  speakers: Person[];
  quotes: {
    strings: string;
    /** Per quote: the lengths of its id, text and context (-1 when it has none) within `strings`. */
    lengths: Int32Array;
    dates: string[];
    date: Uint32Array;
    direct: Uint8Array;
    speaker: Uint32Array;
    article: Uint32Array;
  };
}

export function packCatalog(catalog: Catalog): PackedCatalog {
  return { stories: catalog.stories.map(packStory) };
}

export function unpackCatalog(packed: PackedCatalog): Catalog {
  return { stories: packed.stories.map(unpackStory) };
}

function packStory(story: Story): PackedStory {
  const { quotes, ...rest } = story;
  const n = quotes.length;
  const speakers = new Map<Person, number>();
  const articles = new Map(story.articles.map((a, i) => [a, i]));
  const dates = new Map<string, number>();
  const columns = {
    lengths: new Int32Array(n * 3),
    date: new Uint32Array(n),
    direct: new Uint8Array(n),
    speaker: new Uint32Array(n),
    article: new Uint32Array(n),
  };
  const parts: string[] = [];
  quotes.forEach((q, i) => {
    parts.push(q.id, q.text, q.context ?? "");
    columns.lengths[i * 3] = q.id.length;
    columns.lengths[i * 3 + 1] = q.text.length;
    columns.lengths[i * 3 + 2] = q.context === undefined ? -1 : q.context.length;
    columns.date[i] = indexOf(dates, q.date);
    columns.direct[i] = q.kind === "direct" ? 1 : 0;
    columns.speaker[i] = indexOf(speakers, q.speaker);
    columns.article[i] = articles.get(q.article)!;
  });
  return { story: rest, speakers: [...speakers.keys()], quotes: { strings: parts.join(""), dates: [...dates.keys()], ...columns } };
}

/** Throws when the columns disagree with each other (lengths, indexes out of range): a snapshot is checked, not trusted. */
function unpackStory(packed: PackedStory): Story {
  const { strings, lengths, dates, date, direct, speaker, article } = packed.quotes;
  const articles = packed.story.articles;
  const n = date.length;
  if (lengths.length !== n * 3 || direct.length !== n || speaker.length !== n || article.length !== n) throw new Error("quote columns of different lengths");
  const quotes: Quote[] = new Array(n);
  let at = 0;
  const take = (length: number) => {
    if (length < 0 || at + length > strings.length) throw new Error("quote text lengths past the end of the strings");
    return strings.slice(at, (at += length));
  };
  const pick = <T>(list: readonly T[], i: number): T => {
    if (i >= list.length) throw new Error("a quote column points past its list");
    return list[i]!;
  };
  for (let i = 0; i < n; i++) {
    const quote: Quote = {
      id: take(lengths[i * 3]!),
      speaker: pick(packed.speakers, speaker[i]!),
      text: take(lengths[i * 3 + 1]!),
      kind: direct[i] ? "direct" : "reported",
      date: pick(dates, date[i]!),
      article: pick(articles, article[i]!),
    };
    const context = lengths[i * 3 + 2]!;
    if (context >= 0) quote.context = take(context);
    quotes[i] = quote;
  }
  if (at !== strings.length) throw new Error("quote strings left over");
  return { ...packed.story, quotes };
}

function indexOf<K>(map: Map<K, number>, key: K): number {
  let index = map.get(key);
  if (index === undefined) {
    index = map.size;
    map.set(key, index);
  }
  return index;
}
