import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type FakeDiscord, startFakeDiscord } from "../fake-discord/index.js";
import { SEED_DIR } from "../seed.js";

let discord: FakeDiscord | undefined;
let child: ChildProcess | undefined;
afterEach(async () => {
  child?.kill("SIGKILL");
  await discord?.close();
});

/** Shutdown has a 5 s drain; the process must be gone by then whatever the Discord client still has scheduled. */
const DRAIN_MS = 5_000;

describe("SIGTERM while Discord is unreachable", { timeout: 40_000 }, () => {
  it("exits 0 within the drain, although the client keeps trying to reconnect", async () => {
    discord = await startFakeDiscord();
    let output = "";
    child = spawn("node", ["--import", "tsx", "src/main.ts"], {
      env: { ...process.env, DISCORD_TOKEN: "MTIz.sigterm-test.xyz", DISCORD_REST_URL: discord.restUrl, LOG_LEVEL: "info", DATA_DIR: SEED_DIR, STATE_DB: path.join(mkdtempSync(path.join(tmpdir(), "storyline-")), "state.sqlite") },
    });
    child.stdout!.on("data", (chunk) => (output += String(chunk)));
    child.stderr!.on("data", (chunk) => (output += String(chunk)));
    const exited = new Promise<number | null>((resolve) => child!.once("exit", (code) => resolve(code)));
    await expect.poll(() => output, { timeout: 20_000 }).toMatch(/"msg":"Ready"/);

    // Discord goes away: the gateway drops and REST refuses connections.
    await discord.close();
    discord = undefined;
    // Long enough for the client to notice and start reconnecting.
    await new Promise((resolve) => setTimeout(resolve, 1_500));

    const stoppedAt = Date.now();
    child.kill("SIGTERM");
    const code = await Promise.race([exited, new Promise<"still running">((resolve) => setTimeout(() => resolve("still running"), DRAIN_MS + 5_000))]);
    expect(code).toBe(0);
    expect(Date.now() - stoppedAt).toBeLessThan(DRAIN_MS);
    expect(output).toMatch(/"msg":"Stopping"/);
  });
});
