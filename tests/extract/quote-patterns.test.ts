import { describe, expect, it } from "vitest";
import { extract, quotesOf } from "./extract-helpers.js";

// One short made-up text per way news writes a quote; each names two people so the right one must win.
const cases: [string, string, [string, string][]][] = [
  [
    "\"...,\" X said",
    "Mayor Lena Brandt met Omar Haddad on Monday. \"The bridge will reopen in spring,\" Brandt said.",
    [["Lena Brandt", "The bridge will reopen in spring"]],
  ],
  [
    "said X",
    "Omar Haddad listened. \"The bridge will reopen in spring,\" said Mayor Lena Brandt.",
    [["Lena Brandt", "The bridge will reopen in spring"]],
  ],
  [
    "X said: \"...\"",
    "Mayor Lena Brandt thanked Omar Haddad. Brandt said: \"The bridge will reopen in spring.\"",
    [["Lena Brandt", "The bridge will reopen in spring."]],
  ],
  [
    "according to X",
    "Omar Haddad was not there. According to Mayor Lena Brandt, \"the bridge will reopen in spring.\"",
    [["Lena Brandt", "the bridge will reopen in spring."]],
  ],
  [
    "X told <outlet>",
    "Omar Haddad disagreed with Mayor Lena Brandt. Haddad told the Harbour Gazette: \"The bridge is not safe yet.\"",
    [["Omar Haddad", "The bridge is not safe yet."]],
  ],
  [
    "in a statement",
    "Engineer Omar Haddad was asked by Mayor Lena Brandt to check. Haddad said in a statement: \"Every cable has been replaced.\"",
    [["Omar Haddad", "Every cable has been replaced."]],
  ],
  [
    "a quote split by its attribution",
    "Mayor Lena Brandt spoke to Omar Haddad. \"We are ready,\" she said. \"The bridge opens in April.\"",
    [
      ["Lena Brandt", "We are ready"],
      ["Lena Brandt", "The bridge opens in April."],
    ],
  ],
  [
    "a sentence split by its attribution",
    "\"We will not reopen the bridge,\" Mayor Lena Brandt said, \"until every cable is checked.\"",
    [
      ["Lena Brandt", "We will not reopen the bridge"],
      ["Lena Brandt", "until every cable is checked."],
    ],
  ],
  [
    "a pronoun resolved past a person of the other gender",
    "Engineer Omar Haddad spoke after Mayor Lena Brandt left. \"The cables are new,\" he added.",
    [["Omar Haddad", "The cables are new"]],
  ],
  [
    "a quote running over several paragraphs",
    "Mayor Lena Brandt described the plan: \"First the cables will be replaced.\n\n\"Then the deck will be tested for a month.\"",
    [["Lena Brandt", "First the cables will be replaced. Then the deck will be tested for a month."]],
  ],
  [
    "an unnamed official",
    "Mayor Lena Brandt declined to comment. \"There is no money for a second bridge,\" said a senior city official.",
    [["Senior city official", "There is no money for a second bridge"]],
  ],
  [
    "a pull quote signed with a dash",
    "\"The bridge is the heart of this town.\" ― Lena Brandt",
    [["Lena Brandt", "The bridge is the heart of this town."]],
  ],
];

describe("direct quotes and their speakers", () => {
  it.each(cases)("%s", (_pattern, text, expected) => {
    expect(quotesOf(extract(text))).toEqual(expected);
  });

  it("leaves out scare quotes of one or two words and titles in quotation marks", () => {
    const text =
      "Critics call the plan a \"fig leaf\" and a \"sham\". Mayor Lena Brandt spoke on the talk show \"Good Morning Harbour Town\" and praised the film \"The Long Bridge Home\".";
    expect(quotesOf(extract(text))).toEqual([]);
  });

  it("keeps the words exactly, dropping only the comma that belongs to the sentence", () => {
    const text = "\"Many different communications are emerging,\" Mayor Lena Brandt said.";
    expect(quotesOf(extract(text))).toEqual([["Lena Brandt", "Many different communications are emerging"]]);
  });
});

describe("reported statements", () => {
  it("are reported quotes in the article's wording", () => {
    const text = "Mayor Lena Brandt said that the bridge would reopen in April. Engineer Omar Haddad has suggested that the cables need another month of tests.";
    expect(quotesOf(extract(text), "reported")).toEqual([
      ["Lena Brandt", "The bridge would reopen in April."],
      ["Omar Haddad", "The cables need another month of tests."],
    ]);
  });
});
