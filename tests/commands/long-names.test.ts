import { describe, expect, it } from "vitest";
import { commands } from "../../commands/index.js";
import type { Options } from "../../src/command-kit/command.js";
import { buildCatalog } from "../../src/core/build-catalog.js";
import { digestSummary } from "../../src/core/digest.js";
import { formatProblem } from "../../src/core/errors.js";
import { NAME_MAX, TITLE_MAX } from "../../src/core/schema.js";
import { renderDigest } from "../../src/digest/render-digest.js";
import { articleFile, catalogOf, dataFiles, depsOf, storyFile } from "../builders.js";
import { expectSendable } from "./payload-checks.js";

/** Names and titles as long as the schema allows, and many of them. */
const atMost = (prefix: string, max: number) => `${prefix} ${"x".repeat(max)}`.slice(0, max);
const parties = Array.from({ length: 60 }, (_, i) => ({ id: `party-${i}`, name: atMost(`Party ${i}`, NAME_MAX), aliases: [] }));
const topics = Array.from({ length: 60 }, (_, i) => ({ id: `topic-${i}`, name: atMost(`Topic ${i}`, NAME_MAX), aliases: [] }));
const people = Array.from({ length: 60 }, (_, i) => ({ id: `person-${i}`, name: atMost(`Person ${i}`, NAME_MAX), aliases: [], role: atMost("Role", NAME_MAX * 2) }));
const story = storyFile({ title: atMost("Story", TITLE_MAX), parties, topics, people });
const article = articleFile({
  title: atMost("Article", TITLE_MAX),
  quotes: people.map((p) => ({ speaker: p.id, text: "Words.", kind: "direct" as const })),
  conditions: parties.map((p) => ({ party: p.id, text: "A demand.", firmness: "firm" as const })),
});
const deps = depsOf(catalogOf(story, [article]));
const run = async (name: string, options: Options = {}) => commands.find((c) => c.definition.name === name)!.run(options, deps);

describe("very long names stay within Discord's embed limits", () => {
  it("in every 'no match' answer", async () => {
    for (const payload of [
      await run("conditions", { party: "zzzz qqqq" }),
      await run("quote", { speaker: "zzzz qqqq" }),
      await run("quote", { query: "zzzz qqqq" }),
      await run("status", { topic: "zzzz qqqq" }),
      await run("quote", { speaker: "zzzz qqqq", query: "y".repeat(200) }),
    ]) {
      expectSendable(payload);
    }
  });

  it("in /help, with many stories", async () => {
    const many = Array.from({ length: 40 }, (_, i) => dataFiles(storyFile({ id: `story-${i}`, title: atMost(`Story ${i}`, TITLE_MAX) }), [articleFile()], `story-${i}`)).flat();
    const { catalog, problems } = buildCatalog(many);
    expect(problems).toEqual([]);
    const payload = await commands.find((c) => c.definition.name === "help")!.run({}, depsOf(catalog));
    expectSendable(payload);
    expect(payload.embeds[0]!.description).toMatch(/…/);
  });

  it("in a first digest's summary, even with text no schema capped", () => {
    const content = digestSummary(catalogOf(story, [article]).stories[0]!);
    const huge = { ...content, storyTitle: "T".repeat(10_000), articles: content.articles.map((a) => ({ ...a, title: "A".repeat(10_000) })) };
    for (const message of renderDigest(huge)) expectSendable(message);
  });
});

describe("the schema caps names and titles", () => {
  it("names the file, the field and the limit", () => {
    const tooLong = storyFile({ title: "S".repeat(TITLE_MAX + 1), parties: [{ id: "north", name: "N".repeat(NAME_MAX + 1), aliases: [] }] });
    const { problems } = buildCatalog(dataFiles(tooLong, [articleFile({ title: "A".repeat(TITLE_MAX + 1) })]));
    const messages = problems.map(formatProblem);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`story\\.json: title: .*at most ${TITLE_MAX} characters`)),
        expect.stringMatching(new RegExp(`story\\.json: parties\\[0\\]\\.name: .*at most ${NAME_MAX} characters`)),
      ]),
    );
  });

  it("accepts only http(s) source URLs", () => {
    const { problems } = buildCatalog(dataFiles(storyFile(), [articleFile({ source: { name: "Wire", url: "javascript:alert(1)" } })]));
    expect(problems.map(formatProblem)).toEqual([expect.stringMatching(/source\.url: expected an http\(s\) URL/)]);
  });
});
