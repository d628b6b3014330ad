import { describe, expect, it } from "vitest";
import { emptyStory, ingestTexts, loadIngested } from "../../src/core/ingest/ingest-texts.js";

const later = `Envoys meet again in Lirenne
March 9, 2025

LIRENNE (Test Wire) — Northland and Southland envoys met again on Sunday.

"We are close," said Northland Foreign Minister Ana Ružnják.
`;
const earlier = `Envoys meet in Lirenne
March 2, 2025

LIRENNE (Test Wire) — Northland and Southland envoys met on Sunday.

"It was a start," said Northland Foreign Minister Ana Ružnják.
`;

describe("ingestTexts", () => {
  it("merges articles oldest first whatever the input order, and loads them as the bot would", () => {
    const result = ingestTexts(emptyStory("lirenne"), [
      { name: "b", text: later, fallbackDate: "2025-01-01" },
      { name: "a", text: earlier, fallbackDate: "2025-01-01" },
    ]);
    expect(result.ingested.map((i) => [i.name, i.date])).toEqual([
      ["a", "2025-03-02"],
      ["b", "2025-03-09"],
    ]);
    const { story, problems } = loadIngested(result);
    expect(problems).toEqual([]);
    expect(story?.articles.map((a) => a.title)).toEqual(["Envoys meet in Lirenne", "Envoys meet again in Lirenne"]);
    // One person across both articles, as ingest merges them.
    expect(story?.people.filter((p) => p.name.includes("Ružnják"))).toHaveLength(1);
    expect(story?.quotes.map((q) => q.text)).toEqual(["It was a start", "We are close"]);
  });

  it("keeps one article per id, the later input replacing the earlier, as ingest rewrites a file", () => {
    const result = ingestTexts(emptyStory("lirenne"), [
      { name: "a", text: earlier, fallbackDate: "2025-01-01" },
      { name: "a-again", text: earlier, fallbackDate: "2025-01-01" },
    ]);
    expect(result.articles.size).toBe(1);
    expect(loadIngested(result).story?.articles).toHaveLength(1);
  });
});
