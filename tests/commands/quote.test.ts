import { describe, expect, it } from "vitest";
import { quote } from "../../commands/quote.js";
import { articleFile, catalogOf, depsOf, storyFile } from "../builders.js";
import { loadSeed } from "../seed.js";
import { expectSendable } from "./payload-checks.js";

const deps = depsOf(await loadSeed());
const run = async (options: Record<string, string>) => {
  const payload = await quote.run(options, deps);
  expectSendable(payload);
  return payload.embeds[0]!;
};

describe("/quote", () => {
  it("shows a speaker's quotes with speaker, role, date and source", async () => {
    const embed = await run({ speaker: "Peskov" });
    expect(embed.title).toBe("Quotes from Dmitry Peskov");
    expect(embed.fields).toHaveLength(2);
    expect(embed.fields![0]).toEqual({
      name: "Dmitry Peskov · Kremlin spokesperson",
      value: "“Many different communications are emerging”\nPeskov to the TASS news agency, asked about the call Trump described\n9 Feb 2025 · News report (publisher not named)",
    });
  });

  it("finds the same person through a typo", async () => {
    expect((await run({ speaker: "pskov" })).fields).toEqual((await run({ speaker: "Peskov" })).fields);
  });

  it("finds a quote by its words", async () => {
    const embed = await run({ query: "people stop dying" });
    expect(embed.title).toBe('Quotes matching "people stop dying"');
    expect(embed.fields?.[0]?.name).toBe("Donald Trump · President of the United States");
    expect(embed.fields?.[0]?.value).toContain("“He (Putin) wants to see people stop dying.”");
  });

  it("shows five and counts the rest", async () => {
    const embed = await run({ speaker: "Trump" });
    const trumpQuotes = deps.catalog().stories[0]!.quotes.filter((q) => q.speaker.name === "Donald Trump").length;
    expect(embed.fields).toHaveLength(5);
    expect(embed.footer?.text).toBe(`Talks to end the war in Ukraine · Page 1 of ${Math.ceil(trumpQuotes / 5)}\n/quote speaker:"Trump"`);
  });

  it("marks reported speech as reported", async () => {
    const embed = await run({ speaker: "Putin" });
    expect(embed.fields?.[0]?.value).toMatch(/^\*He is willing to negotiate a peace deal, but only on his conditions\.\* \(reported\)/);
  });

  it("says when nobody by that name is quoted, and offers the closest names", async () => {
    const embed = await run({ speaker: "Pesko Dmitrov" });
    expect(embed.title).toBe("No matching quotes");
    expect(embed.description).toContain('Nobody called "Pesko Dmitrov" is quoted');
    expect(embed.description).toMatch(/Did you mean: Dmitry Peskov/);
  });

  it("says when no quote has the words, and lists who is quoted", async () => {
    const embed = await run({ query: "bananas" });
    expect(embed.description).toBe(
      'No quote matching "bananas" in Talks to end the war in Ukraine.\nPeople quoted: Donald Trump, Dmitry Peskov, Vladimir Putin, Russian lawmakers.',
    );
  });

  it("completes speakers as typed, at most 25", () => {
    expect(quote.autocomplete!("speaker", "pes", deps)).toEqual([{ name: "Dmitry Peskov — Kremlin spokesperson", value: "Dmitry Peskov" }]);
    expect(quote.autocomplete!("speaker", "", deps)[0]?.value).toBe("Donald Trump");
    const crowd = storyFile({
      people: Array.from({ length: 40 }, (_, i) => ({ id: `person-${i}`, name: `Person Number${i}`, aliases: [] })),
    });
    expect(quote.autocomplete!("speaker", "person", depsOf(catalogOf(crowd, [articleFile()])))).toHaveLength(25);
  });

  it("escapes Discord markdown in story text and never pings", async () => {
    const story = storyFile();
    const article = articleFile({ quotes: [{ speaker: "boris-kovalenko", text: "@everyone **now** <@123>", kind: "direct" }] });
    const payload = await quote.run({ speaker: "Kovalenko" }, depsOf(catalogOf(story, [article])));
    expect(payload.allowedMentions).toEqual({ parse: [] });
    expect(payload.embeds[0]?.fields?.[0]?.value).toContain("“@\u200beveryone \\*\\*now\\*\\* \\<@123\\>”");
  });
});
