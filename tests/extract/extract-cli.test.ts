import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { articleSchema } from "../../src/core/schema.js";
import { FIXTURES } from "./extract-helpers.js";
import { CLI_TIMEOUT, runCli } from "./run-cli.js";

describe("extract CLI", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "storyline-extract-"));
  const empty = path.join(dir, "empty.txt");
  writeFileSync(empty, "  \n");
  const missing = path.join(dir, "missing.txt");
  const good = path.join(FIXTURES, "zelensky-visit.txt");

  it("prints one JSON line per file, an error line for an empty or unreadable file, and the rest still", () => {
    const { status, stdout, stderr } = runCli("extract.ts", [empty, good, missing, path.join(FIXTURES, "grain-corridor.txt")]);
    const lines = stdout.trim().split("\n").map((line) => JSON.parse(line));
    expect(lines.map((l) => l.file)).toEqual([empty, good, missing, path.join(FIXTURES, "grain-corridor.txt")]);
    expect(lines[0].error).toMatch(/empty/);
    expect(lines[2].error).toMatch(/cannot read/);
    expect(articleSchema.safeParse(lines[1].article).success).toBe(true);
    expect(articleSchema.safeParse(lines[3].article).success).toBe(true);
    expect(lines[1].article.quotes.length).toBeGreaterThan(0);
    expect(stderr).toContain("empty.txt is empty");
    expect(stderr).toContain("missing.txt");
    expect(status).toBe(1);
  }, CLI_TIMEOUT);

  it("exits 0 when every file comes out", () => {
    const { status, stdout } = runCli("extract.ts", [good]);
    expect(status).toBe(0);
    expect(stdout.trim().split("\n")).toHaveLength(1);
  }, CLI_TIMEOUT);
});
