import { describe, expect, it } from "vitest";
import { conditions } from "../../commands/conditions.js";
import { quote } from "../../commands/quote.js";
import { status } from "../../commands/status.js";
import { manyThreads } from "../fixtures/many-threads.js";
import type { CommandDeps, ReplyPayload } from "../../src/command-kit/command.js";
import { commandLine, isExpired, optionsDigest, pageId, parsePageId, readCommandLine } from "../../src/command-kit/paging.js";
import { articleFile, catalogOf, depsOf, storyFile } from "../builders.js";
import { expectSendable } from "../commands/payload-checks.js";

/** 40 quotes over 40 days, each long enough that five fill an embed, with markdown and quotes in them. */
const story = catalogOf(
  storyFile(),
  Array.from({ length: 40 }, (_, i) =>
    articleFile({
      id: `a${i}`,
      date: new Date(Date.UTC(2025, 0, 1 + i)).toISOString().slice(0, 10),
      quotes: [{ speaker: "ana-ruznjak", text: `Quote number ${i}: "the *border* stays open" ${"and so on ".repeat(150)}`, kind: "direct" }],
    }),
  ),
);
const base = depsOf(story);

describe("paging a long answer", () => {
  it("walks every match of a 40-quote answer exactly once, Older after Older, each page within Discord's limits", async () => {
    const seen: string[] = [];
    let payload: ReplyPayload = await quote.run({ speaker: "Ružnják" }, base);
    for (let guard = 0; guard < 20; guard++) {
      expectSendable(payload);
      seen.push(...payload.embeds[0]!.fields!.map((f) => /Quote number (\d+)/.exec(f.value)![1]!));
      const older = payload.components![0]!.components.find((b) => b.label!.includes("Older"))!;
      if (older.disabled) break;
      // What a press carries: the button's custom_id and the message's footer; nothing else.
      const state = parsePageId(older.custom_id)!;
      const options = readCommandLine("quote", payload.embeds[0]!.footer!.text)!;
      expect(optionsDigest("quote", options)).toBe(state.digest);
      payload = await quote.run(options, { ...base, paging: { page: state.page, created: state.created } });
    }
    expect(seen).toHaveLength(40);
    expect(new Set(seen).size).toBe(40);
    expect(payload.embeds[0]!.footer!.text).toMatch(/Page 8 of 8/);
  });

  it("keeps custom_ids within 100 characters, unique in a message, and the console's --page N lands on the same page", async () => {
    const deps: CommandDeps = { ...base, paging: { page: 3, created: new Date("2025-03-10T12:00:00Z") } };
    const payload = await quote.run({ speaker: "Ružnják", query: "border" }, deps);
    const ids = payload.components![0]!.components.map((b) => b.custom_id);
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(100);
    expect(new Set(ids).size).toBe(ids.length);
    expect(payload.embeds[0]!.footer!.text).toMatch(/Page 3 of 8\n\/quote query:"border" speaker:"Ružnják"$/);
    const beyond = await quote.run({ speaker: "Ružnják" }, { ...base, paging: { page: 99, created: new Date() } });
    expect(beyond.embeds[0]!.footer!.text).toMatch(/Page 8 of 8/);
  });

  it("reads back values holding quotes, backslashes and colons, and rejects anything else", () => {
    const options = { query: 'he said "no" \\ then: yes', speaker: "A" };
    const line = commandLine("quote", options);
    expect(readCommandLine("quote", `Story · Page 2 of 3\n${line}`)).toEqual(options);
    expect(readCommandLine("quote", "Story · Page 2 of 3\n/status topic:\"x\"")).toBeUndefined();
    expect(readCommandLine("quote", '/quote query:"unterminated')).toBeUndefined();
    expect(parsePageId("pg:quote:2:zz:abc")).toMatchObject({ command: "quote", page: 2 });
    expect(parsePageId("something-else")).toBeUndefined();
  });

  it("expires 15 minutes after the answer was first given", () => {
    const created = new Date("2025-03-10T12:00:00Z");
    const state = parsePageId(pageId({ command: "quote", page: 2, created, digest: "abc" }))!;
    expect(isExpired(state, new Date(created.getTime() + 14 * 60_000))).toBe(false);
    expect(isExpired(state, new Date(created.getTime() + 16 * 60_000))).toBe(true);
  });
});

describe("paging /status and /conditions", () => {
  /** Presses Older until it is disabled, reading each page back from the button and footer alone. */
  async function walk(command: typeof status, name: string, options: Record<string, string>, deps: CommandDeps, label: (field: { name: string; value: string }) => string): Promise<string[]> {
    const seen: string[] = [];
    let payload: ReplyPayload = await command.run(options, deps);
    for (let guard = 0; guard < 50; guard++) {
      expectSendable(payload);
      seen.push(...payload.embeds[0]!.fields!.map(label));
      const older = payload.components?.[0]?.components.find((b) => b.label?.includes("Older"));
      if (!older || older.disabled) break;
      const state = parsePageId(older.custom_id!)!;
      const read = readCommandLine(name, payload.embeds[0]!.footer!.text)!;
      payload = await command.run(read, { ...deps, paging: { page: state.page, created: state.created } });
    }
    return seen;
  }

  it("walks every thread of a 60-thread story exactly once, whole threads on each page", async () => {
    const deps = depsOf(manyThreads({ threads: 60, items: 300, longText: true }));
    const seen = await walk(status, "status", {}, deps, (f) => /^Thread (\d+)/.exec(f.name)![1]!);
    expect(seen).toHaveLength(60);
    expect(new Set(seen).size).toBe(60);
  });

  it("walks every party's conditions once, never splitting a party across pages", async () => {
    const parties = Array.from({ length: 30 }, (_, i) => ({ id: `side-${i}`, name: `Side ${i}`, aliases: [] }));
    const article = articleFile({ conditions: parties.flatMap((p) => Array.from({ length: 6 }, (_, n) => ({ party: p.id, text: `Demand ${n} of ${p.name}: ${"a long clause ".repeat(8)}`, firmness: "firm" as const }))) });
    const deps = depsOf(catalogOf(storyFile({ parties }), [article]));
    const seen = await walk(conditions, "conditions", {}, deps, (f) => {
      expect(f.value.match(/Demand \d/g)).toHaveLength(6);
      return f.name;
    });
    expect(seen).toHaveLength(30);
    expect(new Set(seen).size).toBe(30);
  });

  it("adds no buttons when everything fits on one page", async () => {
    const payload = await status.run({}, depsOf(manyThreads({ threads: 3, items: 6 })));
    expect(payload.components ?? []).toEqual([]);
  });
});
