import { readFile, readdir, stat } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { parseDate } from "../core/extract/article-header.js";
import { formatProblem } from "../core/errors.js";
import { parseGold } from "../core/eval/gold-schema.js";
import { addScores, formatErrors, formatScoreLines } from "../core/eval/format-score.js";
import { type StoryScore, scoreStory } from "../core/eval/score-story.js";
import { emptyStory, ingestTexts, loadIngested } from "../core/ingest/ingest-texts.js";

/**
 * Ingests each development story's articles into a story in memory, as `npm run ingest`
 * would, and scores conditions, thread states, fragmentation and people against gold.json:
 *   npm run eval:story -- DIR [--story ID] [--json] [--errors]
 * DIR is a folder of story folders (eval/dev) or one story folder. Exit 0 when it ran,
 * 1 when a gold file is broken (named down to the field), 2 on a usage error.
 */

const USAGE = "usage: npm run eval:story -- DIR [--story ID] [--json] [--errors]";

interface StoryDir {
  id: string;
  dir: string;
}

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({ args: argv, allowPositionals: true, options: { story: { type: "string" }, json: { type: "boolean" }, errors: { type: "boolean" } } });
  } catch (error) {
    process.stderr.write(`eval:story: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (args.positionals.length !== 1) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const root = args.positionals[0]!;
  let stories = await findStories(root);
  if (stories === undefined) {
    process.stderr.write(`eval:story: ${root} is not a folder\n`);
    return 2;
  }
  if (args.values.story !== undefined) {
    const wanted = args.values.story;
    stories = stories.filter((s) => s.id === wanted);
    if (stories.length === 0) {
      process.stderr.write(`eval:story: no story "${wanted}" with a gold.json under ${root}\n`);
      return 2;
    }
  }
  if (stories.length === 0) {
    process.stderr.write(`eval:story: no story folder with a gold.json under ${root}\n`);
    return 2;
  }

  let broken = false;
  const scores: StoryScore[] = [];
  for (const { id, dir } of stories) {
    const names = (await readdir(dir)).filter((f) => f.endsWith(".txt")).sort();
    const goldFile = path.join(dir, "gold.json");
    const goldText = await readFile(goldFile, "utf8").catch((error: NodeJS.ErrnoException) => {
      process.stderr.write(`eval:story: cannot read ${goldFile}: ${error.code ?? error.message}\n`);
      return undefined;
    });
    if (goldText === undefined) {
      broken = true;
      continue;
    }
    const gold = parseGold(goldText, goldFile, names.map((n) => n.slice(0, -4)));
    if (!gold.ok) {
      broken = true;
      for (const problem of gold.problems) process.stderr.write(`eval:story: ${formatProblem(problem)}\n`);
      continue;
    }
    const today = new Date().toISOString().slice(0, 10);
    const texts = await Promise.all(
      names.map(async (name) => ({ name: name.slice(0, -4), text: await readFile(path.join(dir, name), "utf8"), fallbackDate: parseDate(name) ?? today })),
    );
    // Ingest refuses an empty file; so does the evaluation, and the gold's references to it then count as misses.
    for (const empty of texts.filter((t) => t.text.trim() === "")) process.stderr.write(`eval:story: ${path.join(dir, `${empty.name}.txt`)} is empty; skipped\n`);
    const ingested = ingestTexts(
      emptyStory(gold.gold.story, gold.gold.title),
      texts.filter((t) => t.text.trim() !== ""),
    );
    const loaded = loadIngested(ingested);
    // A problem here is the extractor's: the story still scores, with whatever loaded.
    for (const problem of loaded.problems) process.stderr.write(`eval:story: ${id}: ingest produced invalid data: ${formatProblem(problem)}\n`);
    const story = loaded.story ?? { ...ingested.story, articles: [], quotes: [], conditions: [], status: [], people: [] };
    scores.push(scoreStory(gold.gold, story, ingested.ingested));
  }

  const overall = addScores(scores);
  if (args.values.json) {
    const stories = args.values.errors ? scores : scores.map(({ errors: _errors, ...rest }) => rest);
    process.stdout.write(`${JSON.stringify({ stories, overall }, null, 2)}\n`);
  } else {
    const out = (line: string) => process.stdout.write(`${line}\n`);
    for (const score of scores) {
      for (const line of formatScoreLines(`${score.story} (${score.articles} articles)`, score)) out(line);
      if (args.values.errors) for (const line of formatErrors(score.errors)) out(line);
    }
    for (const line of formatScoreLines(`overall (${overall.stories} stories, ${overall.articles} articles)`, overall)) out(line);
  }
  return broken ? 1 : 0;
}

/** The story folders under root (each with a gold.json), or root itself when it is one; undefined when root is no folder. */
async function findStories(root: string): Promise<StoryDir[] | undefined> {
  const isDir = await stat(root).then((s) => s.isDirectory(), () => false);
  if (!isDir) return undefined;
  const hasGold = (dir: string) => stat(path.join(dir, "gold.json")).then((s) => s.isFile(), () => false);
  if (await hasGold(root)) return [{ id: path.basename(path.resolve(root)), dir: root }];
  const found: StoryDir[] = [];
  for (const entry of (await readdir(root, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    const dir = path.join(root, entry.name);
    if (entry.isDirectory() && (await hasGold(dir))) found.push({ id: entry.name, dir });
  }
  return found;
}

process.exitCode = await main(process.argv.slice(2));
