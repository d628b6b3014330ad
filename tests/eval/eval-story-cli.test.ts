import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLI_TIMEOUT, runCli } from "../extract/run-cli.js";

const METRIC_LINE = /^ {2}conditions {2}precision \S+ \(\d+\/\d+\) {2}recall \S+ \(\d+\/\d+\)/m;

describe("eval:story CLI", () => {
  it("ingests the development set and prints per-story and overall metric lines", () => {
    const { status, stdout } = runCli("eval-story.ts", ["eval/dev"]);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^halvorn-truce \(8 articles\)$/m);
    expect(stdout).toMatch(/^kallmark-ridge \(8 articles\)$/m);
    expect(stdout).toMatch(/^miravel-siege \(6 articles\)$/m);
    expect(stdout).toMatch(/^orsk-enclave-talks \(7 articles\)$/m);
    expect(stdout).toMatch(/^tessaly-grain-corridor \(7 articles\)$/m);
    expect(stdout).toMatch(/^overall \(5 stories, 36 articles\)$/m);
    expect(stdout.match(new RegExp(METRIC_LINE.source, "gm"))).toHaveLength(6);
    expect(stdout).toMatch(/^ {2}threads {5}final state \S+ \(\d+\/\d+\) {2}topics per thread \S+ \(\d+\/\d+\) {2}spurious topics \d+/m);
    expect(stdout).toMatch(/^ {2}people {6}real \S+ \(\d+\/\d+\)/m);
  }, CLI_TIMEOUT);

  it("scores one story with --story, lists errors with --errors and writes JSON with --json", () => {
    const text = runCli("eval-story.ts", ["eval/dev", "--story", "halvorn-truce", "--errors"]);
    expect(text.status).toBe(0);
    expect(text.stdout).not.toContain("kallmark-ridge");
    expect(text.stdout).toMatch(/^ {2}missed condition \(\d+\):$/m);

    const json = runCli("eval-story.ts", ["eval/dev/kallmark-ridge", "--json"]);
    expect(json.status).toBe(0);
    const parsed = JSON.parse(json.stdout);
    expect(parsed.stories.map((s: { story: string }) => s.story)).toEqual(["kallmark-ridge"]);
    expect(parsed.overall.conditions.recall.total).toBeGreaterThan(10);
  }, CLI_TIMEOUT);

  it("exits 1 and names the file and field of a broken gold file", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "storyline-eval-"));
    cpSync("eval/dev/halvorn-truce", path.join(dir, "halvorn-truce"), { recursive: true });
    const goldPath = path.join(dir, "halvorn-truce", "gold.json");
    const gold = JSON.parse(readFileSync(goldPath, "utf8"));
    gold.threads[2].states[0].state = "happening";
    writeFileSync(goldPath, JSON.stringify(gold));
    const { status, stderr } = runCli("eval-story.ts", [dir]);
    expect(status).toBe(1);
    expect(stderr).toContain(`${goldPath}: threads[2].states[0].state:`);
  }, CLI_TIMEOUT);

  it("exits 2 on usage errors", () => {
    expect(runCli("eval-story.ts", ["eval/dev", "--frobnicate"]).status).toBe(2);
    const unknown = runCli("eval-story.ts", ["eval/dev", "--story", "no-such-story"]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('no story "no-such-story"');
    expect(runCli("eval-story.ts", ["eval/does-not-exist"]).status).toBe(2);
  }, CLI_TIMEOUT);
});
