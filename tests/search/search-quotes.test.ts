import { describe, expect, it } from "vitest";
import { searchQuotes } from "../../src/core/search-quotes.js";
import { indexStory } from "../../src/core/story-index.js";
import { articleFile, catalogOf as fromFiles, storyFile } from "../builders.js";
import { catalogOf } from "./corpus.js";

const story = catalogOf(4000, 9);
const ids = (request: { query?: string; speaker?: string }, limit?: number) => searchQuotes(story, request, limit ? { limit } : {}).quotes.map((q) => q.id);

describe("searching a generated story", () => {
  const sample = story.quotes[1234]!;
  const rare = sample.text.split(" ").sort((a, b) => b.length - a.length).slice(0, 2).join(" ");

  it("returns the best `limit` with the full count", () => {
    for (const request of [{}, { query: rare }, { speaker: sample.speaker.name }, { speaker: "Ružnják" }, { query: "peace", speaker: "Ruznjak" }]) {
      const all = searchQuotes(story, request);
      const top = searchQuotes(story, request, { limit: 5 });
      expect(top.total).toBe(all.quotes.length);
      expect(top.quotes.map((q) => q.id)).toEqual(all.quotes.slice(0, 5).map((q) => q.id));
    }
  });

  it("lists quotes without words newest first, by one speaker or by several sharing a name", () => {
    for (const speaker of [undefined, sample.speaker.name]) {
      const found = searchQuotes(story, speaker ? { speaker } : {});
      const dates = found.quotes.map((q) => q.date);
      expect(dates).toEqual([...dates].sort().reverse());
      if (speaker) expect(new Set(found.quotes.map((q) => q.speaker.id))).toEqual(new Set(found.speakers!.map((p) => p.id)));
    }
  });

  it("interleaves the quotes of several people who share a name, newest first", () => {
    const say = (id: string, date: string, speaker: string) => articleFile({ id, date, quotes: [{ speaker, text: `Said on ${date}.`, kind: "direct" }] });
    const people = [
      { id: "ana-kovalenko", name: "Ana Kovalenko", aliases: [] },
      { id: "boris-kovalenko", name: "Boris Kovalenko", aliases: [] },
    ];
    const shared = fromFiles(storyFile({ people }), [
      say("a", "2025-03-01", "ana-kovalenko"),
      say("b", "2025-03-02", "boris-kovalenko"),
      say("c", "2025-03-03", "ana-kovalenko"),
      say("d", "2025-03-04", "boris-kovalenko"),
    ]).stories[0]!;
    const found = searchQuotes(shared, { speaker: "Kovalenko" }, { limit: 3 });
    expect(found.speakers!.map((p) => p.id)).toEqual(["ana-kovalenko", "boris-kovalenko"]);
    expect(found.quotes.map((q) => q.date)).toEqual(["2025-03-04", "2025-03-03", "2025-03-02"]);
    expect(found.total).toBe(4);
  });

  it("finds a quote from its rarer words with a typo, and by a speaker's other spellings", () => {
    const word = rare.split(" ")[0]!;
    const typo = word.slice(0, 2) + word[3] + word[2] + word.slice(4);
    expect(ids({ query: rare.replace(word, typo) }, 5)).toContain(sample.id);
    const zelensky = story.people.find((p) => p.name.endsWith("Zelenskyy"))!;
    for (const spelling of ["Zelensky", "zelenskiy", "ZELENSKYI"]) {
      expect(searchQuotes(story, { speaker: spelling }).speakers!.map((p) => p.id)).toContain(zelensky.id);
    }
  });

  it("counts speakers most quoted first", () => {
    const counts = new Map<string, number>();
    for (const q of story.quotes) counts.set(q.speaker.id, (counts.get(q.speaker.id) ?? 0) + 1);
    const byCount = indexStory(story).quotedPeople.map((p) => counts.get(p.id)!);
    expect(byCount).toEqual([...byCount].sort((a, b) => b - a));
  });
});
