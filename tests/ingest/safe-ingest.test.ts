import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readTextInput } from "../../src/cli/read-text-input.js";
import { extractArticle } from "../../src/core/extract/extract-article.js";
import { ingestIntoStory } from "../../src/data/ingest-into-story.js";
import { storyDirOf } from "../../src/data/story-paths.js";
import { writeFileAtomic } from "../../src/data/write-atomic.js";
import { CLI_TIMEOUT } from "../extract/run-cli.js";
import { runCliAsync } from "./run-cli-async.js";

const ARTICLE = 'Talks resume in Merrowgate\nMarch 1, 2026\n\nMERROWGATE — "We are ready to talk," said Governor Alina Brask of the Lorrin Valley.\n';
const OTHER = 'Talks resume in Merrowgate\nMarch 1, 2026\n\nMERROWGATE — "Nothing is agreed yet," said Colonel Teo Varga, who leads the northern brigade.\n';

function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), "storyline-safe-ingest-"));
}

function writeInput(dir: string, name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

describe("story ids and paths", () => {
  it("refuses ids that are not kebab-case, and symlinked story folders that leave DATA_DIR", () => {
    const dataDir = tempDir();
    for (const bad of ["../../../escape", "Bad Story/Name", "a/b", ".", "", "x\u0000y", "UPPER", "a".repeat(101)]) {
      expect(() => storyDirOf(dataDir, bad)).toThrow(/not a story id/);
    }
    const outside = tempDir();
    mkdirSync(path.join(dataDir, "stories"), { recursive: true });
    symlinkSync(outside, path.join(dataDir, "stories", "sneaky"));
    expect(() => storyDirOf(dataDir, "sneaky")).toThrow(/leads outside/);
    expect(storyDirOf(dataDir, "lorrin-valley")).toBe(path.resolve(dataDir, "stories", "lorrin-valley"));
  });

  it("the CLI prints the refusal, not a stack, exits 2 and writes nothing", async () => {
    const dataDir = tempDir();
    const input = writeInput(tempDir(), "a.txt", ARTICLE);
    for (const story of ["../../../escape", "Bad Story/Name"]) {
      const { status, stderr } = await runCliAsync("ingest.ts", [input, "--story", story], { DATA_DIR: dataDir });
      expect(status).toBe(2);
      expect(stderr).toMatch(/^ingest: ".*" is not a story id/);
      expect(stderr).not.toMatch(/\n\s+at /);
    }
    expect(existsSync(path.join(dataDir, "stories"))).toBe(false);
    expect(existsSync(path.resolve(dataDir, "../../../escape"))).toBe(false);
  }, 2 * CLI_TIMEOUT);

  it("an unknown option is a usage error with a one-line message", async () => {
    const { status, stderr } = await runCliAsync("ingest.ts", ["--stroy", "x", "a.txt"], { DATA_DIR: tempDir() });
    expect(status).toBe(2);
    expect(stderr).toMatch(/^ingest: Unknown option '--stroy'/);
    expect(stderr).not.toMatch(/\n\s+at /);
  }, CLI_TIMEOUT);
});

describe("hostile input files", () => {
  it("refuses NUL bytes, invalid UTF-8 (Latin-1), oversized files and folders with a clear message", async () => {
    const dir = tempDir();
    expect(await readTextInput(writeInput(dir, "bin.txt", Buffer.from([0x54, 0x65, 0, 0x73])))).toEqual({ error: expect.stringMatching(/bin\.txt looks like a binary file \(a NUL byte at offset 2\)/) });
    const latin1 = Buffer.from("Caf\u00e9 talks in Montr\u00e9al", "latin1");
    expect(await readTextInput(writeInput(dir, "latin1.txt", latin1))).toEqual({ error: expect.stringMatching(/latin1\.txt is not valid UTF-8/) });
    expect(await readTextInput(writeInput(dir, "big.txt", "x".repeat(2000)), 1000)).toEqual({ error: expect.stringMatching(/big\.txt is 0\.0 MB, over the 0\.0 MB limit/) });
    expect(await readTextInput(dir)).toEqual({ error: expect.stringMatching(/is not a file/) });
    expect(await readTextInput(writeInput(dir, "ok.txt", "\ufeffCafé"))).toEqual({ text: "Café" });
  });

  it("the CLI reports each bad file by name and still ingests the good one", async () => {
    const dataDir = tempDir();
    const dir = tempDir();
    const files = [
      writeInput(dir, "bin.txt", Buffer.from([1, 2, 0, 3])),
      writeInput(dir, "latin1.txt", Buffer.from("Caf\u00e9", "latin1")),
      writeInput(dir, "huge.txt", Buffer.alloc(3 * 1024 * 1024, 0x61)),
      writeInput(dir, "good.txt", ARTICLE),
    ];
    const { status, stderr, stdout } = await runCliAsync("ingest.ts", [...files, "--story", "lorrin-valley"], { DATA_DIR: dataDir });
    expect(status).toBe(1);
    expect(stderr).toContain("bin.txt looks like a binary file");
    expect(stderr).toContain("latin1.txt is not valid UTF-8");
    expect(stderr).toContain("huge.txt is 3.0 MB, over the 2.0 MB limit");
    expect(stdout).toContain("good.txt → lorrin-valley/2026-03-01-talks-resume-in-merrowgate (new)");
  }, CLI_TIMEOUT);
});

describe("no silent overwrite", () => {
  it("the CLI refuses a different article with the same date and title, and --replace overwrites it", async () => {
    const dataDir = tempDir();
    const dir = tempDir();
    const first = writeInput(dir, "first.txt", ARTICLE);
    const second = writeInput(dir, "second.txt", OTHER);
    expect((await runCliAsync("ingest.ts", [first, "--story", "lorrin-valley"], { DATA_DIR: dataDir })).status).toBe(0);
    const file = path.join(dataDir, "stories", "lorrin-valley", "articles", "2026-03-01-talks-resume-in-merrowgate.json");
    const before = readFileSync(file, "utf8");
    expect(before).toContain("Alina Brask");

    const refused = await runCliAsync("ingest.ts", [second, "--story", "lorrin-valley"], { DATA_DIR: dataDir });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("already holds a different article with the same date and title; nothing was written");
    expect(readFileSync(file, "utf8")).toBe(before);

    const again = await runCliAsync("ingest.ts", [first, "--story", "lorrin-valley"], { DATA_DIR: dataDir });
    expect(again.stdout).toContain("(unchanged)");

    const replaced = await runCliAsync("ingest.ts", [second, "--story", "lorrin-valley", "--replace"], { DATA_DIR: dataDir });
    expect(replaced.status).toBe(0);
    expect(replaced.stdout).toContain("(updated)");
    expect(readFileSync(file, "utf8")).toContain("Teo Varga");
  }, 4 * CLI_TIMEOUT);

  it("with new-id, the second article gets its own id and the first stays", async () => {
    const dataDir = tempDir();
    const a = await ingestIntoStory(dataDir, "lorrin-valley", extractArticle(ARTICLE, { fallbackDate: "2026-03-01" }), { onCollision: "new-id" });
    const b = await ingestIntoStory(dataDir, "lorrin-valley", extractArticle(OTHER, { fallbackDate: "2026-03-01" }), { onCollision: "new-id" });
    const c = await ingestIntoStory(dataDir, "lorrin-valley", extractArticle(OTHER, { fallbackDate: "2026-03-01" }), { onCollision: "new-id" });
    expect([a.articleId, a.status]).toEqual(["2026-03-01-talks-resume-in-merrowgate", "new"]);
    expect([b.articleId, b.status]).toEqual(["2026-03-01-talks-resume-in-merrowgate-2", "new"]);
    expect([c.articleId, c.status]).toEqual(["2026-03-01-talks-resume-in-merrowgate-2", "unchanged"]);
    expect(readdirSync(path.join(dataDir, "stories", "lorrin-valley", "articles"))).toHaveLength(2);
  });

  it("a broken story.json is named down to the field and nothing is written", async () => {
    const dataDir = tempDir();
    const storyDir = path.join(dataDir, "stories", "lorrin-valley");
    mkdirSync(storyDir, { recursive: true });
    writeFileSync(path.join(storyDir, "story.json"), JSON.stringify({ id: "lorrin-valley", title: "", keywords: [] }));
    await expect(ingestIntoStory(dataDir, "lorrin-valley", extractArticle(ARTICLE, { fallbackDate: "2026-03-01" }), { onCollision: "refuse" })).rejects.toThrow(
      /story\.json: title: expected non-empty text/,
    );
    expect(existsSync(path.join(storyDir, "articles"))).toBe(false);
  });
});

describe("atomic writes", () => {
  it("leaves the old file and no temp file behind when the write cannot finish", async () => {
    const dir = tempDir();
    const target = path.join(dir, "story.json");
    mkdirSync(target); // a folder in the way makes the final rename fail
    await expect(writeFileAtomic(target, "{}")).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(["story.json"]);
    const file = path.join(dir, "a.json");
    await writeFileAtomic(file, "one");
    await writeFileAtomic(file, "two");
    expect(readFileSync(file, "utf8")).toBe("two");
    expect(readdirSync(dir).sort()).toEqual(["a.json", "story.json"]);
  });
});
