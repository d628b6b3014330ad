import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { type ArticleFile, articleSchema } from "../../src/core/schema.js";
import { extract, fixture } from "./extract-helpers.js";
import { SEED_DIR } from "../seed.js";

// The hand-made seed article (a copy of the one in data/) was written from the same text as the fixture.
const seedDir = path.join(SEED_DIR, "stories", "ukraine-peace-talks", "articles");
const handMade: ArticleFile = articleSchema.parse(
  JSON.parse(readFileSync(path.join(seedDir, readdirSync(seedDir).find((f) => f.startsWith("2025-02-09-trump-says"))!), "utf8")),
);

describe("the seed article, extracted", () => {
  const { article } = extract(fixture("seed-2025-02-09-ukraine.txt"));

  it("reproduces the hand-made direct quotes with their speakers, in order", () => {
    const direct = (a: ArticleFile) => a.quotes.filter((q) => q.kind === "direct").map((q) => [q.speaker, q.text]);
    expect(direct(article)).toEqual(direct(handMade));
  });

  it("reproduces the hand-made date and dateline", () => {
    expect(article.date).toBe(handMade.date);
    expect(article.dateline).toBe(handMade.dateline);
  });

  it("names the speakers the hand-made data names", () => {
    const ids = article.people.map((p) => p.id);
    for (const id of ["donald-trump", "vladimir-putin", "dmitry-peskov", "russian-lawmakers"]) expect(ids).toContain(id);
  });
});
