import { addArticle, danglingReferences, mergePerson } from "./build-catalog.js";
import type { DataProblem } from "./errors.js";
import { insertAll } from "./search/newest-first.js";
import type { ArticleFile, Person } from "./schema.js";
import type { ArticleRef, Quote, Story } from "./story.js";

/** What changed among one story's article files since its catalog was built. */
export interface ArticleChanges {
  /** Files that are gone. */
  removed: ReadonlySet<string>;
  /** New and changed files that parsed and validated. */
  added: readonly { file: string; data: ArticleFile }[];
}

export interface StoryUpdate {
  story: Story;
  problems: DataProblem[];
  /** Quotes that entered and left the story, for its index. */
  addedQuotes: Quote[];
  removedQuotes: Quote[];
}

/**
 * A new version of a story with some articles added, replaced or removed, built from the
 * previous one without touching the rest: the cost follows what changed, not the story's
 * size (beyond copying its lists). The result matches what buildCatalog gives for the same
 * files, with two differences a full load settles: people first named by a removed article
 * stay listed, and references are checked against every article's people, not only earlier ones.
 * An article that fails its checks keeps its previous version, if it had one.
 */
export function updateStory(story: Story, changes: ArticleChanges): StoryUpdate {
  const problems: DataProblem[] = [];
  const people = new Map<string, Person>(story.people.map((p) => [p.id, p]));
  const parties = new Map(story.parties.map((p) => [p.id, p]));
  const topics = new Map(story.topics.map((t) => [t.id, t]));
  const changing = new Set([...changes.removed, ...changes.added.map((a) => a.file)]);
  const previous = new Set(story.articles.map((a) => a.file));
  const ids = new Map<string, string>();
  for (const article of story.articles) if (!changing.has(article.file)) ids.set(article.id, article.file);

  const fresh: Story = { ...story, articles: [], quotes: [], conditions: [], status: [] };
  const replaced = new Set(changes.removed);
  const ordered = [...changes.added].sort((a, b) => byArticle(a.data, a.file, b.data, b.file));
  for (const { file, data } of ordered) {
    const refuse = (list: Omit<DataProblem, "file">[]) => {
      const kept = previous.has(file) ? " (still serving the last good version)" : "";
      problems.push(...list.map((p) => ({ ...p, file, message: `${p.message}${kept}` })));
      // Its previous version stays, so its id is taken again.
      const old = story.articles.find((a) => a.file === file);
      if (old) ids.set(old.id, file);
    };
    const earlier = ids.get(data.id);
    if (earlier) {
      refuse([{ path: "id", message: `duplicate article id "${data.id}", already used by ${earlier}` }]);
      continue;
    }
    const own = new Map(data.people.map((p) => [p.id, p]));
    const broken = danglingReferences(data, { has: (id) => own.has(id) || people.has(id) }, parties, topics);
    if (broken.length > 0) {
      refuse(broken);
      continue;
    }
    ids.set(data.id, file);
    for (const person of data.people) mergePerson(people, person);
    addArticle(fresh, file, data, people, parties, topics);
    replaced.add(file);
  }

  const goneRefs = new Set(story.articles.filter((a) => replaced.has(a.file)));
  const removedQuotes = goneRefs.size === 0 ? [] : story.quotes.filter((q) => goneRefs.has(q.article));
  const keep = <T extends { article: ArticleRef }>(list: readonly T[]) => (goneRefs.size === 0 ? list : list.filter((item) => !goneRefs.has(item.article)));
  const next: Story = {
    ...story,
    people: [...people.values()],
    articles: insertInOrder(
      story.articles.filter((a) => !goneRefs.has(a)),
      fresh.articles,
      (a) => a,
    ),
    quotes: insertInOrder(keep(story.quotes), fresh.quotes, (q) => q.article),
    conditions: insertInOrder(keep(story.conditions), fresh.conditions, (c) => c.article),
    status: insertInOrder(keep(story.status), fresh.status, (s) => s.article),
  };
  return { story: next, problems, addedQuotes: fresh.quotes, removedQuotes };
}

/** Story order of articles, as buildCatalog sorts them: by date, then by file. */
function byArticle(a: { date: string }, aFile: string, b: { date: string }, bFile: string): number {
  return a.date.localeCompare(b.date) || aFile.localeCompare(bFile);
}

/** `kept` and `added`, each in article order, as one list in article order: binary search per added item, one copy of the rest. */
function insertInOrder<T>(kept: readonly T[], added: readonly T[], articleOf: (item: T) => ArticleRef): T[] {
  return insertAll(kept, added, (list, item, from) => {
    const article = articleOf(item);
    let low = from;
    let high = list.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const other = articleOf(list[mid]!);
      if (byArticle(other, other.file, article, article.file) <= 0) low = mid + 1;
      else high = mid;
    }
    return low;
  });
}
