import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseGold } from "../../src/core/eval/gold-schema.js";

const base = {
  story: "tiny",
  title: "Tiny",
  parties: [{ name: "Northland" }],
  people: [{ name: "Ana Kos", party: "Northland" }],
  conditions: [{ id: "c", party: "Northland", holder: "Ana Kos", text: "troops leave", mentions: [{ article: "a1", firmness: "firm" }] }],
  threads: [{ id: "t", name: "Ceasefire", kind: "ceasefire", states: [{ state: "agreed", article: "a1" }] }],
};
const parse = (gold: unknown) => parseGold(JSON.stringify(gold), "eval/x/tiny/gold.json", ["a1"]);
const problemsOf = (gold: unknown) => {
  const result = parse(gold);
  return result.ok ? [] : result.problems.map((p) => `${p.file}: ${p.path}: ${p.message}`);
};

describe("parseGold", () => {
  it("accepts a well-formed key", () => {
    expect(parse(base).ok).toBe(true);
  });

  it("names the file and the field of a value the schema rejects", () => {
    const broken = { ...base, conditions: [{ ...base.conditions[0], mentions: [{ article: "a1", firmness: "very firm" }] }] };
    expect(problemsOf(broken)).toEqual([expect.stringMatching(/^eval\/x\/tiny\/gold\.json: conditions\[0\]\.mentions\[0\]\.firmness: /)]);
    expect(problemsOf({ ...base, threads: [{ ...base.threads[0], kind: "picnic" }] })[0]).toContain("threads[0].kind");
    expect(problemsOf({ ...base, threads: [{ ...base.threads[0], states: [] }] })[0]).toContain("threads[0].states: expected at least one state");
  });

  it("names references to parties, people and articles that do not exist", () => {
    const broken = {
      ...base,
      conditions: [{ ...base.conditions[0], party: "Southland", holder: "Nobody", mentions: [{ article: "a9", firmness: "firm" }] }],
      threads: [{ ...base.threads[0], states: [{ state: "agreed", article: "a1.txt" }] }],
    };
    const problems = problemsOf(broken);
    expect(problems).toHaveLength(4);
    expect(problems[0]).toContain('conditions[0].party: unknown party "Southland"');
    expect(problems[1]).toContain('conditions[0].holder: unknown person "Nobody"');
    expect(problems[2]).toContain('conditions[0].mentions[0].article: unknown article "a9"');
    expect(problems[3]).toContain('threads[0].states[0].article: unknown article "a1.txt"');
  });

  it("reports JSON that does not parse, and duplicate ids", () => {
    expect(parseGold("{", "g.json", []).ok).toBe(false);
    expect(problemsOf({ ...base, threads: [base.threads[0], base.threads[0]] })).toEqual([expect.stringContaining('threads: duplicate thread id "t"')]);
  });

  it("accepts every gold file shipped under eval/", () => {
    for (const set of ["dev", "holdout"]) {
      const root = path.join("eval", set);
      for (const story of readdirSync(root, { withFileTypes: true }).filter((e) => e.isDirectory())) {
        const dir = path.join(root, story.name);
        const names = readdirSync(dir).filter((f) => f.endsWith(".txt")).map((f) => f.slice(0, -4));
        const result = parseGold(readFileSync(path.join(dir, "gold.json"), "utf8"), path.join(dir, "gold.json"), names);
        expect(result.ok ? [] : result.problems).toEqual([]);
      }
    }
  });
});
