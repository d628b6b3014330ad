import { describe, expect, it } from "vitest";
import { conditions } from "../../commands/conditions.js";
import { quote } from "../../commands/quote.js";
import { status } from "../../commands/status.js";
import { articleFile, catalogOf, depsOf, storyFile } from "../builders.js";
import { expectSendable } from "./payload-checks.js";

/** A story far larger than any embed: long texts, names as long as the schema allows, many parties, long histories. */
const long = (n: number) => "word ".repeat(n).trim();
const parties = Array.from({ length: 40 }, (_, i) => ({ id: `party-${i}`, name: `Party ${i} ${long(18)}`, aliases: [] }));
const topics = Array.from({ length: 40 }, (_, i) => ({ id: `topic-${i}`, name: `Topic ${i} ${long(18)}`, aliases: [] }));
const people = [{ id: "speaker", name: `Speaker ${long(18)}`, aliases: ["Speaker"], role: long(39) }];
const articles = Array.from({ length: 30 }, (_, i) =>
  articleFile({
    id: `article-${i}`,
    date: `2025-01-${String(i + 1).padStart(2, "0")}`,
    source: { name: `Source ${long(18)}` },
    quotes: [{ speaker: "speaker", text: `Quote ${i} ${long(900)}`, kind: "direct", context: long(100) }],
    conditions: parties.map((p, j) => ({ party: p.id, text: `Condition ${i}-${j} ${long(100)}`, firmness: "firm" as const })),
    status: topics.map((t) => ({ topic: t.id, state: "proposed" as const, detail: `Detail ${i} ${long(100)}`, date: `2025-01-${String(i + 1).padStart(2, "0")}` })),
  }),
);
const deps = depsOf(catalogOf(storyFile({ parties, topics, people }), articles));

describe("oversized stories stay within Discord's embed limits", () => {
  it("/quote truncates long quotes and pages the rest, five to a page", async () => {
    const payload = await quote.run({ speaker: "Speaker" }, deps);
    expectSendable(payload);
    expect(payload.embeds[0]!.fields).toHaveLength(5);
    expect(payload.embeds[0]!.fields![0]!.value).toContain("…");
    expect(payload.embeds[0]!.footer?.text).toMatch(/Page 1 of 6\n\/quote speaker:"Speaker"$/);
  });

  it("/conditions pages the parties that do not fit, and cuts a party's list within its field", async () => {
    const payload = await conditions.run({}, deps);
    expectSendable(payload);
    expect(payload.embeds[0]!.fields!.length).toBeLessThan(40);
    expect(payload.embeds[0]!.footer?.text).toMatch(/Page 1 of \d+\n\/conditions$/);
    expect(payload.components?.[0]?.components.map((b) => b.label)).toEqual(["◀ Newer", "Older ▶"]);
    expect(payload.embeds[0]!.fields![0]!.value).toMatch(/…and \d+ more$/);
  });

  it("/status keeps each thread's history within a field and pages the threads that do not fit", async () => {
    const payload = await status.run({}, deps);
    expectSendable(payload);
    expect(payload.embeds[0]!.footer?.text).toMatch(/Page 1 of \d+\n\/status$/);
    expect(payload.embeds[0]!.fields![0]!.value).toMatch(/…and \d+ earlier$/);
  });
});
