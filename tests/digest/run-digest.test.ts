import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { ArticleFile } from "../../src/core/schema.js";
import type { Catalog } from "../../src/core/story.js";
import { createPacer } from "../../src/digest/pacer.js";
import { openStateDb } from "../../src/digest/state-db.js";
import { subscriptionRepo } from "../../src/digest/subscriptions.js";
import { articleFile, catalogOf, storyFile } from "../builders.js";
import { type DigestRig, digestRig, fakePoster, testClock } from "./fakes.js";

const article = (id: string, date: string, topicState: "proposed" | "scheduled" | "held", quote: string): ArticleFile =>
  articleFile({
    id,
    title: `Article ${id}`,
    date,
    quotes: [{ speaker: "boris-kovalenko", text: quote, kind: "direct" }],
    status: [{ topic: "border-talks", state: topicState, detail: `Talks ${topicState}`, date }],
  });

let file: string;
let articles: ArticleFile[];
let catalog: Catalog;
let poster: ReturnType<typeof fakePoster>;
let clock: ReturnType<typeof testClock>;
let rig: DigestRig;
const setArticles = (list: ArticleFile[]) => {
  articles = list;
  catalog = catalogOf(storyFile(), articles);
};
const open = (repo?: Parameters<typeof digestRig>[0]["repo"]) =>
  digestRig({ file, catalog: () => catalog, poster: poster.poster, clock, ...(repo ? { repo } : {}) });
const subscribe = (channelId: string, extra: { schedule?: string; quiet?: boolean; timezone?: string } = {}) =>
  rig.service.subscribe({ guildId: "g1", channelId, storyId: "test-story", schedule: extra.schedule ?? "daily 08:00", timezone: extra.timezone ?? "UTC", quiet: extra.quiet ?? true }).subscription;
const titles = (channelId: string) => poster.messages(channelId).map((m) => m.payload.content ?? m.payload.embeds[0]?.title);

beforeEach(() => {
  file = path.join(mkdtempSync(path.join(tmpdir(), "storyline-digest-")), "state.sqlite");
  setArticles([article("a1", "2025-03-01", "proposed", "We propose talks in March.")]);
  poster = fakePoster();
  clock = testClock("2025-03-01T07:00:00Z");
  rig = open();
});

describe("digest runs", () => {
  it("schedules each subscription in its own zone, and posts when the scheduler fires", async () => {
    subscribe("c1", { timezone: "Europe/Kyiv" });
    clock.set("2025-03-01T05:59:00Z");
    rig.scheduler.fireAll();
    await rig.service.stop(); // waits for anything the tick queued
    expect(titles("c1")).toEqual([]);
    rig = rig.restart();
    clock.set("2025-03-01T06:00:00Z"); // 08:00 in Kyiv (UTC+2)
    rig.scheduler.fireAll();
    await vi.waitFor(() => expect(titles("c1")).toEqual(["Where things stand · Test story"]));
  });

  it("posts a short summary first, then exactly what changed, then nothing while nothing changes", async () => {
    const sub = subscribe("c1");
    clock.set("2025-03-01T08:00:00Z");
    expect(await rig.service.tick(sub.id)).toBe("posted");
    setArticles([...articles, article("a2", "2025-03-01", "scheduled", "The talks are set for Geneva.")]);
    clock.set("2025-03-02T08:00:00Z");
    expect(await rig.service.tick(sub.id)).toBe("posted");
    clock.set("2025-03-03T08:00:00Z");
    expect(await rig.service.tick(sub.id)).toBe("nothing-new");

    expect(titles("c1")).toEqual(["Where things stand · Test story", "What changed · Test story"]);
    const change = poster.messages("c1")[1]!.payload;
    expect(change.embeds[0]!.description).toMatch(/^\*\*In short:\*\* [^\n]+\.\n1 new article since <t:\d+:f>:\n• Article a2 — /);
    expect(change.embeds[1]!.fields).toEqual([{ name: "Border talks: Proposed → Scheduled", value: "1 Mar 2025 · Talks scheduled" }]);
    expect(change.embeds[2]!.fields!.map((f) => f.value)).toEqual([expect.stringContaining("The talks are set for Geneva.")]);
  });

  it("says nothing changed in one line when the subscription is not quiet", async () => {
    const sub = subscribe("c1", { quiet: false });
    clock.set("2025-03-01T08:00:00Z");
    await rig.service.tick(sub.id);
    clock.set("2025-03-02T08:00:00Z");
    await rig.service.tick(sub.id);
    expect(titles("c1")[1]).toMatch(/^No changes in Test story since <t:\d+:f>\.$/);
  });

  it("does not post twice for the same run after a restart in the same minute", async () => {
    const sub = subscribe("c1");
    clock.set("2025-03-01T08:00:00Z");
    await rig.service.tick(sub.id);
    rig = rig.restart();
    clock.set("2025-03-01T08:00:40Z");
    await rig.service.catchUp();
    expect(await rig.service.tick(sub.id)).toBe("already-done");
    expect(poster.messages("c1")).toHaveLength(1);
  });

  it("finishes a run that crashed between the post and the cursor update, still with one message", async () => {
    const sub = subscribe("c1");
    rig.db.close();
    // The process dies right after Discord accepted the post, before the cursor moved.
    const db = openStateDb(file);
    const crashing = { ...subscriptionRepo(db), finishRun: () => { throw new Error("killed"); } };
    rig = open(crashing);
    clock.set("2025-03-01T08:00:00Z");
    await expect(rig.service.tick(sub.id)).rejects.toThrow("killed");
    expect(poster.messages("c1")).toHaveLength(1);
    expect(rig.repo.unfinishedRuns()).toHaveLength(1);
    db.close();

    rig = open();
    clock.set("2025-03-01T08:03:00Z");
    await rig.service.catchUp();
    expect(poster.messages("c1")).toHaveLength(1);
    expect(poster.calls).toHaveLength(1); // the message id was recorded before the crash: nothing is sent again
    expect(rig.repo.unfinishedRuns()).toEqual([]);
    expect(rig.repo.run(sub.id, "2025-03-01T08:00:00.000Z")?.state).toBe("done");
    clock.set("2025-03-02T08:00:00Z");
    expect(await rig.service.tick(sub.id)).toBe("nothing-new"); // the cursor moved: the summary is not sent again
  });

  it("resumes a digest of several messages from the part a crash interrupted", async () => {
    const sub = subscribe("c1");
    clock.set("2025-03-01T08:00:00Z");
    await rig.service.tick(sub.id);
    // Enough new articles for a digest of several messages.
    const long = "word ".repeat(150);
    setArticles([...articles, ...Array.from({ length: 40 }, (_, i) => article(`b${i}`, "2025-03-01", "scheduled", `${long} ${i}`))]);
    rig.db.close();
    const db = openStateDb(file);
    const dying = { ...subscriptionRepo(db), failRun: () => { throw new Error("killed"); } };
    rig = open(dying);
    let posts = 0;
    const post = poster.poster.post;
    poster.poster.post = async (...args) => {
      if (++posts === 2) throw new Error("connection reset");
      return post(...args);
    };
    clock.set("2025-03-02T08:00:00Z");
    await expect(rig.service.tick(sub.id)).rejects.toThrow("killed");
    poster.poster.post = post;
    db.close();

    rig = open();
    await rig.service.catchUp();
    const digest = poster.messages("c1").slice(1);
    expect(digest.length).toBeGreaterThanOrEqual(2);
    expect(new Set(digest.map((m) => m.nonce)).size).toBe(digest.length);
    expect(poster.calls.filter((nonce) => nonce === digest[0]!.nonce)).toHaveLength(1); // part 1 was not sent again
    expect(rig.repo.run(sub.id, "2025-03-02T08:00:00.000Z")?.messageIds).toEqual(digest.map((m) => m.id));
  });

  it("catches up missed runs after downtime with one digest covering the whole gap", async () => {
    const sub = subscribe("c1", { schedule: "hourly" });
    clock.set("2025-03-01T08:00:00Z");
    await rig.service.tick(sub.id);
    rig.db.close();
    // Down from 08:00 to 13:30; two articles arrived meanwhile.
    setArticles([...articles, article("a2", "2025-03-01", "scheduled", "Set for Geneva."), article("a3", "2025-03-01", "held", "The talks were held.")]);
    clock.set("2025-03-01T13:30:00Z");
    rig = open();
    await rig.service.catchUp();
    expect(poster.messages("c1")).toHaveLength(2);
    expect(poster.messages("c1")[1]!.payload.embeds[0]!.description).toMatch(/^\*\*In short:\*\* [^\n]+\.\n2 new articles since/);
    expect(rig.repo.run(sub.id, "2025-03-01T13:00:00.000Z")?.state).toBe("done");
    expect(rig.repo.run(sub.id, "2025-03-01T12:00:00.000Z")).toBeUndefined();
  });

  it("marks a subscription whose channel is gone as failing and keeps posting the others", async () => {
    const gone = subscribe("c1");
    const fine = subscribe("c2");
    poster.unusable.add("c1");
    clock.set("2025-03-01T08:00:00Z");
    expect(await rig.service.tick(gone.id)).toBe("failed");
    expect(await rig.service.tick(fine.id)).toBe("posted");
    const listed = rig.service.list("g1").map((e) => [e.subscription.channelId, e.subscription.failing, e.subscription.lastError]);
    expect(listed).toEqual([
      ["c1", true, "Cannot post in <#c1>: the channel was deleted."],
      ["c2", false, undefined],
    ]);
    // Permissions restored: the next run posts and the failure clears.
    poster.unusable.delete("c1");
    clock.set("2025-03-02T08:00:00Z");
    expect(await rig.service.tick(gone.id)).toBe("posted");
    expect(rig.service.list("g1")[0]!.subscription.failing).toBe(false);
  });

  it("updates a channel's subscription in place, and unsubscribes it", async () => {
    subscribe("c1");
    const again = rig.service.subscribe({ guildId: "g1", channelId: "c1", storyId: "test-story", schedule: "hourly", timezone: "UTC", quiet: true });
    expect(again.created).toBe(false);
    expect(rig.service.list("g1").map((e) => e.subscription.schedule)).toEqual(["hourly"]);
    expect(rig.service.unsubscribe("g1", "c1")).toBe(true);
    expect(rig.service.list("g1")).toEqual([]);
    clock.set("2025-03-01T09:00:00Z");
    rig.scheduler.fireAll();
    await rig.service.stop();
    expect(titles("c1")).toEqual([]);
  });
});

describe("when digests fire", () => {
  // Runs post through promises that settle at once (fake poster, no pacing): a few turns of the loop finish them.
  const settle = async () => {
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
  };
  const fireAt = async (iso: string) => {
    clock.set(iso);
    rig.scheduler.fireAll();
    await settle();
  };

  it("fires on the day of month or the weekday when both are given, as the engine promises", async () => {
    clock.set("2025-02-27T00:00:00Z");
    subscribe("c1", { schedule: "0 8 1 * 1", quiet: false });
    expect(rig.service.list("g1")[0]!.next?.toISOString()).toBe("2025-03-01T08:00:00.000Z");
    await fireAt("2025-03-01T08:00:00Z"); // Saturday the 1st
    await fireAt("2025-03-02T08:00:00Z"); // Sunday: not due
    await fireAt("2025-03-03T08:00:00Z"); // Monday the 3rd
    expect(poster.messages("c1")).toHaveLength(2);
  });

  it("posts one digest for the latest slot after the tick was held up for hours", async () => {
    subscribe("c1", { schedule: "hourly", quiet: false });
    clock.set("2025-03-01T11:20:00Z");
    rig.scheduler.fireAll();
    rig.scheduler.fireAll();
    await settle();
    expect(poster.messages("c1")).toHaveLength(1);
    expect(rig.repo.run(rig.service.list("g1")[0]!.subscription.id, "2025-03-01T11:00:00.000Z")?.state).toBe("done");
  });

  it("fails only the subscription whose saved schedule is no longer valid, and starts the others", async () => {
    rig.repo.upsert({ guildId: "g1", channelId: "flood", storyId: "test-story", schedule: "* * * * *", cron: "* * * * *", timezone: "UTC", quiet: false, createdAt: "2025-03-01T07:00:00Z" });
    rig.repo.upsert({ guildId: "g1", channelId: "never", storyId: "test-story", schedule: "0 0 31 2 *", cron: "0 0 31 2 *", timezone: "UTC", quiet: false, createdAt: "2025-03-01T07:00:00Z" });
    subscribe("fine");
    rig = rig.restart();
    const entries = rig.service.list("g1");
    expect(entries.map((e) => [e.subscription.channelId, e.subscription.failing, e.next?.toISOString()])).toEqual([
      ["flood", true, undefined],
      ["never", true, undefined],
      ["fine", false, "2025-03-01T08:00:00.000Z"],
    ]);
    expect(entries[0]!.subscription.lastError).toMatch(/Its schedule "\* \* \* \* \*" \(UTC\) is not accepted any more: .*at most every 30 minutes.* Subscribe the channel again/);
    expect(entries[1]!.subscription.lastError).toMatch(/never runs/);
    await fireAt("2025-03-01T08:00:00Z");
    expect(titles("fine")).toEqual(["Where things stand · Test story"]);
    expect(titles("flood")).toEqual([]);
    // Subscribing again with a valid schedule clears the failure.
    subscribe("flood", { schedule: "hourly" });
    expect(rig.service.list("g1")[0]!.subscription.failing).toBe(false);
  });

  it("caps subscriptions per server with a clear message, and still lets a channel change its schedule", () => {
    for (let i = 0; i < 25; i++) subscribe(`c${i}`);
    expect(() => subscribe("c25")).toThrow("This server already has 25 digest subscriptions, the most a server can have.");
    expect(subscribe("c3", { schedule: "hourly" }).schedule).toBe("hourly");
    expect(rig.service.subscribe({ guildId: "g2", channelId: "other", storyId: "test-story", schedule: "hourly", timezone: "UTC", quiet: true }).created).toBe(true);
  });

  it("refuses a schedule before saving anything", () => {
    expect(() => subscribe("c1", { schedule: "0 0 31 2 *" })).toThrow(/never runs/);
    expect(() => subscribe("c1", { schedule: "5/15 * * * *" })).toThrow(/at most every 30 minutes/);
    expect(rig.repo.list()).toEqual([]);
  });
});

describe("pacing posts", () => {
  it("spaces posts at least the interval apart", async () => {
    let now = 1_000;
    const slept: number[] = [];
    const pace = createPacer(25, { now: () => now, sleep: async (ms) => void slept.push(ms) });
    await pace();
    await pace();
    await pace();
    now += 100;
    await pace();
    expect(slept).toEqual([25, 50]);
  });
});
