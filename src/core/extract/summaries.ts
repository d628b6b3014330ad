import type { ArticleFile, ConditionFile, Firmness, Person, State, StatusItemFile, StoryFile } from "../schema.js";

/** How each state reads after a thread's name: "the ceasefire took effect". */
const STATE_PHRASE: Record<State, string> = {
  claimed: "is claimed by one side",
  unconfirmed: "remains unconfirmed",
  denied: "was denied",
  confirmed: "was confirmed",
  proposed: "was proposed",
  planned: "is planned",
  scheduled: "is scheduled",
  held: "took place",
  agreed: "was agreed",
  "in-effect": "is in effect",
  violated: "was violated",
  completed: "was completed",
  cancelled: "was called off",
  corrected: "was corrected",
};

const FIRMNESS_WORD: Record<Firmness, string> = { "non-negotiable": "non-negotiable", firm: "firm", stated: "stated" };

interface Names {
  topic: (id: string) => string;
  party: (id: string) => string;
  person: (id: string) => string | undefined;
}

/**
 * One or two sentences in our own words on what an article reports: where its threads
 * ended up and who set which terms. Built from the extracted facts, never from the prose.
 */
export function articleSummary(article: Pick<ArticleFile, "quotes" | "conditions" | "status">, names: Names): string {
  const sentences: string[] = [];
  const developments = latestPerTopic(article.status)
    .slice(0, 3)
    .map((s) => `${theName(names.topic(s.topic))} ${STATE_PHRASE[s.state]}`);
  if (developments.length > 0) sentences.push(capitalise(`${joinAnd(developments)}.`));
  const terms = termsSentence(article.conditions, names);
  if (terms) sentences.push(terms);
  if (sentences.length === 0) {
    const speakers = [...new Set(article.quotes.map((q) => names.person(q.speaker)).filter((n): n is string => Boolean(n)))];
    if (speakers.length > 0) sentences.push(`Statements from ${joinAnd(speakers.slice(0, 3))}${speakers.length > 3 ? " and others" : ""}; no change in the threads the story follows.`);
    else sentences.push("No change in the threads the story follows.");
  }
  return sentences.join(" ");
}

/**
 * "Where things stand": each thread's current state, newest first, and each side's firmest
 * terms; regenerated from every article of the story.
 */
export function storySummary(story: StoryFile, articles: readonly ArticleFile[]): string {
  const names = namesOf(story, articles);
  const ordered = [...articles].sort((a, b) => a.date.localeCompare(b.date));
  const items = ordered.flatMap((a) => a.status.map((s) => ({ ...s, date: s.date ?? a.date })));
  const current = latestPerTopic(items).sort((a, b) => b.date.localeCompare(a.date));
  const parts: string[] = [];
  if (current.length > 0) {
    const lines = current.slice(0, 5).map((s) => `${theName(names.topic(s.topic))} ${STATE_PHRASE[s.state]} (${s.date})`);
    parts.push(`Where things stand: ${joinAnd(lines)}${current.length > 5 ? `, among ${current.length} threads` : ""}.`);
  }
  const conditions = ordered.flatMap((a) => a.conditions);
  const byParty = new Map<string, ConditionFile[]>();
  for (const c of conditions) byParty.set(c.party, [...(byParty.get(c.party) ?? []), c]);
  const terms = [...byParty].slice(0, 3).map(([party, list]) => {
    const firmest = [...list].sort((a, b) => rank(b.firmness) - rank(a.firmness))[0]!;
    return `${names.party(party)}'s firmest term: ${clip(firmest.text)} (${FIRMNESS_WORD[firmest.firmness]})`;
  });
  if (terms.length > 0) parts.push(`${terms.join("; ")}.`);
  if (parts.length === 0) return `${story.title}: no developments recorded yet.`;
  return parts.join(" ");
}

/** Whether a story's summary may be rewritten: a person wrote none, or only ingest's old placeholder stands. */
export function summaryIsGenerated(story: StoryFile): boolean {
  // A story followed from a minimal story.json has no summary yet: one is generated until a person writes one.
  return story.summaryBy === "generated" || story.summary === undefined || /^Created by ingest\b/.test(story.summary);
}

function namesOf(story: StoryFile, articles: readonly ArticleFile[]): Names {
  const people = new Map<string, Person>([...articles.flatMap((a) => a.people), ...story.people].map((p) => [p.id, p]));
  return {
    topic: (id) => story.topics.find((t) => t.id === id)?.name ?? id.replace(/-/g, " "),
    party: (id) => story.parties.find((p) => p.id === id)?.name ?? id.replace(/-/g, " "),
    person: (id) => people.get(id)?.name,
  };
}

function termsSentence(conditions: readonly ConditionFile[], names: Names): string | undefined {
  if (conditions.length === 0) return undefined;
  const byHolder = new Map<string, ConditionFile[]>();
  for (const c of conditions) {
    const key = `${c.party}|${c.holder ?? ""}`;
    byHolder.set(key, [...(byHolder.get(key) ?? []), c]);
  }
  const clauses = [...byHolder.values()].slice(0, 2).map((list) => {
    const first = [...list].sort((a, b) => rank(b.firmness) - rank(a.firmness))[0]!;
    const holder = first.holder ? names.person(first.holder) : undefined;
    const who = holder ? `${holder} (${names.party(first.party)})` : names.party(first.party);
    const more = list.length - 1;
    return `${who} set ${more > 0 ? `${list.length} conditions, firmest` : "a condition"}: ${clip(first.text)}`;
  });
  return `${capitalise(clauses.join("; "))}.`;
}

function latestPerTopic<T extends Pick<StatusItemFile, "topic" | "state">>(items: readonly T[]): T[] {
  const last = new Map<string, T>();
  for (const item of items) {
    last.delete(item.topic);
    last.set(item.topic, item);
  }
  return [...last.values()];
}

function theName(name: string): string {
  return /^\p{Lu}\p{Ll}+\s/u.test(name) && !/[–-]/.test(name.split(" ")[0]!) && /^(?:Ceasefire|Call|Summit|Meeting|Prisoner|Humanitarian|Monitoring|Withdrawal|Sanctions|Referendum|Vote|Report|Deal|Agreement|Talks|Corridor)\b/.test(name)
    ? `the ${name.charAt(0).toLowerCase()}${name.slice(1)}`
    : /^(?:Ceasefire|Call|Summit|Meeting|Talks|Corridor|Report|Vote|Referendum|Withdrawal|Sanctions|Deal|Agreement)$/.test(name)
      ? `the ${name.toLowerCase()}`
      : `the ${name}`;
}

function joinAnd(parts: string[]): string {
  if (parts.length <= 1) return parts.join("");
  return `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function clip(text: string): string {
  const words = text.split(/\s+/);
  return words.length <= 18 ? text : `${words.slice(0, 18).join(" ")}…`;
}

function rank(f: Firmness): number {
  return f === "non-negotiable" ? 2 : f === "firm" ? 1 : 0;
}
