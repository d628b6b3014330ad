import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { promisify } from "node:util";
import { generateCorpus, STORY_ID } from "./corpus/generate-story.js";
import { writeCorpus } from "./corpus/write-corpus.js";
import { type LiveReloadResult, type Method, type MethodResult, checkLiveTargets, checkTargets, formatLiveTable, formatTable } from "./report.js";
import { scheduleBenchTable } from "./schedule-bench.js";

/**
 * `npm run bench [-- --sizes 1000,10000 --json]`: every size and method side by side.
 * Corpora are generated once under .cache/bench and reused; each method runs in a fresh
 * process so its memory and start-up are measured alone. The live reload section runs the
 * bot on the fake Discord while article files land, with reloads as before (full) and now
 * (incremental); `--live only` runs just that, `--live off` skips it.
 */
const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "1000,10000,100000,1000000" },
    methods: { type: "string", default: "storyline,minisearch,fuse" },
    json: { type: "boolean", default: false },
    seed: { type: "string", default: "1" },
    queries: { type: "string", default: "600" },
    quality: { type: "string", default: "300" },
    budget: { type: "string", default: "60" },
    work: { type: "string", default: ".cache/bench" },
    live: { type: "string", default: "on" },
  },
});
const sizes = values.sizes.split(",").map(Number);
const methods = values.methods.split(",") as Method[];
const run = promisify(execFile);
const say = (line: string) => process.stderr.write(`${line}\n`);

async function corpusFor(quotes: number): Promise<string> {
  const dir = path.join(values.work, `corpus-${quotes}-seed${values.seed}`);
  const done = path.join(dir, "complete");
  if (!existsSync(done)) {
    say(`generating ${quotes} quotes in ${dir}`);
    await writeCorpus(generateCorpus({ quotes, seed: Number(values.seed) }), dir);
    await writeFile(done, "");
  }
  return dir;
}

async function measure(method: Method, dir: string, cache: string): Promise<MethodResult> {
  const args = ["--expose-gc", "--max-old-space-size=12000", "--import", "tsx", "bench/measure-method.ts"];
  args.push("--dir", dir, "--method", method, "--cache", cache, "--queries", values.queries, "--quality", values.quality, "--budget", values.budget);
  const { stdout } = await run(process.execPath, args, { maxBuffer: 1 << 24 });
  return JSON.parse(stdout.trim().split("\n").pop()!) as MethodResult;
}

/** The bench's quiet period before the store rebuilds the index whole (a minute in production). */
const SETTLE_AFTER_MS = 1_000;

async function measureLive(mode: LiveReloadResult["mode"], dir: string, cache: string, quotes: number): Promise<LiveReloadResult> {
  // Files a crashed run may have left behind are not part of the corpus.
  const articles = path.join(dir, "stories", STORY_ID, "articles");
  for (const name of await readdir(articles)) if (name.includes("live-reload-")) await rm(path.join(articles, name), { force: true });
  const args = ["--max-old-space-size=12000", "--import", "tsx", "bench/measure-live-reload.ts", "--dir", dir, "--cache", cache, "--mode", mode];
  // Then what follows a minute later in production, brought forward: the index rebuilt whole and the snapshot saved.
  if (mode === "incremental") args.push("--settle-after", String(SETTLE_AFTER_MS));
  try {
    const { stdout } = await run(process.execPath, args, { maxBuffer: 1 << 24 });
    return JSON.parse(stdout.trim().split("\n").pop()!) as LiveReloadResult;
  } catch (error) {
    return { mode, quotes, files: 10, everyMs: 250, skipped: `failed: ${(error as Error).message.split("\n")[0]}` };
  }
}

const results: MethodResult[] = [];
const live: LiveReloadResult[] = [];
const tooSlow = new Map<Method, number>();
const loadBefore = os.loadavg();
for (const quotes of sizes) {
  const dir = await corpusFor(quotes);
  const cache = path.join(values.work, `cache-${quotes}`);
  if (values.live !== "off") {
    // Its own cache: the cold-start measurement below deletes the other one.
    for (const mode of ["full", "incremental"] as const) {
      say(`measuring live reload (${mode}) at ${quotes} quotes (load ${os.loadavg()[0]!.toFixed(1)})`);
      live.push(await measureLive(mode, dir, path.join(values.work, `live-cache-${quotes}`), quotes));
    }
  }
  if (values.live === "only") continue;
  const order: Method[] = methods.flatMap((m) => (m === "storyline" ? ["storyline", "storyline-warm"] : [m])) as Method[];
  for (const method of order) {
    if (method === "storyline") await rm(cache, { recursive: true, force: true });
    const slowerAt = tooSlow.get(method);
    if (slowerAt !== undefined) {
      results.push({ method, quotes, readyMs: 0, loadMs: 0, heapMb: 0, rssMb: 0, skipped: `a query took over 5 s already at ${slowerAt.toLocaleString("en-US")} quotes`, notes: [] });
      continue;
    }
    say(`measuring ${method} at ${quotes} quotes (load ${os.loadavg()[0]!.toFixed(1)})`);
    try {
      const result = await measure(method, dir, cache);
      if (result.skipped) tooSlow.set(method, quotes);
      results.push(result);
    } catch (error) {
      results.push({ method, quotes, readyMs: 0, loadMs: 0, heapMb: 0, rssMb: 0, skipped: `failed: ${(error as Error).message.split("\n")[0]}`, notes: [] });
    }
  }
}
const machine = { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, loadBefore, loadAfter: os.loadavg() };
if (values.json) {
  process.stdout.write(`${JSON.stringify({ machine, results, live, targets: [...checkTargets(results), ...checkLiveTargets(live)] }, null, 2)}\n`);
} else {
  if (results.length > 0) process.stdout.write(`${formatTable(results)}\n\n`);
  process.stdout.write(`Latency in ms; ready = seconds from process start to the first answer; n = /quote, autocomplete and quality queries measured.\n`);
  process.stdout.write(`${machine.cpus} × ${machine.cpu}, ${machine.memoryGb} GiB, Node ${machine.node}; load average ${loadBefore.map((l) => l.toFixed(1)).join(" ")} before, ${machine.loadAfter.map((l) => l.toFixed(1)).join(" ")} after.\n\n`);
  for (const line of checkTargets(results)) process.stdout.write(`- ${line}\n`);
  if (live.length > 0) {
    process.stdout.write(`\nLive reload: /quote answered one after another through the fake Discord while article files land; ms from dispatch to the final message.\n\n${formatLiveTable(live)}\n\n`);
    for (const line of checkLiveTargets(live)) process.stdout.write(`- ${line}\n`);
  }
  process.stdout.write(`\nDigest schedules, ms per call (the engine beside the minute walk it replaced):\n${scheduleBenchTable()}\n`);
}
