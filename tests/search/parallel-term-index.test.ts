import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { buildTermRange, createQuoteFinder, indexedText, newestFirstOrder } from "../../src/core/search/quote-finder.js";
import { mergeTermIndexes } from "../../src/core/search/term-index.js";
import type { Story } from "../../src/core/story.js";
import { prepareIndexes } from "../../src/data/prepare-indexes.js";
import { catalogOf } from "./corpus.js";

const log = pino({ level: "silent" });
// A new story object each time: an index is cached per story.
const freshStory = (): Story => catalogOf(400, 3);

function termRange(story: Story, order: Uint32Array, from: number, to: number, stopwords = true) {
  const steps = buildTermRange(order.length, from, to, (doc) => indexedText(story.quotes[order[doc]!]!), stopwords);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

describe("building a large story's term index on two cores", () => {
  it("merges two ranges into exactly the index of the whole", () => {
    const story = freshStory();
    const order = newestFirstOrder(story.quotes);
    const whole = termRange(story, order, 0, order.length);
    const merged = mergeTermIndexes(termRange(story, order, 0, 150), termRange(story, order, 150, order.length));
    expect(merged.terms).toEqual(whole.terms);
    expect([...merged.offsets]).toEqual([...whole.offsets]);
    expect([...merged.postings]).toEqual([...whole.postings]);
    expect(merged.docCount).toBe(whole.docCount);
  });

  it("gives the same index from a worker thread as on one thread", async () => {
    const [sequential] = await prepareIndexes({ stories: [freshStory()] }, log, undefined, { parallelFrom: Infinity });
    const [parallel] = await prepareIndexes({ stories: [freshStory()] }, log, undefined, { parallelFrom: 10 });
    expect(parallel!.terms.terms).toEqual(sequential!.terms.terms);
    expect([...parallel!.terms.postings]).toEqual([...sequential!.terms.postings]);
    expect([...parallel!.order]).toEqual([...sequential!.order]);
  });

  it("leaves stopwords out of a large story's index, and still finds a query of stopwords alone", () => {
    const story = freshStory();
    const order = newestFirstOrder(story.quotes);
    const terms = termRange(story, order, 0, order.length, false);
    expect(terms.terms).not.toContain("the");
    const finder = createQuoteFinder(story, { order, terms, stopwordsIndexed: false });
    const quote = story.quotes.find((q) => /\bwe\b/i.test(q.text) && /\bto\b/i.test(q.text))!;
    const found = finder.find({ query: "we to" });
    expect(found.quotes).toContain(quote);
    expect(found.total).toBe(story.quotes.filter((q) => /\bwe\b/i.test(`${q.text} ${q.context ?? ""}`) && /\bto\b/i.test(`${q.text} ${q.context ?? ""}`)).length);
  });
});
