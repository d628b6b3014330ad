import { describe, expect, it } from "vitest";
import { parseBrat } from "../../src/core/extract/brat.js";
import { goldQuotes } from "../../src/core/extract/gold-quotes.js";
import { nameWords, sharesNameWord } from "../../src/core/extract/name-words.js";
import { addCounts, quoteMetrics, scoreDocument } from "../../src/core/extract/quote-score.js";

// A hand-made PolNeAR-style document: offsets are computed from the text so the fixture stays honest.
const text = [
  "Senator Jane Roe said the bill was “a step in the right direction for everyone.”",
  "“We will keep fighting,” he said.",
  "Critics call it a “sham” and fans quote the show “Nights in Gotham City” often.",
  "“This is three words,” one aide said, “and this is more words.”",
].join("\n\n");

/** Offsets of `needle` in the text; `length` keeps only its first characters ("he" of "he said"). */
const span = (needle: string, length = needle.length) => {
  const start = text.indexOf(needle);
  if (start < 0) throw new Error(`fixture lacks ${needle}`);
  return `${start} ${start + length}`;
};

const ann = [
  `T1\tSource ${span("Senator Jane Roe")}\tSenator Jane Roe`,
  `T2\tCue ${span("said the")}\tsaid`,
  `T3\tContent ${span("the bill was “a step in the right direction for everyone.”")}\tthe bill ...`,
  "E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1",
  `T4\tSource ${span("he said", 2)}\the`,
  `T5\tContent ${span("“We will keep fighting,”")}\t...`,
  "E2\tAttribution:T4 Content:T5 Source:T4",
  // One attribution split over two fragments, as brat writes discontinuous spans.
  `T6\tContent ${span("“This is three words,”")};${span("“and this is more words.”")}\t...`,
  `T7\tSource ${span("one aide")}\tone aide`,
  "E3\tAttribution:T7 Content:T6 Source:T7",
  "#1\tAnnotatorNotes T1\tan annotator note is not an attribution",
].join("\n");

describe("brat gold quotes", () => {
  const attributions = parseBrat(ann);

  it("reads attributions with their content and source, fragments included", () => {
    expect(attributions).toHaveLength(3);
    expect(attributions[2]!.content).toHaveLength(2);
  });

  it("keeps quoted spans of three words or more inside content, with the source text", () => {
    const gold = goldQuotes(text, attributions);
    expect(gold.map((g) => [text.slice(g.start, g.end), g.source])).toEqual([
      ["a step in the right direction for everyone.", "Senator Jane Roe"],
      ["We will keep fighting,", "he"],
      ["This is three words,", "one aide"],
      ["and this is more words.", "one aide"],
    ]);
  });
});

describe("name words", () => {
  it("ignore pronouns, determiners and titles", () => {
    expect([...nameWords("Senator Jane Roe")]).toEqual(["jane", "roe"]);
    expect(nameWords("he").size).toBe(0);
    expect(nameWords("one aide").size).toBe(0);
    expect([...nameWords("Trump’s campaign")]).toEqual(["trump"]);
  });

  it("match across apostrophe styles and titles", () => {
    expect(sharesNameWord("James O’Neill", "Commissioner O'Neill")).toBe(true);
    expect(sharesNameWord("President Obama", "President Clinton")).toBe(false);
  });
});

describe("scoring", () => {
  const gold = goldQuotes(text, parseBrat(ann));

  it("counts matches, misses and speaker accuracy over named sources only", () => {
    const [roe, fighting, three] = gold;
    const scored = scoreDocument(gold, [
      { start: roe!.start, end: roe!.end, speaker: "Jane Roe" },
      { start: fighting!.start, end: fighting!.end, speaker: "Jane Roe" },
      { start: three!.start, end: three!.end },
      { start: 0, end: 7, speaker: "nobody" },
    ]);
    expect(scored.counts).toEqual({ gold: 4, predicted: 4, matched: 3, named: 1, speakerRight: 1 });
    expect(scored.spurious).toHaveLength(1);
    expect(scored.missed).toHaveLength(1);
    const metrics = quoteMetrics(addCounts(scored.counts, scored.counts));
    expect(metrics.precision).toBeCloseTo(0.75);
    expect(metrics.recall).toBeCloseTo(0.75);
    expect(metrics.f1).toBeCloseTo(0.75);
    expect(metrics.speakerAccuracy).toBe(1);
  });

  it("counts a named source whose quote was missed as a wrong speaker", () => {
    const scored = scoreDocument(gold, []);
    expect(scored.counts.named).toBe(1);
    expect(scored.counts.speakerRight).toBe(0);
    expect(quoteMetrics(scored.counts).speakerAccuracy).toBe(0);
  });
});
