import type { ArticleFile, Party, Person, StoryFile, Topic } from "../schema.js";
import type { ExtractedArticle } from "../extract/extract-article.js";
import { type Named, matchNamed } from "./match-names.js";
import { topicKey } from "./topic-key.js";

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
export function mergeIntoStory(story: StoryFile, extracted: ExtractedArticle): MergeResult {
  const next: StoryFile = structuredClone(story);
  const added: MergeResult["added"] = { people: [], parties: [], topics: [] };

  const partyIds = new Map<string, string>();
  for (const party of extracted.parties) {
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
    const known = matchTopic(next.topics, topic);
    topicIds.set(topic.id, known ? known.id : addEntry(next.topics, { ...topic, aliases: [] }, added.topics));
  }

  const source = extracted.article;
  const article: ArticleFile = {
    ...source,
    people: [...new Set(source.people.map((p) => personIds.get(p.id)!))].map((id) => {
      const person = next.people.find((p) => p.id === id)!;
      return { id, name: person.name, aliases: [], ...(person.role ? { role: person.role } : {}) };
    }),
    quotes: source.quotes.map((q) => ({ ...q, speaker: personIds.get(q.speaker) ?? q.speaker })),
    conditions: source.conditions.map((c) => ({
      ...c,
      party: partyIds.get(c.party) ?? c.party,
      ...(c.holder ? { holder: personIds.get(c.holder) ?? c.holder } : {}),
    })),
    status: source.status.map((s) => ({ ...s, topic: topicIds.get(s.topic) ?? s.topic })),
  };
  return { story: next, article, added };
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

function joinAliases(known: Person | Party | Topic, mention: Named): void {
  for (const form of [mention.name, ...mention.aliases]) {
    if (form !== known.name && !known.aliases.includes(form)) known.aliases.push(form);
  }
}
