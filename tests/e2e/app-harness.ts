import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type App, startApp } from "../../src/app.js";
import { createLogger } from "../../src/logger.js";
import { openStoryStore, type StoryStore } from "../../src/data/story-store.js";
import { manualScheduler, testClock } from "../digest/fakes.js";
import { FAKE_TOKEN, type FakeDiscord, fakeClientOptions } from "../fake-discord/index.js";
import type { LogLine } from "./harness.js";
import { Writable } from "node:stream";
import { SEED_DIR } from "../seed.js";

/** A copy of data/ and a state file of their own, so a test can add articles and restart freely. */
export function tempWorkspace(): { dataDir: string; stateDb: string } {
  const root = mkdtempSync(path.join(tmpdir(), "storyline-app-"));
  const dataDir = path.join(root, "data");
  cpSync(SEED_DIR, dataDir, { recursive: true });
  return { dataDir, stateDb: path.join(root, "state", "storyline.sqlite") };
}

export interface RunningApp {
  app: App;
  store: StoryStore;
  scheduler: ReturnType<typeof manualScheduler>;
  logs: LogLine[];
}

/** The whole bot (commands, digests, live data) against the fake Discord, with a manual scheduler and a test clock. */
export async function startTestApp(discord: FakeDiscord, workspace: { dataDir: string; stateDb: string }, clock: ReturnType<typeof testClock>): Promise<RunningApp> {
  const logs: LogLine[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) logs.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  const log = createLogger({ level: "debug", stream: sink });
  const store = await openStoryStore(workspace.dataDir, log);
  const scheduler = manualScheduler();
  const app = await startApp({
    token: FAKE_TOKEN,
    restUrl: discord.restUrl,
    stateDb: workspace.stateDb,
    store,
    dataDir: workspace.dataDir,
    log,
    scheduler: scheduler.scheduler,
    now: clock.now,
    clientOptions: { ws: fakeClientOptions(discord).ws },
    drainMs: 300,
  });
  return { app, store, scheduler, logs };
}
