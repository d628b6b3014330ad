import { addArticle, byArticle, type ConditionWordings, danglingReferences, mergePerson, restated, restates } from "./build-catalog.js";
import type { DataProblem } from "./errors.js";
import type { ArticleFile, Person } from "./schema.js";
import { runSteps, type Steps } from "./steps.js";
import type { ArticleRef, Condition, Quote, Story } from "./story.js";

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

/** Items walked between two steps: a few milliseconds of copying at a million quotes. */
const CHUNK = 16_384;

/** updateStory all at once. */
export function updateStory(story: Story, changes: ArticleChanges): StoryUpdate {
  return runSteps(updateStorySteps(story, changes));
}

/**
 * A new version of a story with some articles added, replaced or removed, built from the
 * previous one without touching the rest: the cost follows what changed, not the story's
 * size (beyond one walk over the lists that changed, in steps, so a large story's reload
 * never holds the event loop for long). The result matches what buildCatalog gives for the
 * same files, with a few differences a full load settles: people first named by a removed
 * article stay listed; references are checked against every article's people, not only
 * earlier ones; and a restated condition whose latest statement is removed goes with it,
 * rather than falling back to its earlier statement, which is no longer at hand. An article that fails its checks keeps its previous version, if it had one.
 */
export function* updateStorySteps(story: Story, changes: ArticleChanges): Steps<StoryUpdate> {
  const problems: DataProblem[] = [];
  const people = new Map<string, Person>(story.people.map((p) => [p.id, p]));
  const parties = new Map(story.parties.map((p) => [p.id, p]));
  const topics = new Map(story.topics.map((t) => [t.id, t]));
  const changing = new Set([...changes.removed, ...changes.added.map((a) => a.file)]);
  const newIds = new Set(changes.added.map((a) => a.data.id));
  // One walk over the articles, keeping only what the changes need: the versions they replace,
  // and which unchanged file holds each id an added article claims.
  const previous = new Map<string, ArticleRef>();
  const ids = new Map<string, string>();
  for (let i = 0; i < story.articles.length; i++) {
    const article = story.articles[i]!;
    if (changing.has(article.file)) previous.set(article.file, article);
    else if (newIds.has(article.id)) ids.set(article.id, article.file);
    if (i % CHUNK === CHUNK - 1) yield;
  }

  const fresh: Story = { ...story, articles: [], quotes: [], conditions: [], status: [] };
  const replaced = new Set(changes.removed);
  const wordings: ConditionWordings = new Map();
  const ordered = [...changes.added].sort((a, b) => byArticle(a.data, a.file, b.data, b.file));
  for (const { file, data } of ordered) {
    const refuse = (list: Omit<DataProblem, "file">[]) => {
      const old = previous.get(file);
      const kept = old ? " (still serving the last good version)" : "";
      problems.push(...list.map((p) => ({ ...p, file, message: `${p.message}${kept}` })));
      // Its previous version stays, so its id is taken again.
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
    addArticle(fresh, file, data, people, parties, topics, wordings);
    replaced.add(file);
  }

  const gone = new Set([...replaced].flatMap((file) => previous.get(file) ?? []));
  const removedQuotes: Quote[] = [];
  const quotes = yield* spliceInOrder(story.quotes, gone, fresh.quotes, (q) => q.article, { dropped: (q) => removedQuotes.push(q) });
  const conditions = yield* mergeRestated(story.conditions, fresh.conditions, gone);
  // A condition sits where it was first stated, whatever article restated it last.
  const firstStated = new Map<string, ArticleRef>();
  if (conditions.added.length > 0) for (const article of [...story.articles, ...fresh.articles]) firstStated.set(article.id, article);
  const statedIn = (c: Condition) => firstStated.get(c.id.slice(0, c.id.lastIndexOf("#c"))) ?? c.article;
  const next: Story = {
    ...story,
    people: [...people.values()],
    articles: yield* spliceInOrder(story.articles, gone, fresh.articles, (a) => a),
    quotes,
    conditions: yield* spliceInOrder(conditions.kept, gone, conditions.added, (c) => c.article, { placeBy: statedIn }),
    status: yield* spliceInOrder(story.status, gone, fresh.status, (s) => s.article),
  };
  return { story: next, problems, addedQuotes: fresh.quotes, removedQuotes };
}

/** Story order of articles, as buildCatalog sorts them: by date, then by file. */

/**
 * `kept` without the items of `gone` articles, with `added` slotted in, each in article
 * order; `kept` itself when neither changes it, so that later versions share it. Each
 * added item's place is found by binary search; the rest is one walk, a chunk per step.
 */
function* spliceInOrder<T>(
  kept: T[],
  gone: ReadonlySet<ArticleRef>,
  added: readonly T[],
  articleOf: (item: T) => ArticleRef,
  { dropped, placeBy = articleOf }: { dropped?: (item: T) => void; placeBy?: (item: T) => ArticleRef } = {},
): Steps<T[]> {
  const filtering = gone.size > 0;
  if (added.length === 0 && !filtering) return kept;
  const place = (item: T, from: number) => {
    const article = placeBy(item);
    let low = from;
    let high = kept.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const other = placeBy(kept[mid]!);
      if (byArticle(other, other.file, article, article.file) <= 0) low = mid + 1;
      else high = mid;
    }
    return low;
  };
  const list: T[] = [];
  let droppedAny = false;
  let next = 0;
  let at = added.length > 0 ? place(added[0]!, 0) : Infinity;
  for (let i = 0; i <= kept.length; i++) {
    while (at === i) {
      list.push(added[next++]!);
      at = next < added.length ? place(added[next]!, i) : Infinity;
    }
    if (i === kept.length) break;
    const item = kept[i]!;
    if (filtering && gone.has(articleOf(item))) {
      droppedAny = true;
      dropped?.(item);
    } else list.push(item);
    if (i % CHUNK === CHUNK - 1) yield;
  }
  return added.length === 0 && !droppedAny ? kept : list;
}

/**
 * A condition restated in the same words is one condition, as buildCatalog makes it (see
 * addArticle): a new statement of a kept condition updates it in place with the later
 * statement's date, firmness and article, and is not added again. Only the conditions that
 * restate nothing are left to add.
 */
function* mergeRestated(kept: Condition[], fresh: readonly Condition[], gone: ReadonlySet<ArticleRef>): Steps<{ kept: Condition[]; added: Condition[] }> {
  if (fresh.length === 0) return { kept, added: [] };
  let list = kept;
  const added: Condition[] = [];
  for (const condition of fresh) {
    let at = -1;
    for (let i = 0; i < list.length && at < 0; i++) {
      if (restates(condition, list[i]!) && !gone.has(list[i]!.article)) at = i;
      if (i % CHUNK === CHUNK - 1) yield;
    }
    if (at < 0) {
      added.push(condition);
      continue;
    }
    if (list === kept) list = kept.slice();
    // Stated again in an article older than its latest statement: that later statement still stands.
    list[at] = restated(list[at]!, condition);
  }
  return { kept: list, added };
}
