import { describe, expect, it } from "vitest";
import { expandWord } from "../../src/core/search/expand-word.js";
import { createScratch, matchEveryWord } from "../../src/core/search/match-every-word.js";
import { similarTerms } from "../../src/core/search/similar-terms.js";
import { termIndexBuilder } from "../../src/core/search/term-index.js";
import { queryTerms, textTerms } from "../../src/core/search/terms.js";

describe("terms", () => {
  it("folds case, accents, apostrophes and name endings the same way for text and queries", () => {
    expect(textTerms("Zelenskiy said: “Putin’s war”")).toEqual(["zelensky", "said", "putins", "putin", "war"]);
    expect(textTerms("Ružnják")).toEqual(["ruznjak"]);
    expect(queryTerms("ZELENSKYY putin's the")).toEqual(["zelensky", "putins"]);
    expect(queryTerms("the of")).toEqual(["the", "of"]);
  });
});

describe("similar terms", () => {
  const terms = ["ceasefire", "channel", "channels", "chances", "dying", "doing", "relationship", "zelensky"].sort();
  const near = (word: string, edits: number, prefix = false) => {
    const found: string[] = [];
    similarTerms(terms, word, edits, (id, d) => found.push(`${terms[id]}:${d}`), { prefix });
    return found.sort();
  };

  it("finds terms within the allowed edits, a swap of neighbours counting as one", () => {
    expect(near("relatoinship", 1)).toEqual(["relationship:1"]);
    expect(near("chanels", 1)).toEqual(["channels:1"]);
    expect(near("chanels", 2)).toEqual(["chances:2", "channel:2", "channels:1"]);
    expect(near("dying", 0)).toEqual(["dying:0"]);
    expect(near("dying", 1)).toEqual(["doing:1", "dying:0"]);
  });

  it("in prefix mode, matches terms whose beginning is within reach", () => {
    expect(near("zlensk", 1, true)).toEqual(["zelensky:1"]);
    expect(near("chan", 0, true)).toEqual(["chances:0", "channel:0", "channels:0"]);
  });

  it("agrees with a plain edit distance on every term", () => {
    const words = ["ab", "abc", "abd", "acb", "b", "ba", "bac", "cab", "abcd", "bacd", "dcba"];
    const sorted = [...words].sort();
    for (const query of ["abc", "bca", "ab", "abdc"]) {
      const found = new Map<string, number>();
      similarTerms(sorted, query, 2, (id, d) => found.set(sorted[id]!, d));
      for (const word of sorted) {
        const expected = osa(query, word);
        expect(found.get(word), `${query} vs ${word}`).toBe(expected <= 2 ? expected : undefined);
      }
    }
  });
});

describe("matching every word", () => {
  const docs = ["the ceasefire must hold", "ceasefire holding for now", "we want a ceasefire", "hold the line", "ceasfire talks"];
  const builder = termIndexBuilder();
  docs.forEach((text, id) => builder.add(id, textTerms(text)));
  const index = builder.finish();
  const find = (query: string, fuzzy = true) =>
    [...matchEveryWord(index, queryTerms(query).map((w) => expandWord(index, w, { fuzzy })), createScratch(index.docCount), 1).docs];

  it("keeps posting lists sorted and unique", () => {
    for (let t = 0; t < index.terms.length; t++) {
      const list = [...index.postings.subarray(index.offsets[t]!, index.offsets[t + 1]!)];
      expect(list).toEqual([...new Set(list)].sort((a, b) => a - b));
    }
  });

  it("requires every word, ranks exact before prefix, lower ids first among equals", () => {
    expect(find("ceasefire")).toEqual([0, 1, 2]);
    expect(find("ceasefire hold")).toEqual([0, 1]);
    expect(find("hold")).toEqual([0, 3, 1]);
  });

  it("uses typo variants only when they are the best there is", () => {
    expect(find("ceasfire talks")).toEqual([4]);
    expect(find("ceasefir talks")).toEqual([4]);
    expect(find("ceasefire banana")).toEqual([]);
  });
});

function osa(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

describe("a term index over many documents", () => {
  it("lists every document of every term, in order, however many (document, term) pairs it holds", () => {
    // Enough pairs to fill several of the builder's blocks.
    const words = Array.from({ length: 300 }, (_, i) => `word${i.toString(36)}x`);
    const textOf = (doc: number) => Array.from({ length: 12 }, (_, k) => words[(doc * 7 + k * 31) % words.length]!).join(" ");
    const builder = termIndexBuilder();
    const expected = new Map<string, number[]>();
    for (let doc = 0; doc < 20_000; doc++) {
      const terms = textTerms(textOf(doc));
      builder.add(doc, terms);
      for (const term of new Set(terms)) expected.set(term, [...(expected.get(term) ?? []), doc]);
    }
    const index = builder.finish();
    expect(index.postings.length).toBeGreaterThan(3 * 65_536);
    expect(index.terms).toEqual([...expected.keys()].sort());
    index.terms.forEach((term, t) => expect([...index.postings.subarray(index.offsets[t]!, index.offsets[t + 1]!)]).toEqual(expected.get(term)));
  });
});
