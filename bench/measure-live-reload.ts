import { mkdtemp, readdir, rename, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { startApp } from "../src/app.js";
import type { ArticleFile } from "../src/core/schema.js";
import { quotesOutsideMainIndex } from "../src/core/story-index.js";
import { openStoryStore } from "../src/data/story-store.js";
import { createLogger } from "../src/logger.js";
import { manualScheduler } from "../tests/digest/fakes.js";
import { FAKE_TOKEN, fakeClientOptions, startFakeDiscord } from "../tests/fake-discord/index.js";
import { summarise } from "./measure/percentiles.js";
import { quoteQueries } from "./measure/queries.js";
import type { LiveReloadResult } from "./report.js";

/**
 * The bot as users meet it while new articles arrive: the real app (discord.js client, command
 * router, store, folder watcher) on the fake Discord, answering /quote one request after
 * another, while `--files` article files land one every `--every` ms (each written elsewhere
 * and renamed into place, as the feed follower and ingest do). Measures each answer from the
 * interaction's dispatch to the final message, and how long after the last file its new words
 * are answerable. Prints one JSON line: a LiveReloadResult. Run by run-bench.ts.
 */
const { values } = parseArgs({
  options: {
    dir: { type: "string" },
    cache: { type: "string" },
    mode: { type: "string", default: "incremental" },
    files: { type: "string", default: "10" },
    every: { type: "string", default: "250" },
    seed: { type: "string", default: "7" },
    "settle-after": { type: "string" },
  },
});
const dataDir = values.dir!;
const mode = values.mode as LiveReloadResult["mode"];
const fileCount = Number(values.files);
const everyMs = Number(values.every);
/** After the last file, how long to wait for its words before calling them not answerable. */
const GIVE_UP_MS = 60_000;
/** Answers keep being measured this long after the new words are found, to catch late stalls. */
const TAIL_MS = 1_000;
const LIVE_FILE_PREFIX = "live-reload-";

const log = createLogger({ level: "silent", pretty: false });
const storyDir = path.join(dataDir, "stories", (await readdir(path.join(dataDir, "stories")))[0]!);
const articlesDir = path.join(storyDir, "articles");
const stateDir = await mkdtemp(path.join(os.tmpdir(), "storyline-bench-live-"));
const discord = await startFakeDiscord();
const settleAfterMs = values["settle-after"] === undefined ? undefined : Number(values["settle-after"]);
const store = await openStoryStore(dataDir, log, { cacheDir: values.cache!, incremental: mode === "incremental", ...(settleAfterMs !== undefined ? { settleAfterMs } : {}) });
await store.saved?.();
const app = await startApp({
  token: FAKE_TOKEN,
  restUrl: discord.restUrl,
  stateDb: path.join(stateDir, "state.sqlite"),
  store,
  dataDir,
  log,
  scheduler: manualScheduler().scheduler,
  now: () => new Date(),
  clientOptions: { ws: fakeClientOptions(discord).ws },
});

const story = store.catalog().stories[0]!;
const quotes = story.quotes.length;
const speaker = story.quotes[0]!.speaker.id;
const queries = quoteQueries(story, 2_000, Number(values.seed)).map((q) => q.options);
const asCommand = (options: { query?: string; speaker?: string }) => ({
  name: "quote",
  options: Object.entries(options).map(([name, value]) => ({ name, type: 3, value: String(value) })),
});
let unanswered = 0;
/**
 * Sends one /quote and waits for the message the user ends up seeing; returns the time taken
 * and whether it found quotes. An interaction the bot could not answer in time (Discord then
 * shows "the application did not respond") counts as unanswered, with the time waited.
 */
async function ask(options: { query?: string; speaker?: string }): Promise<{ ms: number; found: boolean }> {
  const started = performance.now();
  try {
    const ix = await discord.sendCommand(asCommand(options), { timeoutMs: 15_000 });
    const message = await ix.waitForFinal(15_000);
    const title = String((message.embeds as { title?: string }[] | undefined)?.[0]?.title ?? "");
    // Typos are forgiven and the reply repeats the query, so a new word counts as found only when a quote that holds it is shown.
    const shown = options.query === undefined || JSON.stringify(message.embeds ?? []).includes(`The ${options.query} talks`);
    return { ms: performance.now() - started, found: title.startsWith("Quotes") && shown };
  } catch {
    unanswered++;
    return { ms: performance.now() - started, found: false };
  }
}

const word = (i: number) => `zephyrquill${String.fromCharCode(97 + (i % 26))}${i}`;
function newArticle(i: number): ArticleFile {
  const date = "2031-06-01";
  return {
    id: `${date}-live-${i}`,
    title: `Live article ${i}`,
    date,
    source: { name: "Bench Wire" },
    summary: "Written by the live reload benchmark.",
    people: [],
    quotes: Array.from({ length: 20 }, (_, q) => ({ speaker, text: `The ${word(i)} talks reached point ${q} today.`, kind: "direct" as const })),
    conditions: [],
    status: [],
  };
}

/**
 * Answers from the end of the window above until the store, once the data has been quiet for
 * `--settle-after` ms, has rebuilt the index whole and saved its snapshot (see the store's
 * settle), asked one after another as before.
 */
async function measureSettle(): Promise<NonNullable<LiveReloadResult["settle"]>> {
  const before = unanswered;
  const started = performance.now();
  const samples: number[] = [];
  const askNext = async () => samples.push((await ask(queries[next++ % queries.length]!)).ms);
  while (quotesOutsideMainIndex(store.catalog().stories[0]!) > 0) {
    if (performance.now() - started > GIVE_UP_MS * 5) throw new Error("the index was not rebuilt whole within five minutes");
    await askNext();
  }
  // The save starts as the whole index is swapped in: wait for it, answering all along.
  await new Promise((resolve) => setImmediate(resolve));
  let saved = false;
  void store.saved!().then(() => (saved = true));
  while (!saved) await askNext();
  return { answers: summarise(samples), unanswered: unanswered - before, ms: performance.now() - started, quietMs: settleAfterMs! };
}

let next = 100;
let result: LiveReloadResult;
try {
  // Warm up the JIT and the connection, as a running bot would be.
  for (const options of queries.slice(0, 100)) await ask(options);

  const samples: number[] = [];
  let lastFileAt: number | undefined;
  let answerableMs: number | undefined;
  let stopAt = Infinity;
  const writer = (async () => {
    for (let i = 0; i < fileCount; i++) {
      if (i > 0) await new Promise((resolve) => setTimeout(resolve, everyMs));
      const final = path.join(articlesDir, `${LIVE_FILE_PREFIX}${i}.json`);
      const temporary = path.join(articlesDir, `.${LIVE_FILE_PREFIX}${i}.json.tmp`);
      await writeFile(temporary, JSON.stringify(newArticle(i)));
      await rename(temporary, final);
    }
    lastFileAt = performance.now();
  })();
  const began = performance.now();
  next = 100;
  while (performance.now() < stopAt) {
    // Every other request asks for the last file's word once it has landed.
    const probe = lastFileAt !== undefined && answerableMs === undefined && next % 2 === 0;
    const answer = await ask(probe ? { query: word(fileCount - 1) } : queries[next % queries.length]!);
    next++;
    samples.push(answer.ms);
    if (probe && answer.found) {
      answerableMs = performance.now() - lastFileAt!;
      stopAt = performance.now() + TAIL_MS;
    }
    if (lastFileAt !== undefined && performance.now() - lastFileAt > GIVE_UP_MS) break;
  }
  await writer;
  const allFound = (await Promise.all(Array.from({ length: fileCount }, (_, i) => ask({ query: word(i) })))).every((a) => a.found);
  result = { mode, quotes, files: fileCount, everyMs, answers: summarise(samples), unanswered, windowMs: performance.now() - began, answerableMs, allFound };
  if (settleAfterMs !== undefined && mode === "incremental") result.settle = await measureSettle();
} finally {
  await app.shutdown();
  store.close?.();
  await discord.close();
  await rm(stateDir, { recursive: true, force: true });
  for (const name of await readdir(articlesDir)) if (name.includes(LIVE_FILE_PREFIX)) await rm(path.join(articlesDir, name), { force: true });
}
process.stdout.write(`${JSON.stringify(result)}\n`);
