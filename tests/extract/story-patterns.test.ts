import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildCatalog } from "../../src/core/build-catalog.js";
import { extractArticle } from "../../src/core/extract/extract-article.js";
import { mergeIntoStory } from "../../src/core/ingest/merge-into-story.js";
import { emptyStory } from "../../src/core/ingest/ingest-texts.js";
import { type ArticleFile, type StoryFile, articleSchema, storySchema } from "../../src/core/schema.js";
import { topicTimelines } from "../../src/core/story.js";
import { searchStatus } from "../../src/core/search-status.js";
import { FIXTURES, extract, fixture } from "./extract-helpers.js";

/** Ingests the four Tarn Valley articles in order, as `npm run ingest` does, and loads the result as the bot would. */
function ingestTarnValley() {
  const dir = path.join(FIXTURES, "tarn-valley");
  let story: StoryFile = emptyStory("tarn-valley");
  const articles: ArticleFile[] = [];
  for (const name of readdirSync(dir).sort()) {
    const extracted = extractArticle(fixture(path.join("tarn-valley", name)), { fallbackDate: "2031-01-01", story });
    const merged = mergeIntoStory(story, extracted, { articles });
    story = merged.story;
    articles.push(merged.article);
  }
  const files = [
    { file: "tarn-valley/story.json", storyDir: "tarn-valley", kind: "story" as const, text: JSON.stringify(story) },
    ...articles.map((a) => ({ file: `tarn-valley/articles/${a.id}.json`, storyDir: "tarn-valley", kind: "article" as const, text: JSON.stringify(a) })),
  ];
  const { catalog, problems } = buildCatalog(files);
  return { story, articles, loaded: catalog.stories[0]!, problems };
}

describe("a developing story ingested article by article (tests/extract/fixtures/tarn-valley)", () => {
  const { story, articles, loaded, problems } = ingestTarnValley();
  const threads = topicTimelines(loaded);
  const thread = (name: string) => threads.find((t) => t.topic.name === name || t.topic.aliases.includes(name));

  it("writes files the bot loads without problems", () => {
    expect(problems).toEqual([]);
    expect(storySchema.safeParse(story).success).toBe(true);
    for (const article of articles) expect(articleSchema.safeParse(article).success).toBe(true);
  });

  it("keeps one thread per real thing across articles, renames and moves", () => {
    const summit = thread("Halden summit")!;
    expect(summit.items.map((i) => i.state)).toEqual(["proposed", "planned", "planned", "held"]);
    // It went by the town it was first set in, the port it moved to, and "the leaders' meeting".
    expect(summit.topic.aliases).toEqual(expect.arrayContaining(["Halden summit", "Port Aldra summit", "leaders' meeting"]));
    expect(searchStatus(loaded, { topic: "Port Aldra summit" }).map((t) => t.topic.id)).toEqual([summit.topic.id]);
    expect(threads).toHaveLength(6);
  });

  it("follows each thread to its final state, negation and modality included", () => {
    const final = Object.fromEntries(threads.map((t) => [t.topic.name, t.current.state]));
    expect(final).toEqual({
      "Brenner–Lind summit": "held",
      Call: "confirmed",
      "Humanitarian corridor in Vell": "in-effect",
      "Arvenia–Kostrel ceasefire": "violated",
      "Prisoner exchange": "completed",
      "Kostrel Herald report": "corrected",
    });
    // "to be carried out under Red Cross supervision" is not a completed exchange; "had denied" is background to the correction.
    expect(thread("Prisoner exchange")!.items.map((i) => i.state)).toEqual(["agreed", "completed"]);
    expect(thread("Kostrel Herald report")!.items.map((i) => i.state)).toEqual(["claimed", "denied", "corrected"]);
    expect(thread("Call")!.items.map((i) => i.state)).toEqual(["unconfirmed", "confirmed"]);
  });

  it("gives thread names people read, never ids", () => {
    for (const t of story.topics) {
      expect(t.name).not.toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)+$/);
      expect(t.name).toMatch(/\s|^[A-Z]/);
    }
  });

  it("finds conditions with their side, holder and firmness; a side is never a person", () => {
    const conditions = loaded.conditions.map((c) => [c.party.name, c.holder?.name, c.firmness, c.text]);
    expect(conditions).toEqual(
      expect.arrayContaining([
        ["Arvenia", "Ilse Varga", "stated", "the release of all Arvenian prisoners"],
        ["Arvenia", "Ilse Varga", "stated", "compensation for the families of the villagers killed in March"],
        ["Arvenia", undefined, "stated", "a humanitarian corridor out of the besieged town of Vell"],
        ["Kostrel", undefined, "firm", "Arvenia hands over the three Kostreli pilots it holds"],
      ]),
    );
    const people = new Set(story.people.map((p) => p.name));
    for (const c of loaded.conditions) {
      expect(people.has(c.party.name)).toBe(false);
      expect(c.text.split(/\s+/).length).toBeLessThanOrEqual(25);
    }
  });

  it("updates a condition restated later (date, firmness) instead of adding a copy", () => {
    const militias = loaded.conditions.filter((c) => /disband its militias/.test(c.text));
    expect(militias).toHaveLength(1);
    expect(militias[0]).toMatchObject({ firmness: "non-negotiable", date: "2031-04-09", party: { name: "Kostrel" } });
    const monitors = loaded.conditions.filter((c) => /international monitors/.test(c.text));
    expect(monitors).toHaveLength(1);
    expect(monitors[0]).toMatchObject({ firmness: "firm", date: "2031-04-14" });
  });

  it("writes summaries in its own words, with no placeholder", () => {
    for (const text of [story.summary ?? "", ...articles.map((a) => a.summary)]) {
      expect(text).not.toMatch(/Created by ingest|edit this summary|Extracted automatically|\d+ direct quotes?|“\s*”|"\s*"/);
      expect(text.length).toBeGreaterThan(20);
    }
    expect(story.summaryBy).toBe("generated");
    expect(story.summary).toMatch(/^Where things stand: /);
    expect(story.summary).toContain("took place");
    expect(articles[3]!.summary).toMatch(/prisoner exchange was completed/);
  });
});

describe("the seed article, as the hand-made data has it", () => {
  const { article, topics, parties } = extract(fixture("seed-2025-02-09-ukraine.txt"));
  const topicName = (id: string) => topics.find((t) => t.id === id)!.name;

  it("gives Russia's two conditions with their firmness", () => {
    expect(article.conditions.map((c) => [parties.find((p) => p.id === c.party)!.name, c.firmness, c.text])).toEqual([
      ["Russia", "non-negotiable", "Ukraine’s renouncement of its NATO ambitions"],
      ["Russia", "firm", "the withdrawal of Ukrainian forces from four regions currently claimed by Russia"],
    ]);
  });

  it("has the call claimed then unconfirmed, the meeting proposed and the Zelenskyy meeting planned", () => {
    const states = article.status.map((s) => [topicName(s.topic), s.state]);
    expect(states).toEqual(
      expect.arrayContaining([
        ["Trump–Putin call", "claimed"],
        ["Trump–Putin call", "unconfirmed"],
        ["Trump–Putin meeting", "proposed"],
        ["Trump–Zelenskyy meeting", "planned"],
      ]),
    );
    const call = states.filter(([name]) => name === "Trump–Putin call").map(([, state]) => state);
    expect(call).toEqual(["claimed", "unconfirmed"]);
  });

  it("keeps a hand-written story summary when merged", () => {
    const story = storySchema.parse({ id: "s", title: "S", summary: "Written by a person.", parties: [], people: [], topics: [] });
    expect(mergeIntoStory(story, extract(fixture("seed-2025-02-09-ukraine.txt")), { articles: [] }).story.summary).toBe("Written by a person.");
  });
});

describe("condition patterns", () => {
  const conditionsOf = (text: string) => {
    const { article, parties } = extract(`Talks\nMarch 1, 2031\n\n${text}`);
    return article.conditions.map((c) => [parties.find((p) => p.id === c.party)?.name, c.firmness, c.text]);
  };

  it("reads an enumeration spread over sentences", () => {
    const found = conditionsOf(
      "Kostrel's government set out three conditions on Monday. First, the border must be reopened. Second, Arvenia pays for the damaged bridge. Finally, all prisoners are freed.",
    );
    expect(found.map(([, , text]) => text)).toEqual(["the border must be reopened", "Arvenia pays for the damaged bridge", "all prisoners are freed"]);
    expect(found.every(([party]) => party === "Kostrel")).toBe(true);
  });

  it("reads firmness from the cue: red line and never, must and insists, calls for", () => {
    expect(conditionsOf("Kostreli officials say the return of the pilots is a red line for Kostrel.")[0]).toEqual(["Kostrel", "non-negotiable", "the return of the pilots"]);
    expect(conditionsOf("Arvenia will never accept foreign troops on its soil, the Arvenian government said.")[0]).toEqual(["Arvenia", "non-negotiable", "no foreign troops on its soil"]);
    expect(conditionsOf("Arvenia calls for an independent inquiry into the shelling, the Arvenian government said.")[0]?.[1]).toBe("stated");
    expect(conditionsOf("Kostrel refuses to sign until Arvenia withdraws its artillery, Kostreli officials said.")[0]).toEqual(["Kostrel", "firm", "Arvenia withdraws its artillery"]);
  });

  it("never leaks a blanked quotation into a condition", () => {
    const found = conditionsOf('Arvenian officials demanded "an end to the shelling, now" and said Arvenia would study the text.');
    for (const [, , text] of found) expect(text).not.toMatch(/“\s*”|"\s*"|\s{3,}/);
  });
});
