import type { Firmness, Party, Person, State, Topic } from "./schema.js";

/** The loaded, cross-linked form of the story data that search and commands read. */

export interface ArticleRef {
  id: string;
  storyId: string;
  title: string;
  date: string;
  dateline?: string;
  source: { name: string; url?: string };
  summary: string;
  file: string;
}

export interface Quote {
  id: string;
  speaker: Person;
  text: string;
  kind: "direct" | "reported";
  context?: string;
  date: string;
  article: ArticleRef;
}

export interface Condition {
  id: string;
  party: Party;
  holder?: Person;
  text: string;
  firmness: Firmness;
  date: string;
  article: ArticleRef;
}

export interface StatusItem {
  id: string;
  topic: Topic;
  state: State;
  detail: string;
  date: string;
  article: ArticleRef;
}

export interface Story {
  id: string;
  title: string;
  summary: string;
  parties: Party[];
  people: Person[];
  topics: Topic[];
  /** Oldest first; items inside follow article order, then their order in the file. */
  articles: ArticleRef[];
  quotes: Quote[];
  conditions: Condition[];
  status: StatusItem[];
}

export interface Catalog {
  stories: Story[];
}

/** A topic's items, oldest first; the last one is its current state. */
export interface TopicTimeline {
  topic: Topic;
  items: StatusItem[];
  current: StatusItem;
}

export function topicTimelines(story: Story): TopicTimeline[] {
  const byTopic = new Map<string, StatusItem[]>();
  for (const item of story.status) {
    const list = byTopic.get(item.topic.id) ?? [];
    list.push(item);
    byTopic.set(item.topic.id, list);
  }
  const timelines = [...byTopic.values()].map((items) => {
    // A stable sort keeps same-day items in the order the articles told them.
    const sorted = [...items].sort((a, b) => a.date.localeCompare(b.date));
    return { topic: sorted[0]!.topic, items: sorted, current: sorted[sorted.length - 1]! };
  });
  return timelines.sort((a, b) => b.current.date.localeCompare(a.current.date));
}

export function personLabel(person: Person): string {
  return person.role ? `${person.name} (${person.role})` : person.name;
}
