import { mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import { config as loadDotenv } from "dotenv";
import path from "node:path";
import { readConfig } from "../config.js";
import { buildCatalog } from "../core/build-catalog.js";
import { formatProblem } from "../core/errors.js";
import { formatStory } from "../core/ingest/format-story.js";
import { mergeIntoStory } from "../core/ingest/merge-into-story.js";
import { readDataFiles } from "../data/read-data-files.js";
import { type ArticleFile, type StoryFile, articleSchema, storySchema } from "../core/schema.js";
import { personLabel } from "../core/story.js";
import { extractFile } from "./extract.js";

/**
 * Extracts articles and files them into a story of DATA_DIR (default `data`):
 *   npm run ingest -- FILE... [--story ID]
 * New people, parties and topics are added to story.json; an article ingested again
 * is recognised by its id (date + title) and rewritten in place, never duplicated.
 */

interface Options {
  files: string[];
  storyId?: string;
  dataDir: string;
}

function parseArgs(argv: string[]): Options | undefined {
  const files: string[] = [];
  let storyId: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--story") storyId = argv[++i];
    else files.push(argv[i]!);
  }
  if (files.length === 0) return undefined;
  loadDotenv({ quiet: true });
  return { files, ...(storyId ? { storyId } : {}), dataDir: readConfig(process.env).dataDir };
}

async function main(argv: string[]): Promise<number> {
  const options = parseArgs(argv);
  if (!options) {
    process.stderr.write("usage: npm run ingest -- FILE... [--story ID]\n");
    return 2;
  }
  const storyId = options.storyId ?? (await onlyStory(options.dataDir));
  if (!storyId) {
    process.stderr.write(`ingest: ${options.dataDir} holds several stories or none; name one with --story ID\n`);
    return 2;
  }
  const storyDir = path.join(options.dataDir, "stories", storyId);
  const storyPath = path.join(storyDir, "story.json");
  const original = await readStory(storyPath, storyId);
  let story = original;

  const progress = progressBar(options.files.length);
  const written: { file: string; articleId: string; outcome: "new" | "updated" | "unchanged" }[] = [];
  let failed = 0;
  const articles = await readArticles(path.join(storyDir, "articles"));
  for (const [index, file] of options.files.entries()) {
    const result = await extractFile(file, undefined, story);
    progress(index + 1);
    if ("error" in result) {
      failed++;
      process.stderr.write(`ingest: ${result.error}\n`);
      continue;
    }
    const merged = mergeIntoStory(story, result, { articles: [...articles.values()] });
    articles.set(merged.article.id, merged.article);
    story = merged.story;
    const articlePath = path.join(storyDir, "articles", `${merged.article.id}.json`);
    const json = `${JSON.stringify(merged.article, null, 2)}\n`;
    const before = await readFile(articlePath, "utf8").catch(() => undefined);
    if (before !== json) {
      await mkdir(path.dirname(articlePath), { recursive: true });
      await writeFile(articlePath, json);
    }
    written.push({ file, articleId: merged.article.id, outcome: before === undefined ? "new" : before === json ? "unchanged" : "updated" });
  }
  // Rewrite story.json only when ingesting changed it, so a re-ingest leaves the file as it was.
  if (JSON.stringify(story) !== JSON.stringify(original)) {
    await mkdir(storyDir, { recursive: true });
    await writeFile(storyPath, formatStory(story));
  }

  const { catalog, problems } = buildCatalog(await readDataFiles(options.dataDir));
  const ours = problems.filter((p) => p.file.includes(path.join("stories", storyId)));
  for (const problem of ours) process.stderr.write(`ingest: ${formatProblem(problem)}\n`);
  const loaded = catalog.stories.find((s) => s.id === storyId);
  if (loaded) printReport(loaded, written);
  return failed > 0 || ours.length > 0 ? 1 : 0;
}

/** The story's articles already on disk, by id; a file that does not parse is left to the catalog check to report. */
async function readArticles(dir: string): Promise<Map<string, ArticleFile>> {
  const articles = new Map<string, ArticleFile>();
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names.filter((n) => n.endsWith(".json")).sort()) {
    const text = await readFile(path.join(dir, name), "utf8").catch(() => undefined);
    if (text === undefined) continue;
    try {
      const parsed = articleSchema.safeParse(JSON.parse(text));
      if (parsed.success) articles.set(parsed.data.id, parsed.data);
    } catch {
      // Not JSON: buildCatalog names the file afterwards.
    }
  }
  return articles;
}

async function onlyStory(dataDir: string): Promise<string | undefined> {
  const files = await readDataFiles(dataDir).catch(() => []);
  const ids = [...new Set(files.filter((f) => f.kind === "story").map((f) => f.storyDir))];
  return ids.length === 1 ? ids[0] : undefined;
}

async function readStory(storyPath: string, storyId: string): Promise<StoryFile> {
  const text = await readFile(storyPath, "utf8").catch(() => undefined);
  if (text === undefined) {
    // A story that does not exist yet starts empty, with a summary generated from its threads until a person writes one.
    const title = storyId.replace(/-/g, " ").replace(/^\p{Ll}/u, (c) => c.toUpperCase());
    return { id: storyId, title, summary: `${title}: no developments recorded yet.`, summaryBy: "generated", parties: [], people: [], topics: [] };
  }
  return storySchema.parse(JSON.parse(text));
}

function printReport(story: Awaited<ReturnType<typeof buildCatalog>>["catalog"]["stories"][number], written: { file: string; articleId: string; outcome: string }[]): void {
  const out = (line: string) => process.stdout.write(`${line}\n`);
  for (const entry of written) {
    const article = story.articles.find((a) => a.id === entry.articleId);
    out(`${entry.file} → ${story.id}/${entry.articleId} (${entry.outcome})`);
    if (!article) continue;
    const quotes = story.quotes.filter((q) => q.article.id === article.id);
    const bySpeaker = new Map<string, typeof quotes>();
    for (const quote of quotes) bySpeaker.set(personLabel(quote.speaker), [...(bySpeaker.get(personLabel(quote.speaker)) ?? []), quote]);
    out(`  quotes: ${quotes.length}`);
    for (const [speaker, list] of bySpeaker) {
      out(`    ${speaker}: ${list.length}`);
      for (const quote of list) out(`      [${quote.kind}] ${clip(quote.text)}`);
    }
    const conditions = story.conditions.filter((c) => c.article.id === article.id);
    out(`  conditions: ${conditions.length}`);
    for (const c of conditions) out(`    ${c.party.name}${c.holder ? ` (${c.holder.name})` : ""}, ${c.firmness}: ${clip(c.text)}`);
    const status = story.status.filter((s) => s.article.id === article.id);
    out(`  status changes: ${status.length}`);
    for (const s of status) out(`    ${s.topic.name}: ${s.state}`);
  }
}

function clip(text: string): string {
  return text.length > 90 ? `${text.slice(0, 89)}…` : text;
}

/** A one-line bar on stderr for long runs; silent for a few files or when stderr is not a terminal. */
function progressBar(total: number): (done: number) => void {
  if (total < 5 || !process.stderr.isTTY) return () => {};
  return (done) => {
    const width = 30;
    const filled = Math.round((done / total) * width);
    process.stderr.write(`\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total}${done === total ? "\n" : ""}`);
  };
}

process.exitCode = await main(process.argv.slice(2));
