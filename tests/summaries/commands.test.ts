import { describe, expect, it } from "vitest";
import { brief } from "../../commands/brief.js";
import { timeline } from "../../commands/timeline.js";
import { who } from "../../commands/who.js";
import { whoSaidText } from "../../commands/who-said.js";
import type { CommandDeps, Options } from "../../src/command-kit/command.js";
import { pictureHeight, WIDTH } from "../../src/render/timeline-layout.js";
import { articleFile, catalogOf, depsOf, storyFile } from "../builders.js";
import { expectSendable } from "../commands/payload-checks.js";
import { manyThreads } from "../fixtures/many-threads.js";
import { loadSeed } from "../seed.js";
import { readPng } from "./png.js";

const seed = depsOf(await loadSeed());
const run = async (command: { run: (o: Options, d: CommandDeps) => unknown }, options: Options, deps: CommandDeps = seed) => {
  const payload = (await command.run(options, deps)) as Awaited<ReturnType<typeof brief.run>>;
  expectSendable(payload);
  return payload;
};

describe("/brief", () => {
  it("sums up the seed story in at most 8 lines: the call unconfirmed, the proposed meeting, Russia's conditions", async () => {
    const { embeds } = await run(brief, {});
    const lines = embeds[0]!.description!.split("\n");
    expect(lines.length).toBeLessThanOrEqual(8);
    expect(lines[0]).toMatch(/^\*\*Since 9 Feb 2025\*\* \(1 article\): The Trump–Putin call was claimed, then unconfirmed; the Trump–Putin meeting was proposed/);
    expect(lines).toContain("• New: Trump–Putin call: **Unconfirmed**, was Claimed (9 Feb 2025)");
    expect(lines).toContain("• New: Trump–Putin meeting: **Proposed** (9 Feb 2025)");
    expect(lines.find((l) => l.startsWith("**Open conditions:**"))).toMatch(/Russia: Ukraine is excluded from NATO .* \(non-negotiable\) \+1 more/);
    expect(lines.find((l) => l.startsWith("“"))).toMatch(/ — Donald Trump, 9 Feb 2025$/);
    expect(lines.at(-1)).toMatch(/^Sources: News report \(publisher not named\)/);
    // Our words, not the article's: its summary never shows.
    const summary = seed.catalog().stories[0]!.articles[0]!.summary;
    expect(embeds[0]!.description).not.toContain(summary.slice(0, 40));
  });

  it("works on any story: says what changed since a date, changed threads first, with source links", async () => {
    const story = catalogOf(storyFile(), [
      articleFile({ id: "a1", date: "2025-03-01", status: [{ topic: "ceasefire", state: "in-effect", detail: "x", date: "2025-03-01" }, { topic: "border-talks", state: "proposed", detail: "y", date: "2025-03-01" }] }),
      articleFile({ id: "a2", date: "2025-03-05", source: { name: "Wire [x](https://evil.example)", url: "https://example.com/a2" }, status: [{ topic: "ceasefire", state: "violated", detail: "z", date: "2025-03-05" }] }),
    ]);
    const { embeds } = await run(brief, { since: "2025-03-04" }, depsOf(story));
    const lines = embeds[0]!.description!.split("\n");
    expect(lines[0]).toBe("**Since 4 Mar 2025** (1 article): The Ceasefire was violated.");
    expect(lines[1]).toBe("• New: Ceasefire: **Violated**, was In effect (5 Mar 2025)");
    expect(lines[2]).toBe("• Border talks: **Proposed** (1 Mar 2025)");
    // The source's name is text: its markdown cannot make a link of its own.
    expect(lines.at(-1)).toMatch(/^Sources: \[Wire \\\[x\\\]\(https\\?:\/\/evil\.example\)\]\(https:\/\/example\.com\/a2\) \(5 Mar 2025\), /);
  });

  it("turns a malformed date away with a helpful message", async () => {
    await expect(async () => brief.run({ since: "last week" }, seed)).rejects.toThrow(/since must be a date as YYYY-MM-DD/);
  });
});

describe("/who", () => {
  it("shows Peskov's role, party, how often and when he was quoted, and his quote", async () => {
    const { embeds } = await run(who, { person: "Peskov" });
    expect(embeds[0]!.title).toBe("Dmitry Peskov");
    expect(embeds[0]!.description).toBe("Kremlin spokesperson · Russia\nQuoted 2 times; most recently on 9 Feb 2025.");
    expect(embeds[0]!.fields![0]!.name).toBe("Latest quotes");
    expect(embeds[0]!.fields![0]!.value).toContain("I can neither confirm nor deny it.");
    expect(embeds[0]!.fields!.find((f) => f.name === "Threads they appear in")!.value).toBe("• Trump–Putin call: Unconfirmed (9 Feb 2025)");
  });

  it("finds people through typos, lists the conditions they set, and completes names like /quote", async () => {
    const { embeds } = await run(who, { person: "putn" });
    expect(embeds[0]!.title).toBe("Vladimir Putin");
    expect(embeds[0]!.fields!.find((f) => f.name === "Conditions they set")!.value).toMatch(/^• Russia, non-negotiable: Ukraine is excluded from NATO/);
    expect(who.autocomplete!("person", "pes", seed)).toEqual([{ name: "Dmitry Peskov — Kremlin spokesperson", value: "Dmitry Peskov" }]);
    const none = await run(who, { person: "Zzyzx Qwerty" });
    expect(none.embeds[0]!.title).toBe("Nobody by that name");
  });
});

describe("/timeline", () => {
  it("returns an embed showing a PNG of the stated size, with more than one colour", async () => {
    const payload = await run(timeline, {});
    expect(payload.embeds[0]!.image).toEqual({ url: "attachment://timeline.png" });
    expect(payload.embeds[0]!.description).toMatch(/^6 developments in 5 threads, the whole story; newest first\.\n\*\*9 Feb 2025\*\* · Rare earth minerals for US support: Proposed\n/);
    expect(payload.embeds[0]!.description).toContain("**9 Feb 2025** · Trump–Putin call: Claimed → Unconfirmed\n**9 Feb 2025** · Trump–Putin call: Claimed");
    const file = payload.files![0]!;
    expect(file.name).toBe("timeline.png");
    const png = readPng(file.data);
    expect(png).toMatchObject({ width: WIDTH, height: pictureHeight(5, 0) });
    expect(png.colours).toBeGreaterThan(10);
  });

  it("falls back to text, saying so, when the picture cannot be drawn", async () => {
    const payload = await run(timeline, {}, { ...seed, renderPng: () => { throw new Error("no renderer"); } });
    expect(payload.files).toBeUndefined();
    expect(payload.embeds[0]!.image).toBeUndefined();
    expect(payload.embeds[0]!.description).toMatch(/The picture could not be drawn this time/);
  });

  it("stays within Discord's limits for 200 threads with long, markdown-laden names", async () => {
    const deps = depsOf(manyThreads({ threads: 200, items: 800, longText: true }));
    const payload = await run(timeline, {}, deps);
    expect(payload.embeds[0]!.description).toMatch(/…and \d+ earlier: narrow it with topic:, from: or to:$/);
    const file = payload.files![0]!;
    expect(file.data.length).toBeLessThan(8 * 1024 * 1024);
    const { width, height } = readPng(file.data);
    expect(width).toBe(WIDTH);
    expect(height).toBeGreaterThanOrEqual(pictureHeight(25, 175, 1));
    expect(height).toBeLessThanOrEqual(pictureHeight(25, 175, 3));
    await run(brief, {}, deps);
  });

  it("narrows to a date range and a topic, and rejects a reversed range", async () => {
    const story = catalogOf(storyFile(), [
      articleFile({ id: "a1", date: "2025-03-01", status: [{ topic: "ceasefire", state: "agreed", detail: "x", date: "2025-03-01" }] }),
      articleFile({ id: "a2", date: "2025-04-01", status: [{ topic: "ceasefire", state: "in-effect", detail: "y", date: "2025-04-01" }, { topic: "border-talks", state: "held", detail: "z", date: "2025-04-01" }] }),
    ]);
    const deps = depsOf(story);
    const ranged = await run(timeline, { from: "2025-03-15" }, deps);
    expect(ranged.embeds[0]!.description).toBe("2 developments in 2 threads, 15 Mar 2025 to now; newest first.\n**1 Apr 2025** · Border talks: Held\n**1 Apr 2025** · Ceasefire: Agreed → In effect");
    const topic = await run(timeline, { topic: "truce" }, deps);
    expect(topic.embeds[0]!.title).toBe("Timeline: truce");
    await expect(async () => timeline.run({ from: "2025-05-01", to: "2025-04-01" }, deps)).rejects.toThrow(/is after to/);
  });
});

describe("/whosaid", () => {
  it("names the speaker of a seed quote typed with a typo, and says when words are not in the story", async () => {
    const found = await run(whoSaidText, { text: "many diferent comunications are emerging" });
    expect(found.ephemeral).toBe(true);
    expect(found.embeds[0]!.title).toBe("Who said this? Dmitry Peskov");
    expect(found.embeds[0]!.fields![0]!.value).toContain("Peskov to the TASS news agency");
    const missing = await run(whoSaidText, { text: "the weather in Paris is lovely this spring" });
    expect(missing.embeds[0]!.title).toBe("Not in the story");
  });
});
