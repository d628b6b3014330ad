import type { z } from "zod";
import { type DataProblem, jsonPath } from "./errors.js";
import { type ArticleFile, type Person, type StoryFile, articleSchema, storySchema } from "./schema.js";
import { runSteps, type Steps } from "./steps.js";
import type { ArticleRef, Catalog, Condition, Quote, StatusItem, Story } from "./story.js";

/** One JSON file of the data directory, as read from disk. */
export interface DataFile {
  /** Path as shown to people, e.g. `data/stories/ukraine/articles/2025-02-09-call.json`. */
  file: string;
  /** The story folder the file sits in. */
  storyDir: string;
  kind: "story" | "article";
  text: string;
  /** Set when the file could not be read (a folder, too large, a dangling link...): why, to report instead of parsing. */
  unreadable?: string;
}

/** Files parsed or added between two steps: a few milliseconds' work. */
const FILES_PER_STEP = 200;

/** Parsed files that passed validation, kept so a later broken edit can fall back to them. */
export type GoodFiles = ReadonlyMap<string, StoryFile | ArticleFile>;

export interface BuildResult {
  catalog: Catalog;
  problems: DataProblem[];
  good: GoodFiles;
}

/**
 * Builds the catalog from raw files. Pure: every problem is returned, never thrown,
 * so one bad file costs only itself; with `lastGood`, a file that broke since the
 * previous build is served in its last valid form.
 */
export function buildCatalog(files: readonly DataFile[], lastGood: GoodFiles = new Map()): BuildResult {
  return runSteps(buildCatalogSteps(files, lastGood));
}

/** buildCatalog a few hundred files at a time, so a full reload of a large story leaves room for answers. */
export function* buildCatalogSteps(files: readonly DataFile[], lastGood: GoodFiles = new Map()): Steps<BuildResult> {
  const problems: DataProblem[] = [];
  const good = new Map<string, StoryFile | ArticleFile>();

  const parse = <T>(file: DataFile, schema: z.ZodType<T>): T | undefined => {
    const fresh = parseFile(file, schema);
    if (fresh.ok) {
      good.set(file.file, fresh.value as StoryFile | ArticleFile);
      return fresh.value;
    }
    const previous = lastGood.get(file.file);
    const fallback = previous === undefined ? undefined : schema.safeParse(previous);
    for (const problem of fresh.problems) {
      problems.push(fallback?.success ? { ...problem, message: `${problem.message} (still serving the last good version)` } : problem);
    }
    if (fallback?.success) {
      good.set(file.file, fallback.data as StoryFile | ArticleFile);
      return fallback.data;
    }
    return undefined;
  };

  const byDir = new Map<string, { story?: DataFile; articles: DataFile[] }>();
  for (const file of files) {
    const group = byDir.get(file.storyDir) ?? { articles: [] };
    if (file.kind === "story") group.story = file;
    else group.articles.push(file);
    byDir.set(file.storyDir, group);
  }

  const stories: Story[] = [];
  for (const [dir, group] of [...byDir].sort(([a], [b]) => a.localeCompare(b))) {
    if (!group.story) {
      for (const article of group.articles) {
        problems.push({ file: article.file, path: "", message: `skipped: its story folder "${dir}" has no story.json` });
      }
      continue;
    }
    const storyFile = parse(group.story, storySchema);
    if (!storyFile) {
      for (const article of group.articles) {
        problems.push({ file: article.file, path: "", message: "skipped: its story.json is invalid" });
      }
      continue;
    }
    if (storyFile.id !== dir) {
      problems.push({ file: group.story.file, path: "id", message: `expected "${dir}", the name of its folder` });
      continue;
    }
    const articles: { file: DataFile; data: ArticleFile }[] = [];
    for (const [i, file] of [...group.articles].sort((a, b) => a.file.localeCompare(b.file)).entries()) {
      const data = parse(file, articleSchema);
      if (data) articles.push({ file, data });
      if (i % FILES_PER_STEP === FILES_PER_STEP - 1) yield;
    }
    stories.push(yield* assembleStory(storyFile, articles, problems));
  }
  return { catalog: { stories }, problems, good };
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: DataProblem[] };

export function parseFile<T>(file: DataFile, schema: z.ZodType<T>): Parsed<T> {
  if (file.unreadable !== undefined) return { ok: false, problems: [{ file: file.file, path: "", message: file.unreadable }] };
  let json: unknown;
  try {
    json = JSON.parse(file.text);
  } catch (error) {
    return { ok: false, problems: [{ file: file.file, path: "", message: `not valid JSON: ${withoutExcerpt((error as Error).message)}` }] };
  }
  const result = schema.safeParse(json);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => ({ file: file.file, path: jsonPath(issue.path), message: issue.message })),
  };
}

/** V8 quotes the start of the text it could not parse; a file's content never goes into a problem report or a log. */
function withoutExcerpt(message: string): string {
  return message.replace(/, ".*" is not valid JSON$/s, "").replace(/^(Unexpected token) '.*?'/s, "$1");
}

function* assembleStory(storyFile: StoryFile, articles: { file: DataFile; data: ArticleFile }[], problems: DataProblem[]): Steps<Story> {
  const people = new Map<string, Person>(storyFile.people.map((p) => [p.id, p]));
  const parties = new Map(storyFile.parties.map((p) => [p.id, p]));
  const topics = new Map(storyFile.topics.map((t) => [t.id, t]));
  const story: Story = {
    id: storyFile.id,
    title: storyFile.title,
    // A story followed from its sources may have no summary yet: its title stands in.
    summary: storyFile.summary ?? storyFile.title,
    parties: storyFile.parties,
    people: [],
    topics: storyFile.topics,
    articles: [],
    quotes: [],
    conditions: [],
    status: [],
  };
  const seenIds = new Map<string, string>();
  const wordings: ConditionWordings = new Map();
  // Oldest first, so the items of later articles come later in every list.
  const ordered = [...articles].sort((a, b) => byArticle(a.data, a.file.file, b.data, b.file.file));
  for (const [i, { file, data }] of ordered.entries()) {
    if (i % FILES_PER_STEP === FILES_PER_STEP - 1) yield;
    const earlier = seenIds.get(data.id);
    if (earlier) {
      problems.push({ file: file.file, path: "id", message: `duplicate article id "${data.id}", already used by ${earlier}` });
      continue;
    }
    // The article's own people first, then the story's: no copy of the story's list per article.
    const own = new Map(data.people.map((p) => [p.id, p]));
    const known = { has: (id: string) => own.has(id) || people.has(id) };
    const broken = danglingReferences(data, known, parties, topics);
    if (broken.length > 0) {
      problems.push(...broken.map((p) => ({ ...p, file: file.file })));
      continue;
    }
    seenIds.set(data.id, file.file);
    for (const person of data.people) mergePerson(people, person);
    addArticle(story, file.file, data, people, parties, topics, wordings);
  }
  story.people = [...people.values()];
  return story;
}

interface IdSet {
  has(id: string): boolean;
}

export function danglingReferences(article: ArticleFile, people: IdSet, parties: IdSet, topics: IdSet): Omit<DataProblem, "file">[] {
  const problems: Omit<DataProblem, "file">[] = [];
  const check = (known: IdSet, value: string, path: string, expected: string) => {
    if (!known.has(value)) problems.push({ path, message: `unknown id "${value}": expected ${expected}` });
  };
  const person = "a person id from story.json or this article's people";
  article.quotes.forEach((q, i) => check(people, q.speaker, `quotes[${i}].speaker`, person));
  article.conditions.forEach((c, i) => {
    check(parties, c.party, `conditions[${i}].party`, "a party id from story.json");
    if (c.holder) check(people, c.holder, `conditions[${i}].holder`, person);
  });
  article.status.forEach((s, i) => check(topics, s.topic, `status[${i}].topic`, "a topic id from story.json"));
  return problems;
}

/** story.json is the reference for a person; an article adds aliases and fills gaps. */
export function mergePerson(people: Map<string, Person>, mention: Person): void {
  const known = people.get(mention.id);
  if (!known) {
    people.set(mention.id, mention);
    return;
  }
  const aliases = new Set([...known.aliases, ...mention.aliases]);
  aliases.delete(known.name);
  if (mention.name !== known.name) aliases.add(mention.name);
  people.set(mention.id, { ...known, role: known.role ?? mention.role, party: known.party ?? mention.party, aliases: [...aliases] });
}

/** Story order of articles: by date, then by file. */
export function byArticle(a: { date: string }, aFile: string, b: { date: string }, bFile: string): number {
  return a.date.localeCompare(b.date) || aFile.localeCompare(bFile);
}

/** `condition` states `earlier` again: the same party and words, in another article, by the same holder or one left unnamed. */
export function restates(condition: Condition, earlier: Condition): boolean {
  return (
    earlier.party.id === condition.party.id &&
    (!earlier.holder || !condition.holder || earlier.holder.id === condition.holder.id) &&
    earlier.article.id !== condition.article.id &&
    earlier.text === condition.text
  );
}

/** A condition and a restatement of it as one: the later statement's firmness, date and article, and a holder if either names one. */
export function restated(earlier: Condition, statement: Condition): Condition {
  const later = byArticle(statement.article, statement.article.file, earlier.article, earlier.article.file) >= 0 ? statement : earlier;
  const holder = earlier.holder ?? statement.holder;
  return { ...earlier, firmness: later.firmness, date: later.date, article: later.article, ...(holder ? { holder } : {}) };
}

/**
 * A story's conditions by party and wording (as positions in its list), kept beside it while
 * articles are added: a restatement is then found without reading every condition, which at
 * fifty thousand conditions took a minute and a half.
 */
export type ConditionWordings = Map<string, number[]>;

export function addArticle(
  story: Story,
  file: string,
  data: ArticleFile,
  people: ReadonlyMap<string, Person>,
  parties: ReadonlyMap<string, StoryFile["parties"][number]>,
  topics: ReadonlyMap<string, StoryFile["topics"][number]>,
  wordings: ConditionWordings,
): void {
  const article: ArticleRef = {
    id: data.id,
    storyId: story.id,
    title: data.title,
    date: data.date,
    ...(data.dateline ? { dateline: data.dateline } : {}),
    source: data.source,
    summary: data.summary,
    file,
  };
  story.articles.push(article);
  data.quotes.forEach((q, i) => {
    const quote: Quote = { id: `${data.id}#q${i}`, speaker: people.get(q.speaker)!, text: q.text, kind: q.kind, date: q.date ?? data.date, article };
    if (q.context) quote.context = q.context;
    story.quotes.push(quote);
  });
  data.conditions.forEach((c, i) => {
    const condition: Condition = { id: `${data.id}#c${i}`, party: parties.get(c.party)!, text: c.text, firmness: c.firmness, date: c.date ?? data.date, article };
    if (c.holder) condition.holder = people.get(c.holder)!;
    // A condition restated later in the same words (ingest gives a restatement the earlier wording)
    // is one condition, with the date and firmness of its latest statement.
    const key = `${c.party}\u0000${c.text}`;
    const sameWords = wordings.get(key);
    const stated = sameWords?.find((i) => restates(condition, story.conditions[i]!)) ?? -1;
    if (stated >= 0) story.conditions[stated] = restated(story.conditions[stated]!, condition);
    else {
      if (sameWords) sameWords.push(story.conditions.length);
      else wordings.set(key, [story.conditions.length]);
      story.conditions.push(condition);
    }
  });
  data.status.forEach((s, i) => {
    const item: StatusItem = { id: `${data.id}#s${i}`, topic: topics.get(s.topic)!, state: s.state, detail: s.detail, date: s.date, article };
    story.status.push(item);
  });
}
