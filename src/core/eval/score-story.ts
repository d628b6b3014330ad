import type { Person, State, Topic } from "../schema.js";
import type { Condition, StatusItem, Story } from "../story.js";
import type { GoldCondition, GoldPerson, GoldStory, GoldThread } from "./gold-schema.js";
import { contentStems, dice, kindsIn, nameKey, textSimilarity } from "./text-overlap.js";

/**
 * Scores a story built by ingest against its gold key. Pure: the caller ingests, this
 * only compares. Every threshold is named here so the README can quote it.
 */

/** A system condition's text must reach this Dice overlap with a gold text to match. */
export const CONDITION_TEXT_THRESHOLD = 0.5;
/** A system topic joins the gold thread with the best score if that score reaches this. */
export const TOPIC_MATCH_THRESHOLD = 0.4;
/** An unnamed speaker or organisation matches a listed one at this Dice overlap. */
export const SPEAKER_THRESHOLD = 0.6;

/** States the gold does not tell apart: "set for", "scheduled" and "moved" are all plans. */
const SAME_STATE: Partial<Record<State, State>> = { scheduled: "planned" };
export const sameState = (a: State, b: State) => (SAME_STATE[a] ?? a) === (SAME_STATE[b] ?? b);

/** One ingested article: its file name (as gold names it), the id ingest gave it and its date. */
export interface IngestedArticle {
  name: string;
  id: string;
  date: string;
}

export interface Ratio {
  hit: number;
  total: number;
}

export interface ScoreError {
  kind:
    | "missed condition"
    | "false condition"
    | "wrong party"
    | "wrong firmness"
    | "wrong holder"
    | "copied condition"
    | "wrong final state"
    | "missed thread"
    | "fragmented thread"
    | "spurious topic"
    | "missed state"
    | "not a person";
  message: string;
}

export interface StoryScore {
  story: string;
  articles: number;
  conditions: { precision: Ratio; recall: Ratio; firmness: Ratio; holder: Ratio; copies: number };
  threads: { finalState: Ratio; steps: Ratio; topics: number; threadsWithTopics: number; spurious: number; missing: number };
  people: { real: Ratio; traps: number };
  errors: ScoreError[];
}

export function scoreStory(gold: GoldStory, story: Story, articles: readonly IngestedArticle[]): StoryScore {
  const errors: ScoreError[] = [];
  const articleName = (id: string) => articles.find((a) => a.id === id)?.name ?? id;
  const conditions = scoreConditions(gold, story.conditions, articles, errors);
  const threads = scoreThreads(gold, story, articles, articleName, errors);
  const people = scorePeople(gold, story.people, errors);
  return { story: gold.story, articles: articles.length, conditions, threads, people, errors };
}

// ---- conditions ----

function scoreConditions(gold: GoldStory, system: readonly Condition[], articles: readonly IngestedArticle[], errors: ScoreError[]): StoryScore["conditions"] {
  const matchesOf = new Map<GoldCondition, Condition[]>();
  const firmness: Ratio = { hit: 0, total: 0 };
  const holder: Ratio = { hit: 0, total: 0 };
  let correct = 0;
  const name = (id: string) => articles.find((a) => a.id === id)?.name ?? id;

  for (const condition of system) {
    const best = bestBy(gold.conditions, (g) => conditionTextScore(condition.text, g));
    const sameParty = bestBy(
      gold.conditions.filter((g) => partyMatches(gold, g.party, condition)),
      (g) => conditionTextScore(condition.text, g),
    );
    const where = `${name(condition.article.id)}: ${condition.party.name}: "${condition.text}"`;
    if (sameParty && sameParty.score >= CONDITION_TEXT_THRESHOLD) {
      correct++;
      const g = sameParty.item;
      matchesOf.set(g, [...(matchesOf.get(g) ?? []), condition]);
      const mention = mentionFor(g, condition, articles);
      firmness.total++;
      if (mention.firmness === condition.firmness) firmness.hit++;
      else errors.push({ kind: "wrong firmness", message: `${where} is ${condition.firmness}, gold ${mention.firmness} (${g.id})` });
      const goldHolder = mention.holder ?? g.holder;
      if (goldHolder) {
        holder.total++;
        if (condition.holder && personMatches(gold.people.find((p) => p.name === goldHolder)!, condition.holder)) holder.hit++;
        else errors.push({ kind: "wrong holder", message: `${where} has holder ${condition.holder?.name ?? "none"}, gold ${goldHolder} (${g.id})` });
      }
    } else if (best && best.score >= CONDITION_TEXT_THRESHOLD) {
      errors.push({ kind: "wrong party", message: `${where}: text matches ${best.item.id} but its party is ${best.item.party}` });
    } else {
      errors.push({ kind: "false condition", message: `${where}${best && best.score > 0 ? ` (closest: ${best.item.id}, overlap ${best.score.toFixed(2)})` : ""}` });
    }
  }

  let copies = 0;
  for (const g of gold.conditions) {
    const found = matchesOf.get(g) ?? [];
    if (found.length === 0) errors.push({ kind: "missed condition", message: `${g.id}: ${g.party}, ${g.mentions[0]!.firmness}: "${g.text}" (${g.mentions.map((m) => m.article).join(", ")})` });
    // A restatement should update the condition, so more system items than gold mentions are copies.
    const extra = found.length - 1;
    if (extra > 0) {
      copies += extra;
      errors.push({ kind: "copied condition", message: `${g.id} appears ${found.length} times: ${found.map((c) => name(c.article.id)).join(", ")}` });
    }
  }
  return {
    precision: { hit: correct, total: system.length },
    recall: { hit: gold.conditions.filter((g) => matchesOf.has(g)).length, total: gold.conditions.length },
    firmness,
    holder,
    copies,
  };
}

function conditionTextScore(text: string, gold: GoldCondition): number {
  const system = contentStems(text);
  return Math.max(...[gold.text, ...gold.mentions.flatMap((m) => (m.text ? [m.text] : []))].map((t) => dice(system, contentStems(t))));
}

/**
 * The gold mention a system condition stands for: its own article's, unless the condition
 * carries a later date (a restatement that updated it), then the latest mention up to that date.
 */
function mentionFor(gold: GoldCondition, condition: Condition, articles: readonly IngestedArticle[]): GoldCondition["mentions"][number] {
  const article = (name: string) => articles.find((a) => a.name === name);
  const own = gold.mentions.find((m) => article(m.article)?.id === condition.article.id);
  if (own && condition.date === condition.article.date) return own;
  const before = gold.mentions.filter((m) => (article(m.article)?.date ?? "") <= condition.date);
  return before[before.length - 1] ?? gold.mentions[0]!;
}

function partyMatches(gold: GoldStory, partyName: string, condition: Condition): boolean {
  const party = gold.parties.find((p) => p.name === partyName)!;
  const goldKeys = new Set([party.name, ...party.aliases].map(nameKey));
  return [condition.party.name, ...condition.party.aliases].some((n) => goldKeys.has(nameKey(n)));
}

// ---- threads ----

interface TopicMatch {
  topic: Topic;
  items: StatusItem[];
  thread?: GoldThread;
}

function scoreThreads(
  gold: GoldStory,
  story: Story,
  articles: readonly IngestedArticle[],
  articleName: (id: string) => string,
  errors: ScoreError[],
): StoryScore["threads"] {
  const idOf = (name: string) => articles.find((a) => a.name === name)?.id ?? name;
  const topics: TopicMatch[] = [];
  for (const item of story.status) {
    const known = topics.find((t) => t.topic.id === item.topic.id);
    if (known) known.items.push(item);
    else topics.push({ topic: item.topic, items: [item] });
  }
  for (const match of topics) {
    const best = bestBy(gold.threads, (thread) => topicScore(match, thread, idOf));
    if (best && best.score >= TOPIC_MATCH_THRESHOLD) match.thread = best.item;
    else errors.push({ kind: "spurious topic", message: `"${match.topic.name}": ${describeItems(match.items, articleName)}` });
  }

  const finalState: Ratio = { hit: 0, total: gold.threads.length };
  const steps: Ratio = { hit: 0, total: 0 };
  let threadsWithTopics = 0;
  for (const thread of gold.threads) {
    const mine = topics.filter((t) => t.thread === thread);
    // story.status is oldest first, so the last of the thread's items is its current state.
    const items = story.status.filter((item) => mine.some((t) => t.topic.id === item.topic.id));
    const expected = thread.states[thread.states.length - 1]!.state;
    if (mine.length === 0) {
      errors.push({ kind: "missed thread", message: `${thread.name} (${thread.kind}), final state ${expected}` });
    } else {
      threadsWithTopics++;
      if (mine.length > 1) errors.push({ kind: "fragmented thread", message: `${thread.name} is split into ${mine.map((t) => `"${t.topic.name}"`).join(", ")}` });
      const last = items[items.length - 1]!;
      if (sameState(last.state, expected)) finalState.hit++;
      else errors.push({ kind: "wrong final state", message: `${thread.name}: ${last.state} (${articleName(last.article.id)}), gold ${expected}` });
    }
    for (const step of thread.states) {
      steps.total++;
      if (items.some((item) => item.article.id === idOf(step.article) && sameState(item.state, step.state))) steps.hit++;
      else if (mine.length > 0) errors.push({ kind: "missed state", message: `${thread.name}: ${step.state} in ${step.article}` });
    }
  }
  const mapped = topics.filter((t) => t.thread).length;
  return {
    finalState,
    steps,
    topics: mapped,
    threadsWithTopics,
    spurious: topics.length - mapped,
    missing: gold.threads.length - threadsWithTopics,
  };
}

/**
 * Half name, half evidence: the best Dice overlap between any of the topic's names and
 * any of the thread's (halved when the topic names another kind of thing), plus the
 * share of the topic's items that come from articles where the thread changed state.
 */
export function topicScore(match: { topic: Topic; items: readonly StatusItem[] }, thread: GoldThread, idOf: (name: string) => string): number {
  const topicNames = [match.topic.name, ...match.topic.aliases];
  const threadNames = [thread.name, ...thread.aliases];
  let name = Math.max(...topicNames.flatMap((a) => threadNames.map((b) => textSimilarity(a, b))));
  if (name === 0) return 0;
  const kinds = new Set(topicNames.flatMap((n) => [...kindsIn(n)]));
  if (kinds.size > 0 && !kinds.has(thread.kind)) name /= 2;
  const threadArticles = new Set(thread.states.map((s) => idOf(s.article)));
  const evidence = match.items.filter((item) => threadArticles.has(item.article.id)).length / match.items.length;
  return (name + evidence) / 2;
}

function describeItems(items: readonly StatusItem[], articleName: (id: string) => string): string {
  return items.map((i) => `${i.state} (${articleName(i.article.id)})`).join(", ");
}

// ---- people ----

function scorePeople(gold: GoldStory, people: readonly Person[], errors: ScoreError[]): StoryScore["people"] {
  let real = 0;
  let traps = 0;
  for (const person of people) {
    if (gold.people.some((g) => personMatches(g, person))) {
      real++;
      continue;
    }
    const forms = [person.name, ...person.aliases];
    // Checked before the sides, since a capital can be both a party's alias and a place.
    const trap = gold.notPeople.find((t) => forms.some((f) => containsWords(f, t)));
    if (trap) {
      traps++;
      errors.push({ kind: "not a person", message: `${person.name}${person.role ? ` (${person.role})` : ""} is the place or phrase "${trap}"` });
      continue;
    }
    // Organisations and unnamed officials may speak; so may a side itself ("Soravia said").
    const speakers = [...gold.speakers, ...gold.parties.flatMap((p) => [p.name, ...p.aliases])];
    if (speakers.some((s) => forms.some((f) => textSimilarity(f, s) >= SPEAKER_THRESHOLD))) real++;
    else errors.push({ kind: "not a person", message: `${person.name}${person.role ? ` (${person.role})` : ""}` });
  }
  return { real: { hit: real, total: people.length }, traps };
}

/** Same person when one of the system's names holds every word of one of the gold names ("President Ana Kos" ⊇ "Kos"). */
function personMatches(gold: GoldPerson, person: Person): boolean {
  return [person.name, ...person.aliases].some((n) => [gold.name, ...gold.aliases].some((g) => containsWords(n, g)));
}

function containsWords(name: string, part: string): boolean {
  const words = nameKey(name).split(" ");
  return nameKey(part)
    .split(" ")
    .every((w) => words.includes(w));
}

// ---- helpers ----

function bestBy<T>(items: readonly T[], score: (item: T) => number): { item: T; score: number } | undefined {
  let best: { item: T; score: number } | undefined;
  for (const item of items) {
    const s = score(item);
    if (!best || s > best.score) best = { item, score: s };
  }
  return best;
}
