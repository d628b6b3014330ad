import type { ArticleFile, Party, Person, StoryFile, Topic } from "../schema.js";
import { type ExtractedArticle, type ExtractedThread, UNKNOWN_SIDE } from "../extract/extract-article.js";
import { sameCondition } from "../extract/same-condition.js";
import { articleSummary, storySummary, summaryIsGenerated } from "../extract/summaries.js";
import { type Named, matchNamed } from "./match-names.js";
import { threadOfTopic } from "./thread-of-topic.js";
import { topicKey } from "./topic-key.js";

export interface MergeOptions {
  /** The story's articles so far (other than this one): a restated condition takes their wording, and a generated story summary is rewritten from all of them. */
  articles?: readonly ArticleFile[];
}

/** What ingesting one article changed in its story. */
export interface MergeResult {
  story: StoryFile;
  article: ArticleFile;
  added: { people: string[]; parties: string[]; topics: string[] };
}

/**
 * Fits an extracted article into a story: its people, parties and topics become the
 * story's own where they match (new spellings join as aliases), or are added to
 * story.json where they do not, and every id in the article is rewritten to match.
 * Pure and idempotent: merging the same article twice changes nothing the second time.
 */
export function mergeIntoStory(story: StoryFile, extracted: ExtractedArticle, options: MergeOptions = {}): MergeResult {
  const next: StoryFile = structuredClone(story);
  const added: MergeResult["added"] = { people: [], parties: [], topics: [] };

  const partyIds = new Map<string, string>();
  for (const party of extracted.parties) {
    if (party.id === UNKNOWN_SIDE.id) continue;
    const known = matchNamed(next.parties, party);
    if (known) partyIds.set(party.id, known.id);
    else partyIds.set(party.id, addEntry(next.parties, party, added.parties));
  }
  const partyOf = (id: string | undefined) => (id ? (partyIds.get(id) ?? (next.parties.some((p) => p.id === id) ? id : undefined)) : undefined);

  const personIds = new Map<string, string>();
  for (const person of extracted.article.people) {
    const known = matchNamed(next.people, person, { people: true });
    const party = partyOf(person.party);
    if (known) {
      joinAliases(known, person);
      if (!known.role && person.role) known.role = person.role;
      if (!known.party && party) known.party = party;
      personIds.set(person.id, known.id);
    } else {
      const { party: _ignored, ...rest } = person;
      personIds.set(person.id, addEntry(next.people, { ...rest, ...(party ? { party } : {}) }, added.people));
    }
  }

  const topicIds = new Map<string, string>();
  for (const topic of extracted.topics) {
    const thread = extracted.threads?.find((t) => t.id === topic.id);
    const known = matchTopic(next.topics, topic) ?? (thread ? matchThread(next.topics, thread, topic) : undefined);
    if (known) {
      renameIfClearer(known, topic, thread);
      if (thread) joinTopicAliases(known, topic);
      topicIds.set(topic.id, known.id);
    } else topicIds.set(topic.id, addEntry(next.topics, { ...topic, aliases: thread ? topic.aliases : [] }, added.topics));
  }
  const earlier = (options.articles ?? []).filter((a) => a.id !== extracted.article.id);

  const source = extracted.article;
  const article: ArticleFile = {
    ...source,
    people: [...new Set(source.people.map((p) => personIds.get(p.id)!))].map((id) => {
      const person = next.people.find((p) => p.id === id)!;
      return { id, name: person.name, aliases: [], ...(person.role ? { role: person.role } : {}) };
    }),
    quotes: source.quotes.map((q) => ({ ...q, speaker: personIds.get(q.speaker) ?? q.speaker })),
    conditions: source.conditions.flatMap((c) => {
      const holder = c.holder ? (personIds.get(c.holder) ?? c.holder) : undefined;
      // A side the article did not tell is the holder's side in the story.
      const party = c.party === UNKNOWN_SIDE.id ? next.people.find((p) => p.id === holder)?.party : (partyIds.get(c.party) ?? c.party);
      if (!party) return [];
      // Restated in a later article: the earlier wording, so the story shows one condition with the new date and firmness.
      const before = earlier.flatMap((a) => a.conditions).find((e) => e.party === party && (!e.holder || !holder || e.holder === holder) && sameCondition(e.text, c.text));
      return [{ ...c, party, ...(holder ? { holder } : {}), ...(before ? { text: before.text } : {}) }];
    }),
    status: source.status.map((s) => ({ ...s, topic: topicIds.get(s.topic) ?? s.topic })),
  };
  // Built from the facts, the article's summary names threads and sides as the story knows them.
  if (!extracted.summaryWritten) article.summary = articleSummary(article, {
    topic: (id) => next.topics.find((t) => t.id === id)?.name ?? id,
    party: (id) => next.parties.find((p) => p.id === id)?.name ?? id,
    person: (id) => next.people.find((p) => p.id === id)?.name,
  });
  if (summaryIsGenerated(next)) {
    next.summary = storySummary(next, [...earlier, article]);
    next.summaryBy = "generated";
  }
  return { story: next, article, added };
}

/**
 * The story topic that is the same real-world thing as an extracted thread: same kind, and
 * the same people or sides taking part; a thread naming nobody ("the leaders' meeting") is
 * the one of its kind held at the same place, else the only or the latest one of its kind.
 */
function matchThread(topics: readonly Topic[], thread: ExtractedThread, topic: Topic): Topic | undefined {
  const candidates = topics.map((t) => ({ topic: t, thread: threadOfTopic(t) })).filter((c) => c.thread.kind === thread.kind);
  if (candidates.length === 0) return undefined;
  const keys = thread.participants.map((p) => topicKey(p)).filter(Boolean);
  // An agreement, a truce or a corridor is named after whoever the sentence mentions: any shared name or the same noun is enough.
  if (EVENT_KINDS.has(thread.kind) && keys.length > 0) {
    const words = new Set(topicKey(topic.name).split(" "));
    const related = candidates.filter((c) => keys.some((k) => c.thread.words.has(k)) || (c.thread.participants.length === 0 && [...words].some((w) => c.thread.words.has(w) && !keys.includes(w))));
    if (related.length > 0) return related[related.length - 1]!.topic;
  }
  if (keys.length > 0) {
    const scored = candidates
      .map((c) => ({ ...c, shared: keys.filter((k) => c.thread.words.has(k)).length, own: c.thread.participants }))
      .filter((c) => c.shared === keys.length || (c.own.length > 0 && c.own.every((w) => keys.includes(w))) || (c.own.length === 0 && c.shared === 0));
    const full = scored.filter((c) => c.shared === keys.length && c.own.length > 0);
    if (full.length > 0) return full.sort((a, b) => a.own.length - b.own.length)[0]!.topic;
    const subset = scored.filter((c) => c.own.length > 0);
    if (subset.length > 0) return subset[subset.length - 1]!.topic;
    // A thread the story knows only by its kind or place ("Ceasefire", "Summit in Halden") is the same thing, named better now.
    const nameless = scored.filter((c) => c.own.length === 0);
    return nameless.length > 0 ? nameless[nameless.length - 1]!.topic : undefined;
  }
  const places = thread.places.map((p) => topicKey(p));
  const atPlace = candidates.filter((c) => places.some((p) => c.thread.words.has(p)));
  if (atPlace.length > 0) return atPlace[atPlace.length - 1]!.topic;
  void topic;
  return candidates[candidates.length - 1]!.topic;
}

const EVENT_KINDS = new Set(["deal", "ceasefire", "corridor", "exchange", "withdrawal", "monitoring mission"]);

/** "Call" becomes "Lind–Brenner call" once an article names who took part; the old name stays as an alias. */
function renameIfClearer(known: Topic, topic: Topic, thread: ExtractedThread | undefined): void {
  if (!thread || thread.participants.length === 0 || topic.name === known.name) return;
  if (threadOfTopic(known).participants.length > 0) return;
  if (!known.aliases.includes(known.name)) known.aliases.push(known.name);
  known.name = topic.name;
  known.aliases = known.aliases.filter((a) => a !== topic.name);
}

/**
 * The story topic an extracted one is about: same words in any order first; else the
 * one topic whose name holds all the extracted words ("Trump call" → "Trump–Putin call"),
 * or whose alias of two words or more the extracted name holds ("minerals deal").
 */
function matchTopic(topics: readonly Topic[], topic: Topic): Topic | undefined {
  const key = topicKey(topic.name);
  const forms = (t: Topic) => [t.name, ...t.aliases].map((n) => topicKey(n).split(" "));
  const exact = topics.find((t) => t.id === topic.id || forms(t).some((f) => f.join(" ") === key));
  if (exact) return exact;
  const words = key.split(" ");
  const containing = topics.filter((t) => forms(t).some((f) => words.every((w) => f.includes(w)) || (f.length >= 2 && f.every((w) => words.includes(w)))));
  return containing.length === 1 ? containing[0] : undefined;
}

/** Adds a new entry under an id no other entry uses, and returns that id. */
function addEntry<T extends Named>(list: T[], entry: T, addedIds: string[]): string {
  let id = entry.id;
  for (let n = 2; list.some((e) => e.id === id); n++) id = `${entry.id}-${n}`;
  list.push({ ...entry, id });
  addedIds.push(id);
  return id;
}

/** A topic's new names, less those that only reorder or respell one it has ("Zelensky–Trump meeting"). */
function joinTopicAliases(known: Topic, mention: Topic): void {
  const keys = new Set([known.name, ...known.aliases].map(topicKey));
  for (const form of [mention.name, ...mention.aliases]) {
    if (keys.has(topicKey(form))) continue;
    keys.add(topicKey(form));
    known.aliases.push(form);
  }
}

function joinAliases(known: Person | Party | Topic, mention: Named): void {
  for (const form of [mention.name, ...mention.aliases]) {
    if (form !== known.name && !known.aliases.includes(form)) known.aliases.push(form);
  }
}
