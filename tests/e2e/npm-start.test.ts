import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type FakeDiscord, startFakeDiscord } from "../fake-discord/index.js";
import { embedsOf, string } from "./harness.js";
import { SEED_DIR } from "../seed.js";

const TOKEN = "MTIz.secret-token-value.xyz";
let discord: FakeDiscord | undefined;
let child: ChildProcess | undefined;
afterEach(async () => {
  child?.kill("SIGKILL");
  await discord?.close();
});

/** `npm start` as a person runs it, with the token and REST URL pointing at the fake. */
describe("npm start with DISCORD_TOKEN", { timeout: 30_000 }, () => {
  it("logs in, answers every command and autocomplete within 3 s, and exits 0 on SIGTERM without logging the token", async () => {
    discord = await startFakeDiscord();
    const heartbeat = path.join(mkdtempSync(path.join(tmpdir(), "storyline-")), "heartbeat");
    let output = "";
    child = spawn("node", ["--import", "tsx", "src/main.ts"], {
      env: { ...process.env, DISCORD_TOKEN: TOKEN, DISCORD_REST_URL: discord.restUrl, LOG_LEVEL: "info", DATA_DIR: SEED_DIR, HEARTBEAT_FILE: heartbeat, STATE_DB: path.join(mkdtempSync(path.join(tmpdir(), "storyline-")), "state.sqlite") },
    });
    child.stdout!.on("data", (chunk) => (output += String(chunk)));
    child.stderr!.on("data", (chunk) => (output += String(chunk)));
    const exited = new Promise<number | null>((resolve) => child!.once("exit", (code) => resolve(code)));
    await expect.poll(() => output, { timeout: 20_000 }).toMatch(/"msg":"Ready"/);
    await expect.poll(() => existsSync(heartbeat), { timeout: 5_000 }).toBe(true);

    for (const spec of [
      { name: "quote", options: [string("speaker", "Peskov")] },
      { name: "conditions", options: [string("party", "russia")] },
      { name: "status" },
      { name: "help" },
    ]) {
      const ix = await discord.sendCommand(spec, { timeoutMs: 3_000 });
      expect(ix.callback!.at - ix.createdAt).toBeLessThan(3_000);
      expect(embedsOf(ix.callback!.data)).toHaveLength(1);
    }
    expect(await discord.sendAutocomplete({ name: "quote", options: [string("speaker", "tru", true)] }, { timeoutMs: 3_000 })).toEqual([
      { name: "Donald Trump — President of the United States", value: "Donald Trump" },
    ]);

    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(output).toMatch(/"msg":"Disconnected from Discord"/);
    expect(output).not.toContain(TOKEN);
    expect(output).not.toContain("secret-token-value");
  });
});
