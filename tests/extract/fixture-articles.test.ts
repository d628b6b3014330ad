import { describe, expect, it } from "vitest";
import { readHeader } from "../../src/core/extract/article-header.js";
import { articleSchema } from "../../src/core/schema.js";
import { extract, fixture, quotesOf } from "./extract-helpers.js";

describe("grain-corridor.txt: a plain article with a title line, a date line and a wire dateline", () => {
  const extracted = extract(fixture("grain-corridor.txt"));
  const { article } = extracted;

  it("is a valid article file", () => {
    expect(articleSchema.safeParse(article).success).toBe(true);
  });

  it("reads title, date, dateline and agency", () => {
    expect(article.title).toBe("Talks on the grain corridor stall as Ankara waits for Moscow");
    expect(article.date).toBe("2025-03-03");
    expect(article.dateline).toBe("Istanbul");
    expect(article.source.name).toBe("Reuters");
    expect(article.id).toBe("2025-03-03-talks-on-the-grain-corridor-stall-as-ankara-waits-for-moscow");
  });

  it("merges later mentions, diacritics and transliterations into one person with a role", () => {
    const people = Object.fromEntries(article.people.map((p) => [p.id, p]));
    expect(people["anna-aydin"]).toMatchObject({ name: "Anna Aydın", role: "Turkish Foreign Minister", party: "turkey" });
    expect(people["anna-aydin"]!.aliases).toEqual(expect.arrayContaining(["Aydin", "Aydın"]));
    expect(people["pavel-orlov"]).toMatchObject({ role: "Kremlin spokesman", party: "russia" });
    expect(people["mykola-hrytsenko"]!.aliases).toEqual(expect.arrayContaining(["Hrytsenko", "Hritsenko"]));
    expect(article.people.map((p) => p.id)).not.toContain("hritsenko");
  });

  it("credits every direct quote to the right speaker", () => {
    expect(quotesOf(extracted)).toEqual([
      ["Anna Aydın", "We are ready to host both delegations this month"],
      ["Anna Aydın", "The corridor saved millions of people from hunger."],
      ["Pavel Orlov", "Nobody benefits from an empty sea"],
      ["Pavel Orlov", "Our position has not changed since the summer."],
      ["Mykola Hrytsenko", "the ships must sail without Russian inspections."],
      ["Mykola Hrytsenko", "We will not sign anything that limits our ports."],
      ["Mykola Hrytsenko", "Ukraine has kept every promise it made in Istanbul."],
      ["Mykola Hrytsenko", "We will not sign"],
      ["Mykola Hrytsenko", "a deal that closes our ports to the world."],
      ["Anna Aydın", "Both sides have shown good will"],
      ["Pavel Orlov", "The talks are useful"],
      ["Pavel Orlov", "We need more time to study the text."],
      ["Anna Aydın", "The first convoy would leave Odesa under a neutral flag. A second convoy would follow a week later, once insurers agree."],
      ["Senior Turkish official", "There is no deal yet"],
    ]);
  });

  it("keeps reported statements as reported quotes", () => {
    expect(quotesOf(extracted, "reported")).toEqual([
      ["Mykola Hrytsenko", "Kyiv would not accept inspections of its ships by Russian officers."],
      ["Pavel Orlov", "Russia would return to the deal only if Western sanctions on fertiliser exports are lifted and Russian ships can use Western insurers."],
      ["Mykola Hrytsenko", "Ukraine's control of its own ports is non-negotiable."],
    ]);
  });

  it("lists each condition on its own with party, holder and firmness", () => {
    expect(article.conditions).toEqual([
      { party: "russia", holder: "pavel-orlov", text: "Western sanctions on fertiliser exports are lifted", firmness: "firm" },
      { party: "russia", holder: "pavel-orlov", text: "Russian ships can use Western insurers", firmness: "firm" },
      { party: "ukraine", holder: "mykola-hrytsenko", text: "Ukraine's control of its own ports", firmness: "non-negotiable" },
      { party: "turkey", holder: "anna-aydin", text: "a neutral inspection team based in Istanbul", firmness: "firm" },
    ]);
    expect(extracted.parties.map((p) => p.name).sort()).toEqual(["Russia", "Turkey", "Ukraine"]);
  });

  it("follows one topic through its states", () => {
    expect(article.status.map((s) => [s.topic, s.state])).toEqual([
      ["aydin-hrytsenko-meeting", "proposed"],
      ["aydin-hrytsenko-meeting", "unconfirmed"],
      ["aydin-hrytsenko-meeting", "planned"],
    ]);
    expect(extracted.topics).toEqual([expect.objectContaining({ id: "aydin-hrytsenko-meeting", name: "Aydın–Hrytsenko meeting" })]);
    // The places it went by are aliases, so /status topic: finds it by any of them.
    expect(extracted.topics[0]!.aliases).toEqual(expect.arrayContaining(["Istanbul meeting", "Odesa meeting"]));
  });
});

describe("zelensky-visit.txt: a short wire story", () => {
  const extracted = extract(fixture("zelensky-visit.txt"));

  it("reads the header and the quotes", () => {
    expect(extracted.article).toMatchObject({ date: "2025-02-12", dateline: "Kyiv", source: { name: "AP" } });
    expect(quotesOf(extracted)).toEqual([
      ["Volodymyr Zelensky", "We need security guarantees before any ceasefire"],
      ["Volodymyr Zelensky", "Without them, a pause only helps Russia rearm."],
    ]);
    expect(quotesOf(extracted, "reported")).toEqual([["Dmitri Peskov", "Russia would not accept foreign troops in Ukraine under any agreement."]]);
  });

  it("maps plans, silence and non-denials to states", () => {
    expect(extracted.article.status.map((s) => [s.topic, s.state])).toEqual([
      ["zelensky-trump-meeting", "planned"],
      ["putin-trump-call", "unconfirmed"],
      ["zelensky-trump-meeting", "unconfirmed"],
    ]);
  });
});

describe("the seed article", () => {
  const extracted = extract(fixture("seed-2025-02-09-ukraine.txt"));
  const { article } = extracted;

  it("reads the seed's first-line form and its section headings", () => {
    expect(article.date).toBe("2025-02-09");
    expect(article.dateline).toBe("Washington D.C.");
    expect(extracted.headings).toEqual([
      "Trump’s Statement on War and Peace Talks",
      "Kremlin’s Response",
      "Potential Trump-Putin Peace Meeting",
      "Putin’s Conditions for Peace",
      "Trump’s Plan to End the War",
      "Meeting with Zelenskyy",
    ]);
  });

  it("finds Putin's two conditions with the hand-made firmness", () => {
    expect(article.conditions.map((c) => [c.party, c.holder, c.firmness])).toEqual([
      ["russia", "vladimir-putin", "non-negotiable"],
      ["russia", "vladimir-putin", "firm"],
    ]);
  });

  it("finds the hand-made topics and states", () => {
    expect(article.status.map((s) => [s.topic, s.state])).toEqual([
      ["trump-putin-call", "claimed"],
      ["trump-putin-call", "unconfirmed"],
      ["trump-putin-meeting", "proposed"],
      ["trump-plan", "claimed"],
      ["trump-zelenskyy-meeting", "planned"],
      ["zelenskyy-minerals-deal", "proposed"],
    ]);
  });

  it("finds the reported statements of the hand-made data, Russian lawmakers included", () => {
    expect(quotesOf(extracted, "reported").map(([speaker]) => speaker)).toEqual(["Donald Trump", "Russian lawmakers", "Vladimir Putin", "Donald Trump"]);
  });
});

describe("headers", () => {
  it("reads an ISO date line and a dateline without an agency", () => {
    const header = readHeader("Port reopens\n2025-04-01\n\nODESA — The port reopened on Tuesday.");
    expect(header).toMatchObject({ title: "Port reopens", date: "2025-04-01", dateline: "Odesa" });
  });

  it("reads a day-month-year date", () => {
    expect(readHeader("Port reopens\n1 April 2025\n\nThe port reopened.").date).toBe("2025-04-01");
  });
});
