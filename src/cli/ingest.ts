import { mkdir, readFile, writeFile } from "node:fs/promises";
import { config as loadDotenv } from "dotenv";
import path from "node:path";
import { readConfig } from "../config.js";
import { buildCatalog } from "../core/build-catalog.js";
import { formatProblem } from "../core/errors.js";
import { formatStory } from "../core/ingest/format-story.js";
import { mergeIntoStory } from "../core/ingest/merge-into-story.js";
import { readDataFiles } from "../data/read-data-files.js";
import { type StoryFile, storySchema } from "../core/schema.js";
import { personLabel } from "../core/story.js";
import { extractFile } from "./extract.js";
import { createLogger } from "../logger.js";
import { describeEngines, extractWithEngines, modelEngine } from "../model/extract-with-engines.js";

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

  const config = readConfig(process.env);
  const model = modelEngine(config, createLogger({ level: config.logLevel, destination: 2 }));
  const progress = progressBar(options.files.length);
  const written: { file: string; articleId: string; outcome: "new" | "updated" | "unchanged"; engines?: string }[] = [];
  let failed = 0;
  for (const [index, file] of options.files.entries()) {
    const result = await extractFile(file, undefined, (text, extractOptions) => extractWithEngines(text, { ...extractOptions, story }, model));
    progress(index + 1);
    if ("error" in result) {
      failed++;
      process.stderr.write(`ingest: ${result.error}\n`);
      continue;
    }
    const merged = mergeIntoStory(story, result);
    story = merged.story;
    const articlePath = path.join(storyDir, "articles", `${merged.article.id}.json`);
    const json = `${JSON.stringify(merged.article, null, 2)}\n`;
    const before = await readFile(articlePath, "utf8").catch(() => undefined);
    if (before !== json) {
      await mkdir(path.dirname(articlePath), { recursive: true });
      await writeFile(articlePath, json);
    }
    written.push({ file, articleId: merged.article.id, outcome: before === undefined ? "new" : before === json ? "unchanged" : "updated", ...(model ? { engines: describeEngines(result.engines) } : {}) });
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

async function onlyStory(dataDir: string): Promise<string | undefined> {
  const files = await readDataFiles(dataDir).catch(() => []);
  const ids = [...new Set(files.filter((f) => f.kind === "story").map((f) => f.storyDir))];
  return ids.length === 1 ? ids[0] : undefined;
}

async function readStory(storyPath: string, storyId: string): Promise<StoryFile> {
  const text = await readFile(storyPath, "utf8").catch(() => undefined);
  if (text === undefined) {
    // A story that does not exist yet starts empty; the lead should then write its title and summary.
    return { id: storyId, title: storyId.replace(/-/g, " "), summary: "Created by ingest; edit this summary.", parties: [], people: [], topics: [] };
  }
  return storySchema.parse(JSON.parse(text));
}

function printReport(story: Awaited<ReturnType<typeof buildCatalog>>["catalog"]["stories"][number], written: { file: string; articleId: string; outcome: string; engines?: string }[]): void {
  const out = (line: string) => process.stdout.write(`${line}\n`);
  for (const entry of written) {
    const article = story.articles.find((a) => a.id === entry.articleId);
    out(`${entry.file} → ${story.id}/${entry.articleId} (${entry.outcome})`);
    if (entry.engines) out(`  engines: ${entry.engines}`);
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
