import { describe, expect, it } from "vitest";
import { generateCorpus } from "../../bench/corpus/generate-story.js";
import type { ArticleFile } from "../../src/core/schema.js";
import type { Story } from "../../src/core/story.js";
import { updateStory, updateStorySteps } from "../../src/core/update-story.js";
import { catalogOf } from "../builders.js";

function corpus(quotes: number, seed: number) {
  const generated = generateCorpus({ quotes, seed });
  return { story: generated.story, articles: [...generated.articles()] };
}
const fileOf = (storyId: string, article: ArticleFile) => `data/stories/${storyId}/articles/${article.id}.json`;

/** Everything a reader can tell apart: order, ids, links. */
function shape(story: Story) {
  return {
    articles: story.articles.map((a) => [a.id, a.file]),
    quotes: story.quotes.map((q) => [q.id, q.speaker.id, q.text, q.article.id]),
    conditions: story.conditions.map((c) => [c.id, c.party.id, c.article.id]),
    status: story.status.map((s) => [s.id, s.topic.id, s.article.id]),
  };
}

describe("updating a story with changed articles", () => {
  it("gives what a full build of the same files gives, with changes at the start, in the middle and at the end", () => {
    const { story, articles } = corpus(2_000, 21);
    const before = catalogOf(story, articles).stories[0]!;
    const sorted = [...articles].sort((a, b) => a.date.localeCompare(b.date) || fileOf(story.id, a).localeCompare(fileOf(story.id, b)));
    const first = sorted[0]!;
    const last = sorted[sorted.length - 1]!;
    const middle = sorted[Math.floor(sorted.length / 2)]!;
    const speaker = before.quotes[0]!.speaker.id;
    const earliest: ArticleFile = { ...middle, id: "1999-01-01-earliest", date: "1999-01-01", quotes: [{ speaker, text: "Before everything.", kind: "direct" }] };
    const latest: ArticleFile = { ...middle, id: "2099-01-01-latest", date: "2099-01-01", quotes: [{ speaker, text: "After everything.", kind: "direct" }] };
    const rewritten: ArticleFile = { ...middle, quotes: middle.quotes.map((q) => ({ ...q, text: `${q.text} Rewritten.` })) };

    const result = updateStory(before, {
      removed: new Set([fileOf(story.id, first), fileOf(story.id, last)]),
      added: [earliest, latest, rewritten].map((data) => ({ file: fileOf(story.id, data), data })),
    });
    const files = [...articles.filter((a) => a !== first && a !== last && a !== middle), earliest, latest, rewritten];
    const expected = catalogOf(story, files).stories[0]!;
    expect(result.problems).toEqual([]);
    expect(shape(result.story)).toEqual(shape(expected));
    expect(result.addedQuotes.map((q) => q.text)).toEqual(expect.arrayContaining(["Before everything.", "After everything."]));
    const gone = new Set([first.id, last.id, middle.id]);
    expect(result.removedQuotes.map((q) => q.article.id).every((id) => gone.has(id))).toBe(true);
    expect(result.removedQuotes).toHaveLength(before.quotes.filter((q) => gone.has(q.article.id)).length);
  });

  it("keeps a condition restated by a new article as one condition, with the new statement's firmness and date, as a full build does", () => {
    const { story, articles } = corpus(2_000, 24);
    const before = catalogOf(story, articles).stories[0]!;
    const stated = before.conditions[Math.floor(before.conditions.length / 2)]!;
    const firmness = stated.firmness === "non-negotiable" ? "stated" : "non-negotiable";
    const restating: ArticleFile = {
      ...articles[0]!,
      id: "2099-04-04-restated",
      date: "2099-04-04",
      quotes: [],
      status: [],
      conditions: [
        { party: stated.party.id, text: stated.text, firmness },
        { party: stated.party.id, text: "A demand nobody made before.", firmness: "firm" },
      ],
    };
    const result = updateStory(before, { removed: new Set(), added: [{ file: fileOf(story.id, restating), data: restating }] });
    const expected = catalogOf(story, [...articles, restating]).stories[0]!;
    expect(shape(result.story)).toEqual(shape(expected));
    const merged = result.story.conditions.filter((c) => c.text === stated.text && c.party.id === stated.party.id);
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ id: stated.id, firmness, date: "2099-04-04" });
  });

  it("shares the lists an update does not touch with the previous version, rather than copying them", () => {
    const { story, articles } = corpus(500, 22);
    const before = catalogOf(story, articles).stories[0]!;
    const speaker = before.quotes[0]!.speaker.id;
    const added: ArticleFile = { ...articles[0]!, id: "2099-02-02-quotes-only", date: "2099-02-02", quotes: [{ speaker, text: "Only a quote.", kind: "direct" }], conditions: [], status: [] };
    const { story: after } = updateStory(before, { removed: new Set(), added: [{ file: fileOf(story.id, added), data: added }] });
    expect(after.conditions).toBe(before.conditions);
    expect(after.status).toBe(before.status);
    expect(after.quotes).toHaveLength(before.quotes.length + 1);
  });

  it("works on a large story a chunk at a time, so a reload can let answers through in between", () => {
    const { story, articles } = corpus(60_000, 23);
    const before = catalogOf(story, articles).stories[0]!;
    const speaker = before.quotes[0]!.speaker.id;
    const added: ArticleFile = { ...articles[0]!, id: "2099-03-03-new", date: "2099-03-03", quotes: [{ speaker, text: "New words.", kind: "direct" }] };
    const steps = updateStorySteps(before, { removed: new Set(), added: [{ file: fileOf(story.id, added), data: added }] });
    let pauses = 0;
    let step = steps.next();
    while (!step.done) {
      pauses++;
      step = steps.next();
    }
    expect(pauses).toBeGreaterThanOrEqual(3);
    expect(step.value.story.quotes.at(-1)!.text).toBe("New words.");
  });
});
