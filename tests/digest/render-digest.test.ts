import { describe, expect, it } from "vitest";
import { digestChanges } from "../../src/core/digest.js";
import { nothingChanged, renderDigest } from "../../src/digest/render-digest.js";
import { articleFile, catalogOf, storyFile } from "../builders.js";
import { expectSendable } from "../commands/payload-checks.js";

const long = (n: number) => "word ".repeat(n).trim();

describe("rendering a digest", () => {
  it("splits a huge digest across messages within every limit, dropping nothing", () => {
    const topics = Array.from({ length: 60 }, (_, i) => ({ id: `topic-${i}`, name: `Topic ${i}`, aliases: [] }));
    const articles = Array.from({ length: 40 }, (_, i) =>
      articleFile({
        id: `article-${i}`,
        title: `Article ${i} ${long(35)}`,
        date: "2025-03-01",
        status: topics.map((t) => ({ topic: t.id, state: "proposed" as const, detail: `Detail ${i} ${long(150)}`, date: "2025-03-01" })),
        quotes: [{ speaker: "ana-ruznjak", text: long(300), kind: "direct" }],
        conditions: [{ party: "north", text: `Condition ${i} ${long(30)}`, firmness: "stated" }],
      }),
    );
    const story = catalogOf(storyFile({ topics }), articles).stories[0]!;
    const messages = renderDigest(digestChanges(story, new Set()));
    expect(messages.length).toBeGreaterThan(1);
    for (const message of messages) expectSendable(message);
    const threadNames = messages.flatMap((m) => m.embeds).filter((e) => e.title?.startsWith("Threads")).flatMap((e) => e.fields!.map((f) => f.name));
    expect(threadNames).toHaveLength(60);
    expect(messages[0]!.embeds[0]!.description).toMatch(/^\*\*In short:\*\* [^\n]+\.\n40 new articles:/);
  });

  it("says nothing changed in one line", () => {
    expect(nothingChanged("Test story", "<t:1739088000:f>")).toEqual({
      content: "No changes in Test story since <t:1739088000:f>.",
      embeds: [],
      allowedMentions: { parse: [] },
    });
  });
});
