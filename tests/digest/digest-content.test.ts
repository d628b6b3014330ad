import { describe, expect, it } from "vitest";
import { digestChanges, digestSince, digestSummary } from "../../src/core/digest.js";
import { articleFile, catalogOf, storyFile } from "../builders.js";

const first = articleFile({
  id: "a1",
  date: "2025-03-01",
  quotes: [{ speaker: "ana-ruznjak", text: "The border stays where it is today.", kind: "direct" }],
  conditions: [{ party: "north", holder: "ana-ruznjak", text: "Southland withdraws first", firmness: "firm" }],
  status: [{ topic: "border-talks", state: "proposed", detail: "Talks proposed for March", date: "2025-03-01" }],
});
const second = articleFile({
  id: "a2",
  date: "2025-03-05",
  quotes: [
    { speaker: "boris-kovalenko", text: "We are ready to meet next week in Geneva.", kind: "direct" },
    { speaker: "boris-kovalenko", text: "ok", kind: "direct" },
    { speaker: "ana-ruznjak", text: "Northland will attend the talks.", kind: "reported" },
  ],
  status: [
    { topic: "border-talks", state: "scheduled", detail: "Talks set for 12 March in Geneva", date: "2025-03-05" },
    { topic: "ceasefire", state: "agreed", detail: "A ceasefire starts at midnight", date: "2025-03-05" },
  ],
});
const story = catalogOf(storyFile(), [first, second]).stories[0]!;

describe("digest content", () => {
  it("holds only what the new articles changed, with each thread's old and new state", () => {
    const content = digestChanges(story, new Set(["a1"]));
    expect(content.kind).toBe("changes");
    expect(content.articles.map((a) => a.id)).toEqual(["a2"]);
    expect(content.threads.map((t) => [t.topic.name, t.from?.state, t.to.state])).toEqual([
      ["Border talks", "proposed", "scheduled"],
      ["Ceasefire", undefined, "agreed"],
    ]);
    expect(content.conditions).toEqual([]);
    expect(content.quotes.map((q) => q.text)).toEqual(["We are ready to meet next week in Geneva.", "Northland will attend the talks.", "ok"]);
  });

  it("is empty when every article was delivered", () => {
    const content = digestChanges(story, new Set(["a1", "a2"]));
    expect(content.articles).toEqual([]);
    expect(content.threads).toEqual([]);
  });

  it("takes the articles dated on or after a date", () => {
    expect(digestSince(story, "2025-03-02").articles.map((a) => a.id)).toEqual(["a2"]);
    expect(digestSince(story, "2025-03-01").articles.map((a) => a.id)).toEqual(["a2", "a1"]);
  });

  it("sums up where things stand for a first digest, not the whole history", () => {
    const content = digestSummary(story);
    expect(content.kind).toBe("summary");
    expect(content.threads.map((t) => [t.topic.name, t.from, t.to.state])).toEqual([
      ["Border talks", undefined, "scheduled"],
      ["Ceasefire", undefined, "agreed"],
    ]);
    expect(content.quotes.length).toBeLessThanOrEqual(3);
    expect(content.conditions).toEqual([]);
  });
});
