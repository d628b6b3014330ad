import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { SEED_DIR } from "../seed.js";

const run = promisify(execFile);

/** The real `npm run ask` entry point, as a person runs it. */
async function ask(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return askWith({ DATA_DIR: SEED_DIR }, ...args);
}

async function askWith(env: Record<string, string>, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run("node", ["--import", "tsx", "src/console/ask.ts", ...args], { env: { ...process.env, LOG_LEVEL: "info", ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("npm run ask", { timeout: 20_000 }, () => {
  it("answers one line as text and exits 0, with nothing but the answer on stdout", async () => {
    const result = await ask("/quote speaker:Peskov");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Quotes from Dmitry Peskov\n/);
    expect(result.stdout).toContain("“Many different communications are emerging”");
    expect(result.stderr).toBe("");
  });

  it("takes a value with spaces as typed, up to the next option", async () => {
    const result = await ask("/quote speaker:Dmitry Peskov query:communications");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Quotes matching "communications" from Dmitry Peskov\n/);
    const full = await ask("/quote speaker:Dmitry Peskov");
    expect(full.code).toBe(0);
    expect(full.stdout).toMatch(/^Quotes from Dmitry Peskov\n/);
  });

  it("prints the Discord payload with --json", async () => {
    const result = await ask("--json", '/quote query:"people stop dying"');
    expect(result.code).toBe(0);
    const payload = JSON.parse(result.stdout);
    expect(payload.allowedMentions).toEqual({ parse: [] });
    expect(payload.embeds[0].fields[0].value).toContain("He (Putin) wants to see people stop dying.");
  });

  it("previews a digest since a date", async () => {
    const result = await ask("/digest preview since:2025-02-01");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Preview: only you see this\.\n\nWhat changed · Talks to end the war in Ukraine\n/);
  });

  it("exits 2 with a clear message for an unknown command, an unknown option or a malformed line", async () => {
    for (const [line, message] of [
      ["/quotes", "Unknown command /quotes"],
      ["/quote who:x", 'Unknown option "who" for /quote'],
      ['/quote query:"open', "opens a quote that never closes"],
    ]) {
      const result = await ask(line!);
      expect(result.code, line).toBe(2);
      expect(result.stderr).toContain(message);
      expect(result.stdout).toBe("");
    }
  });

  it("reports a broken data file by file and field, and still answers from the rest", async () => {
    const dataDir = path.join(mkdtempSync(path.join(tmpdir(), "storyline-ask-")), "data");
    cpSync(SEED_DIR, dataDir, { recursive: true });
    writeFileSync(path.join(dataDir, "stories/ukraine-peace-talks/articles/2025-03-01-broken.json"), JSON.stringify({ id: "broken", title: "x", date: "March" }));
    const result = await askWith({ DATA_DIR: dataDir }, "/quote speaker:Peskov");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Quotes from Dmitry Peskov/);
    expect(result.stderr).toContain("2025-03-01-broken.json: date: expected a date as YYYY-MM-DD");
    expect(result.stderr).toContain("2025-03-01-broken.json: source: Invalid input");
  });

  it("exits 1 with a clear message when no story is valid", async () => {
    const dataDir = path.join(mkdtempSync(path.join(tmpdir(), "storyline-ask-")), "data");
    mkdirSync(path.join(dataDir, "stories"), { recursive: true });
    const result = await askWith({ DATA_DIR: dataDir }, "/status");
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`No valid story in ${dataDir}/stories.\n`);
  });
});
