import { describe, expect, it } from "vitest";
import { searchConditions } from "../../src/core/search-conditions.js";
import { searchQuotes } from "../../src/core/search-quotes.js";
import { searchStatus } from "../../src/core/search-status.js";
import { pickStory } from "../../src/core/pick-story.js";
import { articleFile, catalogOf, storyFile } from "../builders.js";
import { loadSeed } from "../seed.js";

const seed = (await loadSeed()).stories[0]!;
const speakersOf = (speaker: string) => searchQuotes(seed, { speaker }).speakers?.map((p) => p.name);

describe("finding people by name", () => {
  it.each([
    ["Peskov", "Dmitry Peskov"],
    ["pskov", "Dmitry Peskov"],
    ["Dmitri Peskov", "Dmitry Peskov"],
    ["Putn", "Vladimir Putin"],
    ["Kremln", "Dmitry Peskov"],
    ["Trump", "Donald Trump"],
    ["President Trump", "Donald Trump"],
    ["donald trump", "Donald Trump"],
    ["DONALD TRUMP", "Donald Trump"],
    ["Zelensky", "Volodymyr Zelenskyy"],
    ["Zelenskiy", "Volodymyr Zelenskyy"],
    ["Zelenskyj", "Volodymyr Zelenskyy"],
    ["Zelenskij", "Volodymyr Zelenskyy"],
  ])("%s finds %s", (query, name) => {
    expect(speakersOf(query)).toEqual([name]);
  });

  it("names nobody for a name far from everyone", () => {
    expect(speakersOf("Macron")).toEqual([]);
  });

  it("matches with or without diacritics, both ways", () => {
    const story = catalogOf(storyFile(), [
      articleFile({ quotes: [{ speaker: "ana-ruznjak", text: "The border stays where it is.", kind: "direct" }] }),
    ]).stories[0]!;
    for (const name of ["Ruznjak", "ružnják", "RUZNJAK", "Ana Ruznjak", "Ruznjk"]) {
      expect(searchQuotes(story, { speaker: name }).quotes.map((q) => q.speaker.name)).toEqual(["Ana Ružnják"]);
    }
  });
});

describe("searching quote text", () => {
  const textsFor = (query: string) => searchQuotes(seed, { query }).quotes.map((q) => q.text);

  it("finds a quote from some of its words, in any case", () => {
    expect(textsFor("people stop dying")[0]).toBe("He (Putin) wants to see people stop dying.");
    expect(textsFor("NEITHER CONFIRM NOR DENY")).toEqual([
      "These communications are conducted through different channels. I personally may not know something, be unaware of something. Therefore, in this case, I can neither confirm nor deny it.",
    ]);
  });

  it("forgives typos", () => {
    expect(textsFor("relatoinship")).toEqual(["I’ve always had a good relationship with Putin."]);
    expect(textsFor("comunications chanels")[0]).toMatch(/^These communications/);
  });

  it("finds a quote from stopwords alone, though the index leaves them out", () => {
    expect(textsFor("in this")).toEqual([
      "These communications are conducted through different channels. I personally may not know something, be unaware of something. Therefore, in this case, I can neither confirm nor deny it.",
      "Every day people are dying. This war is so bad in Ukraine. I want to end this damn thing",
    ]);
    expect(textsFor("in this by")).toEqual([]);
  });

  it("requires every word to match somewhere", () => {
    expect(textsFor("dying relationship")).toEqual([]);
  });

  it("does not pad exact matches with loose fuzzy ones", () => {
    expect(textsFor("dying")).toEqual([
      "He (Putin) wants to see people stop dying.",
      "Every day people are dying. This war is so bad in Ukraine. I want to end this damn thing",
    ]);
  });

  it("combines words and speaker", () => {
    expect(searchQuotes(seed, { query: "channels", speaker: "Peskov" }).quotes).toHaveLength(1);
    expect(searchQuotes(seed, { query: "channels", speaker: "Trump" }).quotes).toHaveLength(0);
  });

  it("puts the newest first among equally good matches", () => {
    const say = (id: string, date: string, text: string) =>
      articleFile({ id, date, quotes: [{ speaker: "boris-kovalenko", text, kind: "direct" }] });
    const story = catalogOf(storyFile(), [
      say("a", "2025-03-01", "The ceasefire must hold."),
      say("c", "2025-03-09", "The ceasefire is holding, for now."),
      say("b", "2025-03-05", "We want a ceasefire."),
    ]).stories[0]!;
    expect(searchQuotes(story, { query: "ceasefire" }).quotes.map((q) => q.date)).toEqual(["2025-03-09", "2025-03-05", "2025-03-01"]);
    expect(searchQuotes(story, { speaker: "Kovalenko" }).quotes.map((q) => q.date)).toEqual(["2025-03-09", "2025-03-05", "2025-03-01"]);
  });
});

describe("searching conditions and status", () => {
  it("finds conditions by party, party alias or holder", () => {
    for (const party of ["russia", "Kremlin", "Rusia", "Putin"]) {
      const { groups } = searchConditions(seed, { party });
      expect(groups.map((g) => [g.party.name, g.holder?.name, g.conditions.length])).toEqual([["Russia", "Vladimir Putin", 2]]);
    }
    expect(searchConditions(seed, { party: "Ukraine" }).groups).toEqual([]);
  });

  it("finds threads by topic name, alias or what their items say", () => {
    expect(searchStatus(seed, { topic: "meeting" }).map((t) => t.topic.name)).toEqual(["Trump–Putin meeting", "Trump–Zelenskyy meeting"]);
    expect(searchStatus(seed, { topic: "summit" }).map((t) => t.topic.name)).toEqual(["Trump–Putin meeting"]);
    expect(searchStatus(seed, { topic: "Saudi" }).map((t) => t.topic.name)).toEqual(["Trump–Putin meeting"]);
    expect(searchStatus(seed, { topic: "cal" }).map((t) => t.topic.name)).toEqual(["Trump–Putin call"]);
  });

  it("finds threads by the words their items say, with the typo rules of /quote: exact words first", () => {
    const story = catalogOf(storyFile(), [
      articleFile({
        status: [
          { topic: "border-talks", state: "planned", detail: "A summit in Geneva is planned for April", date: "2025-03-01" },
          { topic: "ceasefire", state: "proposed", detail: "Both sides submit their maps to the mediators", date: "2025-03-01" },
        ],
      }),
    ]).stories[0]!;
    const threads = (topic: string) => searchStatus(story, { topic }).map((t) => t.topic.name);
    expect(threads("summit")).toEqual(["Border talks"]);
    expect(threads("submit")).toEqual(["Ceasefire"]);
    expect(threads("summitt geneva")).toEqual(["Border talks"]);
    expect(threads("mediator")).toEqual(["Ceasefire"]);
    expect(threads("Geneva maps")).toEqual([]);
    expect(threads("the of")).toEqual([]);
  });

  it("gives each thread its newest state as current, with the rest as history", () => {
    const call = searchStatus(seed, { topic: "call" })[0]!;
    expect(call.current.state).toBe("unconfirmed");
    expect(call.items.map((i) => i.state)).toEqual(["claimed", "unconfirmed"]);
  });
});

describe("picking the story", () => {
  it("defaults to the most recently updated story and finds one by name", () => {
    const older = catalogOf(storyFile(), [articleFile({ date: "2025-01-01" })]).stories[0]!;
    const newer = catalogOf(storyFile({ id: "harbour-dispute", title: "Harbour dispute" }), [articleFile({ date: "2025-04-01" })]).stories[0]!;
    const catalog = { stories: [older, newer] };
    expect(pickStory(catalog).id).toBe("harbour-dispute");
    expect(pickStory(catalog, "test story").id).toBe("test-story");
    expect(() => pickStory(catalog, "weather")).toThrow(/No story matches "weather". Stories: Test story; Harbour dispute./);
  });
});
