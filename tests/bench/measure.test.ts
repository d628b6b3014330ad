import { describe, expect, it } from "vitest";
import { generateCorpus } from "../../bench/corpus/generate-story.js";
import { seededRandom } from "../../bench/corpus/random.js";
import { hitRate } from "../../bench/measure/hit-rate.js";
import { percentile, summarise } from "../../bench/measure/percentiles.js";
import { typo } from "../../bench/measure/perturb.js";
import { autocompleteQueries, qualityQueries, quoteQueries } from "../../bench/measure/queries.js";
import { checkLiveTargets, checkTargets, formatLiveTable, formatTable, type LiveReloadResult, type MethodResult } from "../../bench/report.js";
import { buildCatalog } from "../../src/core/build-catalog.js";
import { dataFiles } from "../builders.js";

describe("percentiles", () => {
  it("uses the nearest rank", () => {
    const samples = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(samples, 50)).toBe(50);
    expect(percentile(samples, 99)).toBe(99);
    expect(percentile(samples, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
    expect(Number.isNaN(percentile([], 50))).toBe(true);
  });

  it("summarises unsorted samples", () => {
    expect(summarise([5, 1, 3, 2, 4])).toEqual({ count: 5, p50: 3, p95: 5, p99: 5, max: 5 });
  });
});

describe("hit rates", () => {
  it("counts the expected quote first, and among the first five", () => {
    const rate = hitRate([
      { expected: "a", found: ["a", "b"] },
      { expected: "a", found: ["b", "c", "d", "e", "a"] },
      { expected: "a", found: ["b", "c", "d", "e", "f", "a"] },
      { expected: "a", found: [] },
    ]);
    expect(rate).toEqual({ count: 4, top1: 0.25, top5: 0.5 });
  });
});

describe("query perturbation", () => {
  it("makes one edit, keeps the first letter and leaves short words alone", () => {
    const random = seededRandom(5);
    for (let i = 0; i < 200; i++) {
      const word = "negotiations";
      const changed = typo(word, random);
      expect(changed[0]).toBe("n");
      expect(Math.abs(changed.length - word.length)).toBeLessThanOrEqual(1);
      expect(osaWithin1(word, changed)).toBe(true);
    }
    expect(typo("war", random)).toBe("war");
  });

  const corpus = generateCorpus({ quotes: 2000, seed: 2 });
  const story = buildCatalog(dataFiles(corpus.story, [...corpus.articles()])).catalog.stories[0]!;

  it("builds quality queries from known quotes, with words from that quote", () => {
    const queries = qualityQueries(story, 50, 1);
    expect(queries).toHaveLength(50);
    for (const q of queries) {
      const text = story.quotes.find((x) => x.id === q.expected)!.text.toLowerCase();
      const words = q.query.split(" ");
      expect(words.length).toBeGreaterThanOrEqual(2);
      // All words but the mistyped one appear as they are.
      expect(words.filter((w) => text.includes(w.toLowerCase())).length).toBeGreaterThanOrEqual(words.length - 1);
    }
    expect(qualityQueries(story, 20, 1)).toEqual(qualityQueries(story, 20, 1));
  });

  it("mixes the kinds of /quote query and types names keystroke by keystroke", () => {
    const kinds = new Set(quoteQueries(story, 300, 1).map((q) => q.kind));
    expect([...kinds].sort()).toEqual(["phrase", "prefix", "speaker typo", "words and speaker", "words typo"]);
    const typed = autocompleteQueries(story, 50, 1).map((q) => q.typed);
    expect(typed).toHaveLength(50);
    expect(typed.some((t) => t.length === 1)).toBe(true);
  });
});

describe("the report", () => {
  const result = (method: MethodResult["method"], p99: number, top5: number): MethodResult => ({
    method,
    quotes: 1000,
    readyMs: 1200,
    loadMs: 900,
    heapMb: 20,
    rssMb: 120,
    quote: { count: 300, p50: 1, p95: 2, p99, max: p99 },
    autocomplete: { count: 300, p50: 0.1, p95: 0.2, p99: p99 / 10, max: 1 },
    hits: { count: 300, top1: 0.9, top5 },
    notes: [],
  });

  it("prints a row per method and says whether Storyline beats each baseline", () => {
    const results = [result("storyline", 2, 0.99), result("fuse", 50, 0.9), result("minisearch", 1, 0.99)];
    expect(formatTable(results).split("\n")).toHaveLength(5);
    expect(checkTargets(results)).toEqual([
      "N=1000: vs fuse.js over all: /quote p99 faster, autocomplete p99 faster, hit rate as good or better",
      "N=1000: vs MiniSearch alone: /quote p99 NOT faster, autocomplete p99 NOT faster, hit rate as good or better",
    ]);
  });
});

function osaWithin1(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length === b.length) {
    const diff = [...a].map((c, i) => (c === b[i] ? -1 : i)).filter((i) => i >= 0);
    return diff.length === 1 || (diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!]);
  }
  const [long, short] = a.length > b.length ? [a, b] : [b, a];
  return [...long].some((_, i) => long.slice(0, i) + long.slice(i + 1) === short);
}

describe("the live reload report", () => {
  const summary = (p99: number, max: number) => ({ count: 100, p50: 3, p95: 20, p99, max });
  const run: LiveReloadResult = {
    mode: "incremental",
    quotes: 1_000_000,
    files: 10,
    everyMs: 250,
    answers: summary(44, 80),
    unanswered: 0,
    answerableMs: 550,
    allFound: true,
    settle: { answers: summary(97, 480), unanswered: 1, ms: 41_000, quietMs: 1_000 },
  };

  it("shows the rebuild and save after the window on a row of its own, and judges only the window by the targets", () => {
    const table = formatLiveTable([run]).split("\n");
    expect(table).toHaveLength(4);
    expect(table[2]).toContain("| incremental |");
    expect(table[3]).toContain("index rebuilt whole and saved");
    expect(table[3]).toContain("| 480 |");
    expect(table[3]).toContain("1 never answered");
    const [line] = checkLiveTargets([run]);
    expect(line).toMatch(/p99 44\.0 ms \(target ≤ 100\): met; max 80\.0 ms \(target ≤ 250\): met; new words after 0\.55 s \(target ≤ 3\): met/);
    expect(line).toContain("p99 97.0 ms, max 480 ms, 1 never answered");
  });
});
