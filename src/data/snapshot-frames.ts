import v8 from "node:v8";
import type { DataProblem } from "../core/errors.js";
import type { Party, Person, Topic } from "../core/schema.js";
import type { QuoteIndexData } from "../core/search/quote-finder.js";
import type { Steps } from "../core/steps.js";
import type { ArticleRef, Catalog, Condition, Quote, StatusItem, Story } from "../core/story.js";

/**
 * A snapshot's body as a sequence of frames, each serialized on its own: saving a million
 * quotes in one go held the event loop for five seconds, a frame takes a few milliseconds,
 * and the writer gives answers a turn between frames. Quotes travel as columns (their strings
 * as one long string and lengths, their speaker and article as indexes) and are rebuilt in
 * one tight loop; conditions and status items point at their article, party, topic and
 * holder by index too, since frames do not share objects the way one serialization does.
 *
 * Per story, in this order: articles, quotes, conditions and status in chunks; then the
 * story itself with the objects the chunks point at; then its index and the index's
 * postings in chunks. The whole body starts with a head frame.
 */
export type Frame =
  | { kind: "head"; problems: DataProblem[]; stories: number }
  | { kind: "articles"; articles: ArticleRef[] }
  | { kind: "quotes"; quotes: PackedQuotes }
  | { kind: "conditions"; conditions: PackedCondition[] }
  | { kind: "status"; status: PackedStatus[] }
  | { kind: "story"; story: StoryHead; persons: Person[]; parties: Party[]; topics: Topic[]; dates: string[] }
  | { kind: "index"; order: Uint32Array; terms: string[]; offsets: Uint32Array; docCount: number; stopwordsIndexed: boolean; postings: number }
  | { kind: "postings"; postings: Uint32Array };

type StoryHead = Omit<Story, "articles" | "quotes" | "conditions" | "status">;

export interface PackedQuotes {
  strings: string;
  /** Per quote: the lengths of its id, text and context (-1 when it has none) within `strings`. */
  lengths: Int32Array;
  date: Uint32Array;
  direct: Uint8Array;
  speaker: Uint32Array;
  article: Uint32Array;
}

interface PackedCondition {
  id: string;
  text: string;
  firmness: Condition["firmness"];
  date: string;
  party: number;
  holder: number;
  article: number;
}

interface PackedStatus {
  id: string;
  state: StatusItem["state"];
  detail: string;
  date: string;
  topic: number;
  article: number;
}

export interface SnapshotContent {
  catalog: Catalog;
  problems: DataProblem[];
  /** Per story, in catalog order. */
  indexes: QuoteIndexData[];
}

/** Items per frame: each frame is a few milliseconds to build and serialize. */
const QUOTES_PER_FRAME = 2_048;
const ITEMS_PER_FRAME = 2_048;
const POSTINGS_PER_FRAME = 1_048_576;

/** The frames of `content`, one per step, each serialized with its length in front (as two buffers, not copied into one). */
export function* snapshotFrames(content: SnapshotContent): Generator<Buffer[], void, void> {
  yield frame({ kind: "head", problems: content.problems, stories: content.catalog.stories.length });
  for (const [s, story] of content.catalog.stories.entries()) {
    yield* storyFrames(story);
    yield* indexFrames(content.indexes[s]!);
  }
}

function frame(value: Frame): Buffer[] {
  const body = v8.serialize(value);
  const length = Buffer.alloc(4);
  length.writeUInt32LE(body.length, 0);
  return [length, body];
}

function* storyFrames(story: Story): Generator<Buffer[], void, void> {
  const { articles, quotes, conditions, status, ...head } = story;
  const articleIds = new Map<ArticleRef, number>();
  for (let from = 0; from < articles.length; from += ITEMS_PER_FRAME) {
    const chunk = articles.slice(from, from + ITEMS_PER_FRAME);
    chunk.forEach((a, i) => articleIds.set(a, from + i));
    yield frame({ kind: "articles", articles: chunk });
  }
  const articleOf = (article: ArticleRef) => {
    const id = articleIds.get(article);
    if (id === undefined) throw new Error(`an item points at article ${article.id}, which is not in story ${story.id}`);
    return id;
  };
  const persons = new Map<Person, number>();
  const parties = new Map<Party, number>();
  const topics = new Map<Topic, number>();
  const dates = new Map<string, number>();
  for (let from = 0; from < quotes.length; from += QUOTES_PER_FRAME) {
    yield frame({ kind: "quotes", quotes: packQuotes(quotes.slice(from, from + QUOTES_PER_FRAME), persons, dates, articleOf) });
  }
  for (let from = 0; from < conditions.length; from += ITEMS_PER_FRAME) {
    const chunk = conditions.slice(from, from + ITEMS_PER_FRAME).map((c) => ({
      id: c.id,
      text: c.text,
      firmness: c.firmness,
      date: c.date,
      party: indexOf(parties, c.party),
      holder: c.holder ? indexOf(persons, c.holder) : -1,
      article: articleOf(c.article),
    }));
    yield frame({ kind: "conditions", conditions: chunk });
  }
  for (let from = 0; from < status.length; from += ITEMS_PER_FRAME) {
    const chunk = status.slice(from, from + ITEMS_PER_FRAME).map((s) => ({ id: s.id, state: s.state, detail: s.detail, date: s.date, topic: indexOf(topics, s.topic), article: articleOf(s.article) }));
    yield frame({ kind: "status", status: chunk });
  }
  // With the objects the chunks point at, in one frame, so a person in the story's list and the speaker of a quote stay one object.
  yield frame({ kind: "story", story: head, persons: [...persons.keys()], parties: [...parties.keys()], topics: [...topics.keys()], dates: [...dates.keys()] });
}

function packQuotes(quotes: readonly Quote[], persons: Map<Person, number>, dates: Map<string, number>, articleOf: (article: ArticleRef) => number): PackedQuotes {
  const n = quotes.length;
  const packed = { lengths: new Int32Array(n * 3), date: new Uint32Array(n), direct: new Uint8Array(n), speaker: new Uint32Array(n), article: new Uint32Array(n) };
  const parts: string[] = [];
  quotes.forEach((q, i) => {
    parts.push(q.id, q.text, q.context ?? "");
    packed.lengths[i * 3] = q.id.length;
    packed.lengths[i * 3 + 1] = q.text.length;
    packed.lengths[i * 3 + 2] = q.context === undefined ? -1 : q.context.length;
    packed.date[i] = indexOf(dates, q.date);
    packed.direct[i] = q.kind === "direct" ? 1 : 0;
    packed.speaker[i] = indexOf(persons, q.speaker);
    packed.article[i] = articleOf(q.article);
  });
  return { strings: parts.join(""), ...packed };
}

function* indexFrames(index: QuoteIndexData): Generator<Buffer[], void, void> {
  const { order, terms, stopwordsIndexed } = index;
  yield frame({ kind: "index", order, terms: terms.terms, offsets: terms.offsets, docCount: terms.docCount, stopwordsIndexed, postings: terms.postings.length });
  for (let from = 0; from < terms.postings.length; from += POSTINGS_PER_FRAME) {
    // A copy: serializing a view would write its whole buffer.
    yield frame({ kind: "postings", postings: terms.postings.slice(from, from + POSTINGS_PER_FRAME) });
  }
}

function indexOf<K>(map: Map<K, number>, key: K): number {
  let index = map.get(key);
  if (index === undefined) {
    index = map.size;
    map.set(key, index);
  }
  return index;
}

/** The frames of a body, decoded one at a time; throws when the body is cut short or a frame does not decode. */
function* eachFrame(body: Buffer): Generator<Frame, void, void> {
  let at = 0;
  while (at < body.length) {
    if (at + 4 > body.length) throw new Error("a frame's length is cut short");
    const length = body.readUInt32LE(at);
    if (at + 4 + length > body.length) throw new Error("a frame runs past the end of the snapshot");
    yield v8.deserialize(body.subarray(at + 4, at + 4 + length)) as Frame;
    at += 4 + length;
  }
}

/** Every frame of a body (for tests that forge a snapshot). */
export function decodeFrames(body: Buffer): Frame[] {
  return [...eachFrame(body)];
}

/** Frames back into one body, as the writer lays them out (for tests that forge a snapshot). */
export function encodeFrames(frames: readonly Frame[]): Buffer {
  return Buffer.concat(frames.flatMap(frame));
}

/**
 * The content of a body, a frame at a time. Throws when the frames disagree with each other
 * (out of order, lengths or indexes out of range): a snapshot is checked, not trusted.
 */
export function* contentSteps(body: Buffer): Steps<SnapshotContent> {
  const frames = eachFrame(body);
  const first = frames.next();
  const head = first.done ? undefined : first.value;
  if (head?.kind !== "head") throw new Error("the snapshot does not start with its head");
  const stories: Story[] = [];
  const indexes: QuoteIndexData[] = [];
  let pieces = emptyPieces();
  let postings: { data: Uint32Array; filled: number } | undefined;
  const finishIndex = () => {
    if (postings && postings.filled !== postings.data.length) throw new Error("postings cut short");
    postings = undefined;
  };
  for (const f of frames) {
    yield;
    if (f.kind !== "postings") finishIndex();
    switch (f.kind) {
      case "articles":
        pieces.articles.push(...f.articles);
        break;
      case "quotes":
        pieces.quotes.push(f.quotes);
        break;
      case "conditions":
        pieces.conditions.push(...f.conditions);
        break;
      case "status":
        pieces.status.push(...f.status);
        break;
      case "story":
        stories.push(yield* unpackStory(f, pieces));
        pieces = emptyPieces();
        break;
      case "index": {
        if (indexes.length !== stories.length - 1) throw new Error("an index without its story");
        const data = new Uint32Array(f.postings);
        indexes.push({ order: f.order, stopwordsIndexed: f.stopwordsIndexed, terms: { terms: f.terms, offsets: f.offsets, postings: data, docCount: f.docCount } });
        postings = { data, filled: 0 };
        break;
      }
      case "postings":
        if (!postings || postings.filled + f.postings.length > postings.data.length) throw new Error("postings without an index, or past its end");
        postings.data.set(f.postings, postings.filled);
        postings.filled += f.postings.length;
        break;
      default:
        throw new Error("a frame of an unknown kind");
    }
  }
  finishIndex();
  if (stories.length !== head.stories || indexes.length !== stories.length) throw new Error("stories or indexes missing");
  return { catalog: { stories }, problems: head.problems, indexes };
}

function emptyPieces() {
  return { articles: [] as ArticleRef[], quotes: [] as PackedQuotes[], conditions: [] as PackedCondition[], status: [] as PackedStatus[] };
}

function* unpackStory(f: Extract<Frame, { kind: "story" }>, pieces: ReturnType<typeof emptyPieces>): Steps<Story> {
  const { articles } = pieces;
  const pick = <T>(list: readonly T[], i: number): T => {
    if (!Number.isInteger(i) || i < 0 || i >= list.length) throw new Error("an item points past its list");
    return list[i]!;
  };
  const quotes: Quote[] = [];
  for (const chunk of pieces.quotes) {
    unpackQuotes(chunk, quotes, (i) => pick(f.persons, i), (i) => pick(f.dates, i), (i) => pick(articles, i));
    yield;
  }
  const conditions = pieces.conditions.map((c): Condition => {
    const condition: Condition = { id: c.id, party: pick(f.parties, c.party), text: c.text, firmness: c.firmness, date: c.date, article: pick(articles, c.article) };
    if (c.holder >= 0) condition.holder = pick(f.persons, c.holder);
    return condition;
  });
  const status = pieces.status.map((s): StatusItem => ({ id: s.id, topic: pick(f.topics, s.topic), state: s.state, detail: s.detail, date: s.date, article: pick(articles, s.article) }));
  return { ...f.story, articles, quotes, conditions, status };
}

function unpackQuotes(packed: PackedQuotes, into: Quote[], person: (i: number) => Person, dateAt: (i: number) => string, article: (i: number) => ArticleRef): void {
  const { strings, lengths, date, direct, speaker } = packed;
  const n = date.length;
  if (lengths.length !== n * 3 || direct.length !== n || speaker.length !== n || packed.article.length !== n) throw new Error("quote columns of different lengths");
  let at = 0;
  const take = (length: number) => {
    if (length < 0 || at + length > strings.length) throw new Error("quote text lengths past the end of the strings");
    return strings.slice(at, (at += length));
  };
  for (let i = 0; i < n; i++) {
    const quote: Quote = {
      id: take(lengths[i * 3]!),
      speaker: person(speaker[i]!),
      text: take(lengths[i * 3 + 1]!),
      kind: direct[i] ? "direct" : "reported",
      date: dateAt(date[i]!),
      article: article(packed.article[i]!),
    };
    const context = lengths[i * 3 + 2]!;
    if (context >= 0) quote.context = take(context);
    into.push(quote);
  }
  if (at !== strings.length) throw new Error("quote strings left over");
}
