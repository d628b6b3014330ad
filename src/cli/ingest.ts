import { parseArgs } from "node:util";
import { config as loadDotenv } from "dotenv";
import path from "node:path";
import { readConfig } from "../config.js";
import { buildCatalog } from "../core/build-catalog.js";
import { UserError, formatProblem } from "../core/errors.js";
import { ingestIntoStory, readStoryFile } from "../data/ingest-into-story.js";
import { readDataFiles } from "../data/read-data-files.js";
import { storyDirOf } from "../data/story-paths.js";
import { personLabel } from "../core/story.js";
import { extractFile } from "./extract.js";
import { createLogger } from "../logger.js";
import { describeEngines, extractWithEngines, modelEngine } from "../model/extract-with-engines.js";
import { runMain } from "./run-main.js";

/**
 * Extracts articles and files them into a story of DATA_DIR (default `data`):
 *   npm run ingest -- FILE... [--story ID] [--replace]
 * New people, parties and topics are added to story.json; an article ingested again is
 * recognised by its id (date + title) and left as it is. A different article under the
 * same id is refused unless --replace is given. Writes stay inside DATA_DIR/stories/ID.
 */

const USAGE = "usage: npm run ingest -- FILE... [--story ID] [--replace]";

async function main(argv: string[]): Promise<number> {
  const { values, positionals: files } = parseArgs({
    args: argv,
    options: { story: { type: "string" }, replace: { type: "boolean", default: false }, help: { type: "boolean", short: "h" } },
    allowPositionals: true,
    strict: true,
  });
  if (values.help || files.length === 0) {
    process.stderr.write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  loadDotenv({ quiet: true });
  const config = readConfig(process.env);
  const dataDir = config.dataDir;
  const storyId = values.story ?? (await onlyStory(dataDir));
  if (!storyId) throw new UserError(`${dataDir} holds several stories or none; name one with --story ID`);
  // Checked before any file is read, so a bad id costs nothing.
  const storyPath = path.join(storyDirOf(dataDir, storyId), "story.json");
  const model = modelEngine(config, createLogger({ level: config.logLevel, destination: 2 }));
  const progress = progressBar(files.length);
  const written: { file: string; articleId: string; outcome: "new" | "updated" | "unchanged"; engines?: string }[] = [];
  let failed = 0;
  for (const [index, file] of files.entries()) {
    // Extraction reads each article knowing the story as it stands before it (its sides, people and threads).
    const story = await readStoryFile(storyPath);
    const result = await extractFile(file, undefined, (text, extractOptions) => extractWithEngines(text, { ...extractOptions, ...(story ? { story } : {}) }, model));
    progress(index + 1);
    if ("error" in result) {
      failed++;
      process.stderr.write(`ingest: ${result.error}\n`);
      continue;
    }
    try {
      const ingested = await ingestIntoStory(dataDir, storyId, result, { onCollision: values.replace ? "replace" : "refuse" });
      written.push({ file, articleId: ingested.articleId, outcome: ingested.status, ...(model ? { engines: describeEngines(result.engines) } : {}) });
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      failed++;
      process.stderr.write(`ingest: ${file}: ${error.message}\n`);
    }
  }

  const { catalog, problems } = buildCatalog(await readDataFiles(dataDir));
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

await runMain("ingest", main);
