import { foldText } from "../fold-text.js";
import type { Party, Person } from "../schema.js";
import type { Condition, Quote, Story, TopicTimeline } from "../story.js";
import { topicTimelines } from "../story.js";
import { indexStory } from "../story-index.js";

/** Everything the story holds about one person: found by the same name-aware search as /quote's speaker. */
export interface Profile {
  person: Person;
  party?: Party;
  quoteCount: number;
  lastQuoted?: string;
  /** Newest first. */
  latestQuotes: readonly Quote[];
  conditions: Condition[];
  /** Threads they speak in or are named in, most recently changed first. */
  threads: TopicTimeline[];
}

export type WhoResult = { found: Profile; others: Person[] } | { found?: undefined; suggestions: string[] };

const LATEST = 3;

export function findPerson(story: Story, name: string): WhoResult {
  const index = indexStory(story);
  const people = index.people.find(name);
  if (people.length === 0) return { suggestions: index.people.suggest(name) };
  const person = people[0]!;
  const quotes = index.quotes.find({ speakerIds: new Set([person.id]), limit: LATEST });
  // Named by full name, an alias or surname, as whole words ("Putin" is not in "Putinism").
  const names = [person.name, ...person.aliases, person.name.split(/\s+/).at(-1) ?? ""].map(foldText).filter((n) => n.length >= 3);
  const pattern = new RegExp(`(?:^|[^\\p{L}])(?:${names.map(escapeRegExp).join("|")})(?:$|[^\\p{L}])`, "u");
  const threads = names.length === 0 ? [] : topicTimelines(story).filter((t) => t.items.some((item) => pattern.test(foldText(item.detail))));
  const party = person.party ? story.parties.find((p) => p.id === person.party) : undefined;
  return {
    found: {
      person,
      ...(party ? { party } : {}),
      quoteCount: quotes.total,
      ...(quotes.quotes[0] ? { lastQuoted: quotes.quotes[0].date } : {}),
      latestQuotes: quotes.quotes,
      conditions: story.conditions.filter((c) => c.holder?.id === person.id),
      threads,
    },
    others: people.slice(1),
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
