import { parseFile } from "../core/build-catalog.js";
import type { DataProblem } from "../core/errors.js";
import { type ArticleFile, articleSchema } from "../core/schema.js";
import { updateStoryIndexSteps } from "../core/story-index.js";
import type { Story } from "../core/story.js";
import { updateStorySteps } from "../core/update-story.js";
import type { Logger } from "../logger.js";
import type { DataFileEntry } from "./data-files.js";
import type { FileChanges } from "./file-changes.js";
import { prepareIndexes } from "./prepare-indexes.js";
import { displayPath, readEntries } from "./read-data-files.js";
import { runPaced } from "./run-paced.js";

export interface AppliedChanges {
  stories: Story[];
  /** Problems of the files read (each names the file and the field). */
  problems: DataProblem[];
  /** Every file read or gone: their earlier problems no longer stand. */
  touched: Set<string>;
}

/**
 * The stories with their new, changed and removed article files applied: only those files
 * are read, and only their quotes indexed (see updateStorySteps and updateStoryIndexSteps),
 * in slices, so answers to other users keep flowing while a large story takes its new
 * articles. Every story folder in `articles` must be one of `stories`.
 */
export async function applyArticleChanges(stories: readonly Story[], articles: FileChanges["articles"], log: Logger): Promise<AppliedChanges> {
  const next = [...stories];
  const touched = new Set<string>();
  const problems: DataProblem[] = [];
  for (const [dir, { changed, removed }] of articles) {
    const at = next.findIndex((s) => s.id === dir);
    const story = next[at]!;
    const read = await readArticles(changed, (file) => story.articles.some((a) => a.file === file));
    for (const file of read.files) touched.add(file);
    problems.push(...read.problems);
    const gone = new Set(removed.map(displayPath));
    for (const file of gone) touched.add(file);
    const result = await runPaced(updateStorySteps(story, { removed: gone, added: read.added }));
    problems.push(...result.problems);
    const change = { added: result.addedQuotes, removed: result.removedQuotes };
    if (!(await runPaced(updateStoryIndexSteps(story, result.story, change)))) await prepareIndexes({ stories: [result.story] }, log);
    next[at] = result.story;
  }
  return { stories: next, problems, touched };
}

/** Reads and validates changed article files; a bad file that was served says the last good version stays. */
async function readArticles(changed: readonly DataFileEntry[], served: (file: string) => boolean) {
  const added: { file: string; data: ArticleFile }[] = [];
  const problems: DataProblem[] = [];
  const files: string[] = [];
  for (const file of await readEntries(changed)) {
    files.push(file.file);
    const parsed = parseFile(file, articleSchema);
    if (parsed.ok) added.push({ file: file.file, data: parsed.value });
    else problems.push(...parsed.problems.map((p) => (served(file.file) ? { ...p, message: `${p.message} (still serving the last good version)` } : p)));
  }
  return { added, files, problems };
}
