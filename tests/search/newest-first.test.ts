import { describe, expect, it } from "vitest";
import { compareNewestFirst, firstNewest, mergeNewestFirst, walkNewestFirst } from "../../src/core/search/newest-first.js";
import type { Quote } from "../../src/core/story.js";
import { catalogOf } from "./corpus.js";

/** A story's quotes dealt into `count` lists, each newest first, as segments and speakers' lists are. */
function dealt(quotes: readonly Quote[], count: number): Quote[][] {
  const lists: Quote[][] = Array.from({ length: count }, () => []);
  quotes.forEach((quote, i) => lists[(i * 7 + quote.text.length) % count]!.push(quote));
  return lists.map((list) => list.sort(compareNewestFirst));
}

describe("walking lists newest first", () => {
  const quotes = catalogOf(3_000, 4).quotes;

  it("gives the same order as merging them whole, page by page", () => {
    for (const count of [1, 2, 5]) {
      const lists = dealt(quotes, count);
      const merged = mergeNewestFirst(lists);
      expect(merged).toHaveLength(quotes.length);
      for (const limit of [0, 1, 10, 250]) expect(firstNewest(lists, limit)).toEqual(merged.slice(0, limit));
      expect([...walkNewestFirst(lists)]).toEqual(merged);
    }
  });

  it("leaves out the quotes it is told to skip, wherever they are", () => {
    const lists = dealt(quotes, 3);
    const merged = mergeNewestFirst(lists);
    const skip = new Set(merged.filter((_, i) => i < 5 || i % 4 === 0 || i >= merged.length - 3));
    const kept = merged.filter((q) => !skip.has(q));
    expect(firstNewest(lists, 40, skip)).toEqual(kept.slice(0, 40));
    expect([...walkNewestFirst(lists, skip)]).toEqual(kept);
  });

  it("reads only as far as the page it is asked for", () => {
    const lists = dealt(quotes, 2);
    let read = 0;
    const counted = lists.map((list) => new Proxy(list, { get: (target, key, receiver) => (typeof key === "string" && /^\d+$/.test(key) && read++, Reflect.get(target, key, receiver)) }));
    firstNewest(counted, 10);
    // Two heads compared per quote taken: a page's worth of reads, not the lists' thousands.
    expect(read).toBeLessThan(100);
  });
});
