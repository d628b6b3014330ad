import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLI_TIMEOUT, runCli } from "./run-cli.js";

// A two-article corpus laid out like PolNeAR: data/<split>/text/*.txt and data/<split>/attributions/*_<annotator>.ann.
function makeCorpus(): string {
  const root = mkdtempSync(path.join(tmpdir(), "storyline-polnear-"));
  const write = (name: string, text: string, ann: (at: (s: string) => string) => string) => {
    const at = (needle: string) => {
      const start = text.indexOf(needle);
      return `${start} ${start + needle.length}`;
    };
    for (const dir of ["text", "attributions"]) mkdirSync(path.join(root, "data", "dev", dir), { recursive: true });
    writeFileSync(path.join(root, "data", "dev", "text", `${name}.txt`), text);
    writeFileSync(path.join(root, "data", "dev", "attributions", `${name}_abcd.ann`), ann(at));
  };
  write(
    "a",
    "“The bridge will reopen in spring,” Mayor Lena Brandt said. She spoke of a “good day” at the offices of the “Harbour Town Gazette”.",
    (at) => `T1\tSource ${at("Mayor Lena Brandt")}\tx\nT2\tContent ${at("“The bridge will reopen in spring,”")}\tx\nE1\tAttribution:T2 Content:T2 Source:T1\n`,
  );
  write(
    "b",
    "Engineer Omar Haddad said: “Every cable has been replaced.”",
    (at) => `T1\tSource ${at("Engineer Omar Haddad")}\tx\nT2\tContent ${at("“Every cable has been replaced.”")}\tx\nE1\tAttribution:T2 Content:T2 Source:T1\n`,
  );
  return root;
}

describe("eval:quotes CLI", () => {
  const root = makeCorpus();
  const expected = ["precision 1.000  recall 1.000  F1 1.000", "speaker accuracy 1.000 (2/2"];

  it("scores a checkout", () => {
    const { status, stdout } = runCli("eval-quotes.ts", [root, "--split", "dev"]);
    expect(status).toBe(0);
    expect(stdout).toContain("2 articles, 2 gold quotes");
    for (const line of expected) expect(stdout).toContain(line);
  }, CLI_TIMEOUT);

  it("scores a bare git directory the same way", () => {
    const git = (...args: string[]) => spawnSync("git", args, { cwd: root, encoding: "utf8" });
    git("init", "-q");
    git("add", "data");
    git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "corpus");
    const { status, stdout } = runCli("eval-quotes.ts", [path.join(root, ".git"), "--split", "dev"]);
    expect(status).toBe(0);
    for (const line of expected) expect(stdout).toContain(line);
  }, CLI_TIMEOUT);

  it("scores the issue's baseline with --baseline: every quoted span of three words, nearest name", () => {
    const { status, stdout } = runCli("eval-quotes.ts", [root, "--split", "dev", "--baseline"]);
    expect(status).toBe(0);
    expect(stdout).toContain("(baseline): 2 articles, 2 gold quotes, 3 predicted");
    expect(stdout).toContain("precision 0.667  recall 1.000  F1 0.800");
    expect(stdout).toContain("speaker accuracy 1.000 (2/2");
  }, CLI_TIMEOUT);

  it("refuses a missing split", () => {
    expect(runCli("eval-quotes.ts", [root, "--split", "train"]).status).toBe(1);
  }, CLI_TIMEOUT);
});
