import type { Topic } from "./schema.js";
import type { ArticleRef, Condition, Quote, StatusItem, Story } from "./story.js";
import { topicTimelines } from "./story.js";
import { inShort } from "./summaries/in-short.js";

/**
 * What a digest holds, before it becomes Discord messages. Pure: which articles the
 * channel has already been told about comes in, and what is new goes out.
 */
export interface ThreadChange {
  topic: Topic;
  /** The state the channel last heard of; absent for a thread new to it. */
  from?: StatusItem;
  to: StatusItem;
  /** The thread's items that are new here, oldest first; the last is `to`. */
  steps?: StatusItem[];
}

export interface DigestContent {
  storyId: string;
  storyTitle: string;
  /** "changes": what is new since the last digest (or a date); "summary": where things stand, for a first digest. */
  kind: "changes" | "summary";
  /** The articles the digest covers: new ones for changes, all of them for a summary. */
  articles: ArticleRef[];
  threads: ThreadChange[];
  conditions: Condition[];
  /** The most notable quotes, best first. */
  quotes: Quote[];
  /** New quotes not shown. */
  otherQuotes: number;
  /** The news in one sentence, made from the changes: "The summit was held; …". */
  inShort: string;
}

const NOTABLE_QUOTES = 5;
const SUMMARY_QUOTES = 3;

/** What changed in the articles not in `delivered`, relative to the ones that are. */
export function digestChanges(story: Story, delivered: ReadonlySet<string>): DigestContent {
  return changesFrom(story, (article) => !delivered.has(article.id));
}

/** What changed in the articles dated on or after `since` (YYYY-MM-DD). */
export function digestSince(story: Story, since: string): DigestContent {
  return changesFrom(story, (article) => article.date >= since);
}

function changesFrom(story: Story, isNew: (article: ArticleRef) => boolean): DigestContent {
  const articles = story.articles.filter(isNew);
  const newIds = new Set(articles.map((a) => a.id));
  const threads: ThreadChange[] = [];
  const earlier = new Map<string, StatusItem[]>();
  for (const timeline of topicTimelines(story)) {
    const known = timeline.items.filter((item) => !newIds.has(item.article.id));
    if (known.length === timeline.items.length) continue;
    const from = known[known.length - 1];
    earlier.set(timeline.topic.id, known);
    const steps = timeline.items.filter((item) => newIds.has(item.article.id));
    threads.push({ topic: timeline.topic, ...(from ? { from } : {}), to: timeline.current, steps });
  }
  const conditions = story.conditions.filter((c) => newIds.has(c.article.id));
  const quotes = rankQuotes(story.quotes.filter((q) => newIds.has(q.article.id)));
  return {
    storyId: story.id,
    storyTitle: story.title,
    kind: "changes",
    articles: [...articles].reverse(),
    threads,
    conditions,
    quotes: quotes.slice(0, NOTABLE_QUOTES),
    otherQuotes: Math.max(0, quotes.length - NOTABLE_QUOTES),
    inShort: inShort({
      threads: threads.map((t) => ({ topic: t.topic, ...(t.from ? { from: t.from } : {}), steps: t.steps ?? [t.to] })),
      conditions,
      articles: articles.length,
      earlier: (id) => earlier.get(id) ?? [],
    }),
  };
}

/** Where things stand: for a channel's first digest, instead of the whole history. */
export function digestSummary(story: Story): DigestContent {
  const quotes = rankQuotes(story.quotes.filter((q) => q.kind === "direct").slice(-20));
  const timelines = topicTimelines(story);
  return {
    storyId: story.id,
    storyTitle: story.title,
    kind: "summary",
    articles: [...story.articles].reverse(),
    threads: timelines.map((t) => ({ topic: t.topic, to: t.current })),
    conditions: [],
    quotes: quotes.slice(0, SUMMARY_QUOTES),
    otherQuotes: 0,
    inShort: inShort({ threads: timelines.slice(0, 3).map((t) => ({ topic: t.topic, steps: [t.current] })), conditions: [], articles: story.articles.length }),
  };
}

export function isEmptyDigest(content: DigestContent): boolean {
  return content.articles.length === 0;
}

/**
 * Notable first: direct words over paraphrase, one quote per speaker before a second,
 * substantial over fragmentary, newest first.
 */
export function rankQuotes(quotes: readonly Quote[]): Quote[] {
  const weight = (q: Quote) => (q.kind === "direct" ? 2 : 0) + (q.text.split(/\s+/).length >= 6 ? 1 : 0);
  const sorted = [...quotes].sort((a, b) => weight(b) - weight(a) || b.date.localeCompare(a.date));
  const firsts: Quote[] = [];
  const rest: Quote[] = [];
  const seen = new Set<string>();
  for (const q of sorted) {
    (seen.has(q.speaker.id) ? rest : firsts).push(q);
    seen.add(q.speaker.id);
  }
  return [...firsts, ...rest];
}
