import { describe, expect, it } from "vitest";
import { type GoldStory, goldStorySchema } from "../../src/core/eval/gold-schema.js";
import { scoreStory } from "../../src/core/eval/score-story.js";
import { textSimilarity } from "../../src/core/eval/text-overlap.js";
import type { ArticleFile, StoryFile } from "../../src/core/schema.js";
import { articleFile, catalogOf } from "../builders.js";

const gold: GoldStory = goldStorySchema.parse({
  story: "test-story",
  title: "Test story",
  parties: [
    { name: "Northland", aliases: ["the North"] },
    { name: "Southland", aliases: [] },
  ],
  people: [
    { name: "Ana Ružnják", aliases: ["Ružnják"], party: "Northland" },
    { name: "Boris Kovalenko", aliases: ["Kovalenko"], party: "Southland" },
  ],
  speakers: ["a Southland official"],
  notPeople: ["Tarn Pass", "Quessanian effort"],
  conditions: [
    {
      id: "tarn-withdrawal",
      party: "Northland",
      holder: "Ana Ružnják",
      text: "troops withdraw from the Tarn Pass",
      mentions: [
        { article: "a1", firmness: "firm" },
        { article: "a2", firmness: "non-negotiable" },
      ],
    },
    { id: "prisoners", party: "Southland", holder: "Boris Kovalenko", text: "release of all prisoners", mentions: [{ article: "a1", firmness: "stated" }] },
    { id: "elections", party: "Southland", text: "free elections in the border districts", mentions: [{ article: "a2", firmness: "firm" }] },
  ],
  threads: [
    {
      id: "summit",
      name: "Border summit",
      kind: "meeting",
      aliases: ["leaders' meeting", "summit in Lirenne"],
      states: [
        { state: "proposed", article: "a1" },
        { state: "held", article: "a2" },
      ],
    },
    {
      id: "ceasefire",
      name: "Ceasefire",
      kind: "ceasefire",
      aliases: ["truce"],
      states: [
        { state: "agreed", article: "a1" },
        { state: "violated", article: "a2" },
      ],
    },
    { id: "exchange", name: "Prisoner exchange", kind: "exchange", aliases: [], states: [{ state: "proposed", article: "a2" }] },
  ],
});

const story: StoryFile = {
  id: "test-story",
  title: "Test story",
  summary: "Made up.",
  parties: [
    { id: "north", name: "Northland", aliases: ["the North"] },
    { id: "south", name: "Southland", aliases: [] },
  ],
  people: [
    { id: "ana-ruznjak", name: "Ana Ružnják", aliases: [], party: "north" },
    { id: "boris", name: "President Boris Kovalenko", aliases: [] },
    { id: "tarn-pass", name: "Tarn Pass", aliases: [] },
    { id: "official", name: "Southland official", aliases: [] },
    { id: "weather", name: "Weather", aliases: [] },
  ],
  topics: [
    { id: "lirenne-summit", name: "Lirenne summit", aliases: [] },
    { id: "leaders-meeting", name: "leaders' meeting", aliases: [] },
    { id: "truce", name: "Truce", aliases: [] },
    { id: "quessanian-effort", name: "Quessanian effort", aliases: [] },
  ],
};

const a1: ArticleFile = articleFile({
  id: "2025-03-01-a1",
  date: "2025-03-01",
  conditions: [
    // Right party, right text, right firmness and holder.
    { party: "north", holder: "ana-ruznjak", text: "Northland troops must withdraw from the Tarn Pass", firmness: "firm" },
    // Text of a Southland condition under the wrong party.
    { party: "north", text: "release of all prisoners", firmness: "stated" },
    // A fragment that is no condition at all.
    { party: "south", text: "on Tuesday", firmness: "firm" },
  ],
  status: [
    { topic: "lirenne-summit", state: "proposed", detail: "Proposed.", date: "2025-03-01" },
    { topic: "truce", state: "agreed", detail: "Agreed.", date: "2025-03-01" },
  ],
});

const a2: ArticleFile = articleFile({
  id: "2025-03-05-a2",
  date: "2025-03-05",
  conditions: [
    // A copy of the restated condition, with the old firmness and no holder.
    { party: "north", text: "troops withdraw from Tarn Pass", firmness: "firm" },
    // A partial overlap that is close enough (0.89) ...
    { party: "south", text: "free and fair elections in the border districts", firmness: "firm" },
    // ... and one that is not (0.40).
    { party: "south", text: "elections", firmness: "firm" },
  ],
  status: [
    { topic: "leaders-meeting", state: "held", detail: "Held.", date: "2025-03-05" },
    { topic: "truce", state: "in-effect", detail: "Holding.", date: "2025-03-05" },
    { topic: "quessanian-effort", state: "held", detail: "Held.", date: "2025-03-05" },
  ],
});

const articles = [
  { name: "a1", id: a1.id, date: a1.date },
  { name: "a2", id: a2.id, date: a2.date },
];

describe("scoreStory", () => {
  const score = scoreStory(gold, catalogOf(story, [a1, a2]).stories[0]!, articles);

  it("counts a condition right only with the right party and enough shared words", () => {
    expect(score.conditions.precision).toEqual({ hit: 3, total: 6 });
    expect(score.conditions.recall).toEqual({ hit: 2, total: 3 });
    const kinds = score.errors.map((e) => e.kind);
    expect(kinds.filter((k) => k === "wrong party")).toHaveLength(1);
    expect(kinds.filter((k) => k === "false condition")).toHaveLength(2);
    expect(score.errors.find((e) => e.kind === "missed condition")?.message).toContain("prisoners");
  });

  it("judges firmness against the mention of the same article, and counts copies of a restated condition", () => {
    expect(score.conditions.firmness).toEqual({ hit: 2, total: 3 });
    expect(score.errors.find((e) => e.kind === "wrong firmness")?.message).toContain("gold non-negotiable");
    expect(score.conditions.holder).toEqual({ hit: 1, total: 2 });
    expect(score.conditions.copies).toBe(1);
  });

  it("maps topics to threads by names and articles, and reports fragments, spurious topics and missing threads", () => {
    expect(score.threads.topics).toBe(3);
    expect(score.threads.threadsWithTopics).toBe(2);
    expect(score.threads.spurious).toBe(1);
    expect(score.threads.missing).toBe(1);
    expect(score.errors.find((e) => e.kind === "fragmented thread")?.message).toMatch(/Border summit.*Lirenne summit.*leaders' meeting/);
    expect(score.errors.find((e) => e.kind === "spurious topic")?.message).toContain("Quessanian effort");
  });

  it("takes a thread's final state from the latest item of all its topics", () => {
    // The summit ends "held" across its two fragments; the truce ends in-effect, not violated; no exchange at all.
    expect(score.threads.finalState).toEqual({ hit: 1, total: 3 });
    expect(score.threads.steps).toEqual({ hit: 3, total: 5 });
    expect(score.errors.find((e) => e.kind === "wrong final state")?.message).toContain("Ceasefire: in-effect");
  });

  it("counts gold people, listed speakers and sides as real, places and phrases against", () => {
    expect(score.people.real).toEqual({ hit: 3, total: 5 });
    expect(score.people.traps).toBe(1);
    const notPeople = score.errors.filter((e) => e.kind === "not a person").map((e) => e.message);
    expect(notPeople).toEqual(['Tarn Pass is the place or phrase "Tarn Pass"', "Weather"]);
  });

  it("judges a condition that a restatement updated (a later date) by the latest mention", () => {
    const updated = articleFile({
      id: "2025-03-01-a1",
      date: "2025-03-01",
      conditions: [{ party: "north", holder: "ana-ruznjak", text: "troops withdraw from the Tarn Pass", firmness: "non-negotiable", date: "2025-03-05" }],
    });
    const result = scoreStory(gold, catalogOf(story, [updated, articleFile({ id: a2.id, date: a2.date })]).stories[0]!, articles);
    expect(result.conditions.firmness).toEqual({ hit: 1, total: 1 });
    expect(result.conditions.copies).toBe(0);
  });

  it("scores a perfect system perfectly", () => {
    const perfect = articleFile({
      id: "2025-03-01-a1",
      date: "2025-03-01",
      conditions: [{ party: "north", holder: "ana-ruznjak", text: "troops withdraw from the Tarn Pass", firmness: "firm" }],
      status: [{ topic: "truce", state: "violated", detail: "Broken.", date: "2025-03-01" }],
    });
    const small = goldStorySchema.parse({ ...gold, conditions: [gold.conditions[0]], threads: [{ ...gold.threads[1], states: [{ state: "violated", article: "a1" }] }] });
    const result = scoreStory(small, catalogOf({ ...story, people: story.people.slice(0, 2) }, [perfect]).stories[0]!, articles.slice(0, 1));
    expect(result.conditions.precision).toEqual({ hit: 1, total: 1 });
    expect(result.conditions.recall).toEqual({ hit: 1, total: 1 });
    expect(result.threads.finalState).toEqual({ hit: 1, total: 1 });
    expect(result.threads.topics / result.threads.threadsWithTopics).toBe(1);
    expect(result.people.real).toEqual({ hit: 2, total: 2 });
    expect(result.errors).toEqual([]);
  });
});

describe("textSimilarity", () => {
  it("is the Dice overlap of content stems, blind to case, accents, plurals and cue words", () => {
    expect(textSimilarity("Withdrawal of TROOPS from Vrana Dol", "troop withdraw from vrána dol")).toBe(1);
    expect(textSimilarity("Kestria insists on the release of prisoners", "release prisoners")).toBeCloseTo(0.8);
    expect(textSimilarity("talks in Castrelle", "the Castrelle summit")).toBe(1);
    expect(textSimilarity("on Tuesday", "release of prisoners")).toBe(0);
  });
});
