import { execFile, spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { articleFile, storyFile } from "../builders.js";

/**
 * The production build, in a copy of the project whose node_modules lacks tsx: whatever runs
 * there runs compiled, with no TypeScript loader. Once built, the copy keeps only the production
 * dependencies, as the Docker image does (`npm prune --omit=dev`). One build (about a minute on a
 * busy machine).
 */
const run = promisify(execFile);
let project: string;
let dataDir: string;

beforeAll(() => {
  project = mkdtempSync(path.join(tmpdir(), "storyline-build-"));
  for (const entry of ["src", "commands", "scripts", "package.json", "tsconfig.json", "tsconfig.build.json"]) {
    cpSync(entry, path.join(project, entry), { recursive: true });
  }
  linkModules(() => true);
  dataDir = path.join(project, "fixture-data");
  const storyDir = path.join(dataDir, "stories", "test-story");
  mkdirSync(path.join(storyDir, "articles"), { recursive: true });
  writeFileSync(path.join(storyDir, "story.json"), JSON.stringify(storyFile()));
  const article = articleFile({ quotes: [{ speaker: "ana-ruznjak", text: "We will not move the border.", kind: "direct" }] });
  writeFileSync(path.join(storyDir, "articles", `${article.id}.json`), JSON.stringify(article));
});
afterAll(() => rmSync(project, { recursive: true, force: true }));

/** Links the project's installed packages into the copy, tsx never, the others when `keep` says so. */
function linkModules(keep: (dev: boolean) => boolean): void {
  const lock = JSON.parse(readFileSync("package-lock.json", "utf8")) as { packages: Record<string, { dev?: boolean }> };
  const target = path.join(project, "node_modules");
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target);
  for (const key of Object.keys(lock.packages)) {
    const name = /^node_modules\/((?:@[^/]+\/)?[^/]+)$/.exec(key)?.[1];
    if (!name || name === "tsx" || !keep(lock.packages[key]!.dev === true) || !existsSync(path.join("node_modules", name))) continue;
    mkdirSync(path.dirname(path.join(target, name)), { recursive: true });
    symlinkSync(path.resolve("node_modules", name), path.join(target, name));
  }
}

/** `npm start` in the copy, in console mode, with `input` typed at the prompt. */
function npmStart(input: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn("npm", ["start", "--silent"], {
      cwd: project,
      env: { ...process.env, DISCORD_TOKEN: "", DATA_DIR: dataDir, CACHE_DIR: path.join(project, ".cache"), LOG_LEVEL: "warn", NODE_OPTIONS: "" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += String(chunk)));
    child.stderr.on("data", (chunk) => (stderr += String(chunk)));
    child.stdin.end(input);
    child.once("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("the production build", { timeout: 240_000 }, () => {
  it("npm start builds dist/ when it is missing, then runs the compiled console, which answers", async () => {
    const first = await npmStart("/quote speaker:Ana Ružnják\nexit\n");
    expect(first.stderr).toContain("Building Storyline into dist/");
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("Quotes from Ana Ružnják");
    expect(first.stdout).toContain("We will not move the border.");
    expect(existsSync(path.join(project, "dist", "src", "main.js"))).toBe(true);
    expect(existsSync(path.join(project, "dist", "src", "data", "term-range-worker.js"))).toBe(true);

    linkModules((dev) => !dev);
    expect(existsSync(path.join(project, "node_modules", "typescript"))).toBe(false);
    const again = await npmStart("/status\nexit\n");
    expect(again.stderr).not.toContain("Building");
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("Border talks");
  });

  it("knows when dist/ is out of date: a changed source, not a changed time", async () => {
    const dist = (await import(pathToFileURL(path.join(project, "scripts", "dist.mjs")).href)) as { distIsCurrent(): boolean };
    expect(dist.distIsCurrent()).toBe(true);
    const file = path.join(project, "commands", "help.ts");
    const source = readFileSync(file, "utf8");
    writeFileSync(file, `${source}\n// changed\n`);
    expect(dist.distIsCurrent()).toBe(false);
    writeFileSync(file, source);
    expect(dist.distIsCurrent()).toBe(true);
  });

  it("runs the indexing worker thread from dist/, with the same index as one thread builds", async () => {
    const script = `
      const dist = ${JSON.stringify(pathToFileURL(path.join(project, "dist", "src")).href)};
      const { buildTermIndexInParallel } = await import(dist + "/data/parallel-term-index.js");
      const { buildTermRange, indexedText } = await import(dist + "/core/search/quote-finder.js");
      const speaker = { id: "ana", name: "Ana Ružnják", aliases: ["Ružnják"] };
      const quotes = Array.from({ length: 2000 }, (_, i) => ({ speaker, text: "border talk " + (i % 97) + " word" + i, date: "2025-01-01" }));
      const order = Uint32Array.from(quotes.keys());
      const parallel = await buildTermIndexInParallel({ quotes }, order, async () => {});
      const steps = buildTermRange(order.length, 0, order.length, (d) => indexedText(quotes[order[d]]), parallel.stopwordsIndexed);
      let step = steps.next();
      while (!step.done) step = steps.next();
      const same = JSON.stringify(parallel.terms.terms) === JSON.stringify(step.value.terms) && parallel.terms.postings.join() === step.value.postings.join();
      console.log(JSON.stringify({ same, terms: step.value.terms.length }));
    `;
    writeFileSync(path.join(project, "worker-check.mjs"), script);
    const { stdout } = await run("node", ["worker-check.mjs"], { cwd: project, env: { ...process.env, NODE_OPTIONS: "" } });
    const result = JSON.parse(stdout) as { same: boolean; terms: number };
    expect(result.same).toBe(true);
    expect(result.terms).toBeGreaterThan(2000);
  });

  it("answers the container's health check from the heartbeat file", async () => {
    const check = (file: string) =>
      run("node", [path.join(project, "dist", "src", "health", "check-heartbeat.js"), file]).then(
        ({ stdout }) => ({ code: 0, stdout }),
        (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
      );
    const file = path.join(project, "heartbeat");
    expect(await check(file)).toEqual({ code: 1, stdout: `unhealthy: no heartbeat at ${file} yet: the bot has not started, or cannot write there\n` });
    writeFileSync(file, "now\n");
    expect(await check(file)).toEqual({ code: 0, stdout: "healthy\n" });
  });

  it("has the Dockerfile run and health-check files the build makes, as a non-root user with the settings' volumes", () => {
    const dockerfile = readFileSync("Dockerfile", "utf8");
    const runtime = dockerfile.slice(dockerfile.lastIndexOf("\nFROM "));
    const started = [...runtime.matchAll(/"(dist\/[^"]+\.js)"/g)].map((m) => m[1]!);
    expect(started).toEqual(["dist/src/health/check-heartbeat.js", "dist/src/main.js"]);
    for (const file of started) expect(existsSync(path.join(project, file)), file).toBe(true);
    for (const [, from] of dockerfile.matchAll(/^COPY (?:--chown=\S+ )?(?!--from)(.+) \S+$/gm)) {
      for (const source of from!.split(" ")) expect(existsSync(source), source).toBe(true);
    }
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).toMatch(/^HEALTHCHECK /m);
    const env = Object.fromEntries([...runtime.matchAll(/\b([A-Z_]+)=(\S+)/g)].map((m) => [m[1]!, m[2]!]));
    const volumes = JSON.parse(/^VOLUME (.+)$/m.exec(runtime)![1]!) as string[];
    expect(volumes).toEqual([env.DATA_DIR, path.dirname(env.STATE_DB!), env.CACHE_DIR]);
  });
});
