import { describe, expect, it } from "vitest";
import { baselineQuotes } from "../../src/core/extract/baseline-quotes.js";
import { parseBrat } from "../../src/core/extract/brat.js";
import { goldQuotes } from "../../src/core/extract/gold-quotes.js";
import { withDoubledApostrophesAsMarks } from "../../src/core/extract/quote-marks.js";
import { scoreDocument } from "../../src/core/extract/quote-score.js";

// Hand-made PolNeAR-style cases for the calibrated reading of "a quote inside an attribution's content".
const text = [
  "Host Mark Vale asked about the debate.",
  "“PENCE: Well, look, we will win this state in November.",
  "Senator Jane Roe said her plan was “good for every family. It pays for itself.”",
  "''We will keep fighting,'' Mr. Tom Reyes said on Friday.",
  "Fans watched “Nights in Gotham City” again.",
].join("\n\n");

const at = (needle: string) => {
  const start = text.indexOf(needle);
  if (start < 0) throw new Error(`fixture lacks ${needle}`);
  return `${start} ${start + needle.length}`;
};

const ann = [
  // The transcript's speaker label is left out of the Content, as PolNeAR annotators do.
  `T1\tSource ${at("PENCE")}\tPENCE`,
  `T2\tContent ${at("Well, look, we will win this state in November.")}\t...`,
  "E1\tAttribution:T1 Content:T2 Source:T1",
  // Only the second sentence of a two-sentence quote is annotated.
  `T3\tSource ${at("Senator Jane Roe")}\tSenator Jane Roe`,
  `T4\tContent ${at("It pays for itself.")}\t...`,
  "E2\tAttribution:T3 Content:T4 Source:T3",
  `T5\tSource ${at("Mr. Tom Reyes")}\tMr. Tom Reyes`,
  `T6\tContent ${at("''We will keep fighting,''")}\t...`,
  "E3\tAttribution:T5 Content:T6 Source:T5",
].join("\n");

describe("gold quotes, calibrated reading", () => {
  const gold = goldQuotes(text, parseBrat(ann));
  const quoted = gold.map((g) => [text.slice(g.start, g.end), g.source]);

  it("counts a quote that touches annotated Content, even when the Content leaves part of it out", () => {
    expect(quoted).toContainEqual(["PENCE: Well, look, we will win this state in November.", "PENCE"]);
    expect(quoted).toContainEqual(["good for every family. It pays for itself.", "Senator Jane Roe"]);
  });

  it("reads the New York Times' doubled apostrophes as quotation marks", () => {
    expect(quoted).toContainEqual(["We will keep fighting,", "Mr. Tom Reyes"]);
  });

  it("leaves out quoted spans no attribution touches", () => {
    expect(gold).toHaveLength(3);
  });
});

describe("doubled apostrophes", () => {
  it("become one double mark on the side of the quoted words, offsets kept", () => {
    const raw = "He said, ''the ''Buffett rule'' works,'' and left.";
    const marked = withDoubledApostrophesAsMarks(raw);
    expect(marked).toHaveLength(raw.length);
    expect(marked).toBe("He said,  \"the  \"Buffett rule\"  works,\"  and left.");
  });
});

describe("baseline predictor", () => {
  it("takes every quoted span of three words or more, credited to the nearest capitalised name", () => {
    const predicted = baselineQuotes(text);
    const pairs = predicted.map((p) => [text.slice(p.start, p.end), p.speaker]);
    expect(pairs).toContainEqual(["We will keep fighting,", "Tom Reyes"]);
    expect(pairs).toContainEqual(["good for every family. It pays for itself.", "Jane Roe"]);
    expect(pairs).toHaveLength(4);
    const scored = scoreDocument(goldQuotes(text, parseBrat(ann)), predicted);
    expect(scored.counts).toMatchObject({ gold: 3, predicted: 4, matched: 3 });
    expect(scored.spurious.map((p) => text.slice(p.start, p.end))).toEqual(["Nights in Gotham City"]);
  });
});
