import { describe, expect, it } from "vitest";
import { extract, quotesOf } from "./extract-helpers.js";

// Made-up sentences for conventions met in real news copy: other quotation marks, transcripts,
// framings that name whose words a quote is, and quoted spans that are nobody's words.
describe("quotation conventions", () => {
  it("reads doubled apostrophes as quotation marks, a single quote closing inside them included", () => {
    const text = "''The bridge will reopen in spring,'' Mayor Lena Brandt said. ''I told them, 'Not before the tests are done.'''";
    expect(quotesOf(extract(text))).toEqual([
      ["Lena Brandt", "The bridge will reopen in spring"],
      ["Lena Brandt", "I told them, 'Not before the tests are done.'"],
    ]);
  });

  it("starts a new quote at each speaker label of a transcript, whose turns leave their marks open", () => {
    const text = ["\"HOST: Will the bridge reopen in spring, Mayor?", "\"BRANDT: It will reopen in April, after the tests.", "\"HOST: And the cost of it all?"].join("\n\n");
    expect(quotesOf(extract(text))).toEqual([
      ["Host", "HOST: Will the bridge reopen in spring, Mayor?"],
      ["Brandt", "BRANDT: It will reopen in April, after the tests."],
      ["Host", "HOST: And the cost of it all?"],
    ]);
  });
});

describe("framings that name the speaker", () => {
  it("as X put it, before or after the quote", () => {
    const text =
      "Mayor Lena Brandt opened the bridge. As engineer Omar Haddad put it in a statement last week, the bridge is \"safer than it has ever been.\" " +
      "Brandt was pleased. The repairs were \"long overdue and worth every cent,\" as Councillor Ines Varga put it.";
    expect(quotesOf(extract(text))).toEqual([
      ["Omar Haddad", "safer than it has ever been."],
      ["Ines Varga", "long overdue and worth every cent"],
    ]);
  });

  it("a name standing as the appositive of a role: the spokesman, Jane Roe, said", () => {
    const text = "Mayor Lena Brandt opened the bridge. \"Every cable was replaced,\" the city spokesman, Omar Haddad, said on Friday.";
    expect(quotesOf(extract(text))).toEqual([["Omar Haddad", "Every cable was replaced"]]);
  });

  it("the subject after an opener of several commas, for a quote framed by a participle", () => {
    const text = "Speaking at the ferry terminal in Portwick, Harbour County, Mayor Lena Brandt praised the crews, calling the repairs \"a model for every town.\"";
    expect(quotesOf(extract(text))).toEqual([["Lena Brandt", "a model for every town."]]);
  });

  it("a role and an adverb around the name: the Green candidate Lena Brandt boldly said", () => {
    const text = "Omar Haddad listened as the Green candidate Lena Brandt boldly said that the bridge would be \"open by the first of May.\"";
    expect(quotesOf(extract(text))).toEqual([["Lena Brandt", "open by the first of May."]]);
  });

  it("what X called, and a verb of praise", () => {
    const text = "Mayor Lena Brandt met Omar Haddad. Under what Haddad called \"the old maintenance model,\" the cables rusted. A Gazette editorial hailed Brandt as \"The Bridge Builder\" last year.";
    expect(quotesOf(extract(text))).toEqual([
      ["Omar Haddad", "the old maintenance model"],
      ["Gazette editorial", "The Bridge Builder"],
    ]);
  });
});

describe("quoted spans that are nobody's words", () => {
  it.each([
    ["a writer's sign-off", "Mayor Lena Brandt opened the bridge.\n\n\"Follow Ada Quill on Twitter @adaquill.\""],
    ["a headline credited to its writer", "MOVING SHOP—\"Harbour gallery opens across from the old bridge,\" by Gazette's Ada Quill: http://example.com/x."],
    ["a song named after its kind", "Mayor Lena Brandt danced to the town anthem \"Bridges Over Harbour Town,\" she added."],
    ["a show named after told", "\"We are ready,\" Mayor Lena Brandt told \"Harbour Town Tonight,\" a local program."],
    ["a term being defined", "The grant needs a \"designated renewal zone,\" which is defined as a district with low income."],
    ["a translation", "The town motto is Latin for \"the bridge holds us all.\""],
    ["a quote inside an embedded post", "<tweet author=\"adaquill\">Mayor says the bridge is \"safe for every family\" now<tweet/> Mayor Lena Brandt spoke."],
  ])("%s", (_kind, text) => {
    expect(quotesOf(extract(text)).filter(([, quote]) => !/^We are ready/.test(quote))).toEqual([]);
  });
});
