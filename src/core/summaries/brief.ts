import { rankQuotes } from "../digest.js";
import type { State } from "../schema.js";
import { type ArticleRef, type Condition, type Quote, type Story, type TopicTimeline, topicTimelines } from "../story.js";
import { type ChangedThread, inShort } from "./in-short.js";

/**
 * What a newcomer needs, from the structured data alone: what changed since a day, where
 * each live thread stands (changed ones first), the conditions still on the table, one
 * quote, and the articles all of it comes from.
 */
export interface Brief {
  since: string;
  /** The day with news the default `since` came from: the newest article's date. */
  lastNewsDay?: string;
  /** Articles dated on or after `since`. */
  newArticles: ArticleRef[];
  /** One sentence, as a digest's "In short". */
  inShort: string;
  threads: BriefThread[];
  /** Every condition on record, grouped by party, firmest first (the data has no way to mark one met). */
  conditions: { party: string; items: Condition[] }[];
  quote?: Quote;
  /** The articles the other parts come from, newest first. */
  sources: ArticleRef[];
}

export interface BriefThread {
  timeline: TopicTimeline;
  changed: boolean;
  /** The state before the changes since `since`, when it differs from the current one. */
  was?: State;
}

/** States after which a thread has nothing left to happen. */
const SETTLED: ReadonlySet<State> = new Set<State>(["completed", "cancelled"]);
const FIRMNESS_ORDER = ["non-negotiable", "firm", "stated"];

export function buildBrief(story: Story, options: { since?: string } = {}): Brief {
  const lastNewsDay = story.articles.reduce<string | undefined>((latest, a) => (!latest || a.date > latest ? a.date : latest), undefined);
  const since = options.since ?? lastNewsDay ?? "9999-12-31";
  const newArticles = story.articles.filter((a) => a.date >= since);
  const isNew = (date: string) => date >= since;

  const changedThreads: ChangedThread[] = [];
  const threads: BriefThread[] = [];
  for (const timeline of topicTimelines(story)) {
    const steps = timeline.items.filter((item) => isNew(item.date));
    const before = timeline.items.filter((item) => !isNew(item.date));
    const changed = steps.length > 0;
    if (changed) changedThreads.push({ topic: timeline.topic, ...(before.length ? { from: before.at(-1)! } : {}), steps });
    if (!changed && SETTLED.has(timeline.current.state)) continue;
    const first = changed ? (before.at(-1) ?? steps[0]) : undefined;
    threads.push({ timeline, changed, ...(first && first.state !== timeline.current.state ? { was: first.state } : {}) });
  }
  // Changed threads first; topicTimelines already puts the most recently changed first within each group.
  threads.sort((a, b) => Number(b.changed) - Number(a.changed));

  const byParty = new Map<string, Condition[]>();
  for (const c of story.conditions) byParty.set(c.party.name, [...(byParty.get(c.party.name) ?? []), c]);
  const conditions = [...byParty].map(([party, items]) => ({
    party,
    items: [...items].sort((a, b) => FIRMNESS_ORDER.indexOf(a.firmness) - FIRMNESS_ORDER.indexOf(b.firmness) || b.date.localeCompare(a.date)),
  }));

  const recent = story.quotes.filter((q) => isNew(q.date));
  const quote = rankQuotes(recent.length > 0 ? recent : story.quotes.slice(-50))[0];

  const used = new Map<string, ArticleRef>();
  for (const t of threads.slice(0, 4)) used.set(t.timeline.current.article.id, t.timeline.current.article);
  for (const group of conditions.slice(0, 2)) for (const c of group.items.slice(0, 2)) used.set(c.article.id, c.article);
  if (quote) used.set(quote.article.id, quote.article);
  const sources = [...used.values()].sort((a, b) => b.date.localeCompare(a.date));

  const earlier = new Map(topicTimelines(story).map((t) => [t.topic.id, t.items.filter((item) => !isNew(item.date))]));
  return {
    since,
    ...(lastNewsDay ? { lastNewsDay } : {}),
    newArticles,
    inShort: inShort({ threads: changedThreads, conditions: story.conditions.filter((c) => isNew(c.date)), articles: newArticles.length, earlier: (id) => earlier.get(id) ?? [] }),
    threads,
    conditions,
    ...(quote ? { quote } : {}),
    sources,
  };
}
