import { type ChildProcess, spawn } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type FakeDiscord, startFakeDiscord } from "../fake-discord/index.js";
import { SEED_DIR } from "../seed.js";

/** `npm start` as an operator runs it: the real process, its exit code and its output. */
interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

const children: ChildProcess[] = [];
let discord: FakeDiscord | undefined;
afterEach(async () => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
  await discord?.close();
  discord = undefined;
});

function startBot(stateDb: string, restUrl: string, options: { uid?: number } = {}): Started {
  const child = spawn("node", ["--import", "tsx", "src/main.ts"], {
    env: { ...process.env, DISCORD_TOKEN: "MTIz.state-file-test.xyz", DISCORD_REST_URL: restUrl, LOG_LEVEL: "info", DATA_DIR: SEED_DIR, STATE_DB: stateDb, CACHE_DIR: path.join(path.dirname(stateDb), "cache") },
    ...(options.uid !== undefined ? { uid: options.uid, gid: options.uid } : {}),
  });
  children.push(child);
  let output = "";
  child.stdout!.on("data", (chunk) => (output += String(chunk)));
  child.stderr!.on("data", (chunk) => (output += String(chunk)));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

const freshStateDb = () => path.join(mkdtempSync(path.join(tmpdir(), "storyline-state-")), "state", "storyline.sqlite");
const NO_STACK = /^\s+at /m;

describe("one STATE_DB, one instance", { timeout: 90_000 }, () => {
  it("a second instance exits 1 naming the state file; after a crash the next one starts without cleanup", async () => {
    discord = await startFakeDiscord();
    const stateDb = freshStateDb();
    const first = startBot(stateDb, discord.restUrl);
    await expect.poll(first.output, { timeout: 30_000 }).toMatch(/"msg":"Ready"/);

    const second = startBot(stateDb, discord.restUrl);
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain(stateDb);
    expect(second.output()).toMatch(/already running/);
    expect(second.output()).not.toMatch(NO_STACK);
    // It stopped before logging in: only the first instance ever identified.
    expect(discord.frames.filter((f) => f.direction === "in" && f.op === 2)).toHaveLength(1);

    // A crash leaves no lock behind.
    first.child.kill("SIGKILL");
    await first.exited;
    const third = startBot(stateDb, discord.restUrl);
    await expect.poll(third.output, { timeout: 30_000 }).toMatch(/"msg":"Ready"/);
    third.child.kill("SIGTERM");
    expect(await third.exited).toBe(0);
  });
});

describe("a broken STATE_DB", { timeout: 60_000 }, () => {
  it("that is not a database stops the start with a message naming the file, not a stack", async () => {
    const stateDb = freshStateDb();
    mkdirSync(path.dirname(stateDb), { recursive: true });
    writeFileSync(stateDb, "this is not a database, just text someone saved here\n".repeat(100));
    const bot = startBot(stateDb, "http://127.0.0.1:9/api");
    expect(await bot.exited).toBe(1);
    expect(bot.output()).toContain(stateDb);
    expect(bot.output()).toMatch(/not a SQLite database|damaged/);
    expect(bot.output()).not.toMatch(NO_STACK);
  });

  it("that is read-only stops the start with a message naming the file, not a stack", async () => {
    const stateDb = freshStateDb();
    mkdirSync(path.dirname(stateDb), { recursive: true });
    writeFileSync(stateDb, "");
    chmodSync(stateDb, 0o444);
    chmodSync(path.dirname(stateDb), 0o777);
    chmodSync(path.dirname(path.dirname(stateDb)), 0o777);
    // root may write to any file: run as nobody so the file's mode holds.
    const bot = startBot(stateDb, "http://127.0.0.1:9/api", process.getuid?.() === 0 ? { uid: 65534 } : {});
    expect(await bot.exited).toBe(1);
    expect(bot.output()).toContain(stateDb);
    expect(bot.output()).toMatch(/read-only|cannot be written/);
    expect(bot.output()).not.toMatch(NO_STACK);
  });
});
