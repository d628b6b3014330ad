import { access, readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { type ExtractedArticle } from "../core/extract/extract-article.js";
import { UserError, formatProblem, jsonPath } from "../core/errors.js";
import { formatStory } from "../core/ingest/format-story.js";
import { mergeIntoStory } from "../core/ingest/merge-into-story.js";
import { type ArticleFile, type StoryFile, articleSchema, storySchema } from "../core/schema.js";
import { storyDirOf } from "./story-paths.js";
import { writeFileAtomic } from "./write-atomic.js";

export interface IngestOptions {
  /**
   * What to do when the article's id (date + title) already names a different article:
   * "refuse" (the CLI, unless told to replace), "replace", or "new-id" (the follower,
   * whose source URLs tell two articles apart): the next free `-2`, `-3`… id.
   */
  onCollision: "refuse" | "replace" | "new-id";
}

export interface IngestResult {
  articleId: string;
  /** "unchanged": the same article was already filed, byte for byte. */
  status: "new" | "updated" | "unchanged";
  added: { people: string[]; parties: string[]; topics: string[] };
  story: StoryFile;
}

/**
 * The one write path into DATA_DIR, for `npm run ingest` and the follower: fits an extracted
 * article into story.json with mergeIntoStory and files both atomically, inside the story's
 * folder and nowhere else. A story without story.json starts from its id.
 */
export async function ingestIntoStory(dataDir: string, storyId: string, extracted: ExtractedArticle, options: IngestOptions): Promise<IngestResult> {
  const dir = storyDirOf(dataDir, storyId);
  const storyPath = path.join(dir, "story.json");
  const original = (await readStoryFile(storyPath)) ?? newStory(storyId);
  const merged = mergeIntoStory(original, extracted, { articles: await readStoryArticles(path.join(dir, "articles")) });
  const jsonFor = (id: string) => `${JSON.stringify({ ...merged.article, id }, null, 2)}\n`;

  let articleId = merged.article.id;
  let status: IngestResult["status"] = "new";
  for (let n = 2; ; n++) {
    const before = await readFile(path.join(dir, "articles", `${articleId}.json`), "utf8").catch(() => undefined);
    if (before === undefined) break;
    if (before === jsonFor(articleId)) {
      status = "unchanged";
      break;
    }
    if (options.onCollision === "replace" || sameSource(before, merged.article)) {
      status = "updated";
      break;
    }
    if (options.onCollision === "refuse") {
      throw new UserError(
        `${path.join(dir, "articles", `${articleId}.json`)} already holds a different article with the same date and title; ` +
          "nothing was written. Give the new text a different title line, or pass --replace to overwrite the old one.",
      );
    }
    articleId = `${merged.article.id}-${n}`;
  }
  if (status !== "unchanged") await writeFileAtomic(path.join(dir, "articles", `${articleId}.json`), jsonFor(articleId));
  // Rewrite story.json only when ingesting changed it, so a re-ingest leaves the file as it was.
  if (JSON.stringify(merged.story) !== JSON.stringify(original) || !(await exists(storyPath))) {
    await writeFileAtomic(storyPath, formatStory(merged.story));
  }
  return { articleId, status, added: merged.added, story: merged.story };
}

/** A story that does not exist yet: its summary is generated from its threads until a person writes one. */
function newStory(storyId: string): StoryFile {
  const title = storyId.replace(/-/g, " ").replace(/^\p{Ll}/u, (c) => c.toUpperCase());
  return { id: storyId, title, summaryBy: "generated", parties: [], people: [], topics: [] };
}

/** The story's filed articles that parse; a broken one is skipped here and named by the catalog load. */
export async function readStoryArticles(dir: string): Promise<ArticleFile[]> {
  const articles: ArticleFile[] = [];
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names.filter((n) => n.endsWith(".json")).sort()) {
    const text = await readFile(path.join(dir, name), "utf8").catch(() => undefined);
    if (text === undefined) continue;
    try {
      const parsed = articleSchema.safeParse(JSON.parse(text));
      if (parsed.success) articles.push(parsed.data);
    } catch {
      // Not JSON: the catalog load names the file.
    }
  }
  return articles;
}

/** story.json, validated; undefined when there is none yet. A broken one is named down to the field. */
export async function readStoryFile(storyPath: string): Promise<StoryFile | undefined> {
  const text = await readFile(storyPath, "utf8").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return undefined;
    throw new UserError(`cannot read ${storyPath}: ${error.code ?? error.message}`);
  });
  if (text === undefined) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UserError(formatProblem({ file: storyPath, path: "", message: `not valid JSON (${(error as Error).message})` }));
  }
  const result = storySchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new UserError(`${formatProblem({ file: storyPath, path: jsonPath(issue.path), message: issue.message })}; fix it before ingesting`);
  }
  return result.data;
}

/** Two articles with one id are the same article when both name the same page. */
function sameSource(before: string, article: ArticleFile): boolean {
  if (!article.source.url) return false;
  try {
    const old = articleSchema.safeParse(JSON.parse(before));
    return old.success && old.data.source.url === article.source.url;
  } catch {
    return false;
  }
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}
