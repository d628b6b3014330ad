import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generateCorpus } from "../../bench/corpus/generate-story.js";
import { seededRandom, zipfSampler } from "../../bench/corpus/random.js";
import { writeCorpus } from "../../bench/corpus/write-corpus.js";
import { buildCatalog } from "../../src/core/build-catalog.js";
import { readDataFiles } from "../../src/data/read-data-files.js";
import { dataFiles } from "../builders.js";

const catalogOf = (quotes: number, seed = 1) => {
  const corpus = generateCorpus({ quotes, seed });
  return buildCatalog(dataFiles(corpus.story, [...corpus.articles()]));
};

describe("the corpus generator", () => {
  it("writes valid story data with exactly the quotes asked for, about twenty to an article", () => {
    const { catalog, problems } = catalogOf(3000);
    expect(problems).toEqual([]);
    const story = catalog.stories[0]!;
    expect(story.quotes).toHaveLength(3000);
    expect(story.quotes.length / story.articles.length).toBeGreaterThan(17);
    expect(story.quotes.length / story.articles.length).toBeLessThan(23);
    expect(story.conditions.length).toBeGreaterThan(0);
    expect(story.status.length).toBeGreaterThan(0);
    expect(new Set(story.quotes.map((q) => q.speaker.id)).size).toBeGreaterThan(10);
  });

  it("gives speakers name variants: diacritics, the plain spelling and other transliterations", () => {
    const people = generateCorpus({ quotes: 3000 }).story.people;
    expect(people.some((p) => p.name !== p.name.normalize("NFKD").replace(/\p{M}/gu, ""))).toBe(true);
    const ruznjak = people.find((p) => p.name.endsWith("Ružnják"))!;
    expect(ruznjak.aliases).toContain("Ružnják");
    expect(ruznjak.aliases.some((a) => a.endsWith("Ruznjak"))).toBe(true);
    expect(people.find((p) => p.name.endsWith("Zelenskyy"))!.aliases).toEqual(expect.arrayContaining(["Zelensky", "Zelenskiy"]));
  });

  it("is the same for the same seed and differs for another", () => {
    const json = (seed: number) => {
      const corpus = generateCorpus({ quotes: 500, seed });
      return JSON.stringify([corpus.story, [...corpus.articles()]]);
    };
    expect(json(3)).toBe(json(3));
    expect(json(3)).not.toBe(json(4));
  });

  it("draws words with a Zipf-like skew: a few are everywhere, most are rare", () => {
    const draw = zipfSampler(1000, 1, seededRandom(1));
    const counts = new Array<number>(1000).fill(0);
    for (let i = 0; i < 20_000; i++) counts[draw()]! += 1;
    expect(counts[0]!).toBeGreaterThan(counts[9]! * 4);
    expect(counts.filter((c) => c > 0).length).toBeGreaterThan(500);
  });

  it("writes a data directory the bot loads as it is", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "storyline-corpus-"));
    try {
      const written = await writeCorpus(generateCorpus({ quotes: 400 }), dir);
      const { catalog, problems } = buildCatalog(await readDataFiles(dir));
      expect(problems).toEqual([]);
      expect(catalog.stories[0]!.quotes).toHaveLength(written.quotes);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
